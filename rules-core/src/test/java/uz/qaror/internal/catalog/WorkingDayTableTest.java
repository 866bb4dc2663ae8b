package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uz.qaror.internal.json.Json;

/**
 * The table of working days answers as the calendar's rule does, day by day: whether a day is a working day, and
 * the day a number of working days after another, across years, leap days and the table's own ends.
 */
class WorkingDayTableTest {

    private static final HolidayCalendar CATALOG = catalogCalendar();

    private static HolidayCalendar catalogCalendar() {
        try {
            return YamlFiles.read(
                    Files.readAllBytes(Path.of("../rules-catalog/src/main/resources/qaror/catalog/calendar.yaml")),
                    "calendar.yaml", Json.YAML.getTypeFactory().constructType(HolidayCalendar.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyDayOfTheTableIsAWorkingDayExactlyWhenTheRuleSaysSo() {
        for (HolidayCalendar calendar : List.of(CATALOG, HolidayCalendar.WEEKENDS_ONLY,
                new HolidayCalendar(null, List.of("02-29", "01-01", "12-31"), List.of()))) {
            HolidayCalendar.WorkingDays table = calendar.workingDays();
            HolidayCalendar.WorkingDays rule = calendar.rule();
            List<LocalDate> differing = new java.util.ArrayList<>();
            int workingDays = 0;
            for (LocalDate day = LocalDate.of(1890, 1, 1); day.isBefore(LocalDate.of(3010, 1, 1));
                    day = day.plusDays(1)) {
                boolean working = table.isWorkingDay(day);
                if (working != rule.isWorkingDay(day)) {
                    differing.add(day);
                }
                workingDays += working ? 1 : 0;
            }
            assertThat(differing).isEmpty();
            assertThat(workingDays).isGreaterThan(250 * 1100);
        }
    }

    @Test
    void theDayAfterSomeWorkingDaysIsTheOneCountingDayByDayGives() {
        Random random = new Random(2026_12_03);
        List<LocalDate> edges = List.of(LocalDate.of(1898, 12, 20), LocalDate.of(1899, 1, 1),
                LocalDate.of(2999, 12, 20), LocalDate.of(3000, 12, 20), LocalDate.of(3000, 12, 31),
                LocalDate.of(2027, 12, 24), LocalDate.of(2028, 2, 28), LocalDate.of(2026, 3, 20));
        for (HolidayCalendar calendar : List.of(CATALOG, new HolidayCalendar(null, List.of("02-29"), List.of()))) {
            HolidayCalendar.WorkingDays table = calendar.workingDays();
            HolidayCalendar.WorkingDays rule = calendar.rule();
            for (LocalDate start : edges) {
                for (int count = 0; count <= 40; count++) {
                    assertThat(table.after(start, count)).as("%s + %d", start, count)
                            .isEqualTo(rule.after(start, count));
                }
            }
            for (int i = 0; i < 20_000; i++) {
                LocalDate start = LocalDate.of(1895 + random.nextInt(1110), 1, 1).plusDays(random.nextInt(366));
                int count = random.nextInt(i % 10 == 0 ? 400 : 60);
                if (!table.after(start, count).equals(rule.after(start, count))) {
                    assertThat(table.after(start, count)).as("%s + %d", start, count)
                            .isEqualTo(rule.after(start, count));
                }
            }
        }
    }
}
