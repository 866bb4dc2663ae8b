package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.internal.json.Json;

/** The working days of the catalog's calendar, day by day over twenty years, leap days included. */
class HolidayCalendarTest {

    @Test
    void aWorkingDayIsNoWeekendNoFixedHolidayAndNoDatedOne() throws Exception {
        HolidayCalendar calendar = YamlFiles.read(
                Files.readAllBytes(Path.of("../rules-catalog/src/main/resources/qaror/catalog/calendar.yaml")),
                "calendar.yaml", Json.YAML.getTypeFactory().constructType(HolidayCalendar.class));
        assertThat(calendar.fixed()).isNotEmpty();
        assertThat(calendar.dated()).isNotEmpty();
        HolidayCalendar.WorkingDays workingDays = calendar.workingDays();
        int holidays = 0;
        for (LocalDate day = LocalDate.of(2015, 1, 1); day.isBefore(LocalDate.of(2035, 1, 1)); day = day.plusDays(1)) {
            LocalDate today = day;
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean fixed = calendar.fixed().stream().anyMatch(text -> MonthDay.parse("--" + text)
                    .equals(MonthDay.of(today.getMonth(), today.getDayOfMonth())));
            boolean dated = calendar.dated().stream().anyMatch(holiday -> holiday.date().equals(today));
            assertThat(workingDays.isWorkingDay(day)).as(day.toString()).isEqualTo(!weekend && !fixed && !dated);
            holidays += !weekend && (fixed || dated) ? 1 : 0;
        }
        assertThat(holidays).isGreaterThan(100);
    }

    @Test
    void aLeapDayHolidayAndAMisspeltDay() {
        HolidayCalendar leap = new HolidayCalendar(null, List.of("02-29"), List.of());
        assertThat(leap.workingDays().isWorkingDay(LocalDate.of(2028, 2, 29))).isFalse(); // a Tuesday
        assertThat(leap.workingDays().isWorkingDay(LocalDate.of(2028, 3, 1))).isTrue();
        assertThatThrownBy(() -> new HolidayCalendar(null, List.of("13-01"), List.of()).workingDays())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'13-01' is not a day of the year");
    }
}
