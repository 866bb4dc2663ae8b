package uz.qaror.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Dates and times written digit by digit must read exactly as the JDK writes them, whatever the value. */
class IsoFormTest {

    private static final Random RANDOM = new Random(2026_12_03);

    @Test
    void aDateIsWrittenAsLocalDateWritesIt() {
        List<LocalDate> edges = List.of(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(999, 12, 31),
                LocalDate.of(10_000, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(-1, 6, 15), LocalDate.of(2024, 2, 29),
                LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH);
        for (LocalDate date : edges) {
            assertThat(IsoForm.date(date)).isEqualTo(date.toString());
        }
        for (int i = 0; i < 200_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(RANDOM.nextInt(4_000_000) - 1_000_000);
            assertThat(IsoForm.date(date)).as("%s", date).isEqualTo(date.toString());
        }
    }

    @Test
    void aSubmissionTimeIsWrittenAsTheIsoOffsetFormatterWritesIt() {
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(5), ZoneOffset.ofHours(-5),
                ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHoursMinutes(0, 30),
                ZoneOffset.ofHoursMinutes(0, -30), ZoneOffset.ofTotalSeconds(30),
                ZoneOffset.ofTotalSeconds(-5 * 3600 - 7), ZoneOffset.MAX, ZoneOffset.MIN);
        List<Integer> nanos = List.of(0, 0, 0, 1, 500_000_000, 123_000_000, 999_999_999, 120_000);
        for (int i = 0; i < 200_000; i++) {
            int year = RANDOM.nextInt(10) == 0 ? RANDOM.nextInt(20_000) - 5_000 : 1900 + RANDOM.nextInt(200);
            LocalDateTime local = LocalDateTime.of(LocalDate.ofYearDay(year, 1).plusDays(RANDOM.nextInt(365)),
                    java.time.LocalTime.ofSecondOfDay(RANDOM.nextInt(86_400)).withNano(nanos.get(RANDOM.nextInt(
                            nanos.size()))));
            OffsetDateTime time = OffsetDateTime.of(local, offsets.get(RANDOM.nextInt(offsets.size())));
            assertThat(IsoForm.offsetDateTime(time)).as("%s", time)
                    .isEqualTo(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        OffsetDateTime midnight = OffsetDateTime.of(2026, 12, 3, 0, 0, 0, 0, ZoneOffset.ofHours(5));
        assertThat(IsoForm.offsetDateTime(midnight)).isEqualTo("2026-12-03T00:00:00+05:00");
        assertThat(IsoForm.offsetDateTime(midnight.withOffsetSameLocal(ZoneOffset.UTC)))
                .isEqualTo("2026-12-03T00:00:00Z");
    }
}
