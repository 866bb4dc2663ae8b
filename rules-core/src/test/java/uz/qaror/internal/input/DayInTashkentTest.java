package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The day in Tashkent (UTC+05:00, as the engine counts it) of a submission instant is the day of its zoned date-time
 * there, for instants written with any offset, near midnight on either side, across two centuries.
 */
class DayInTashkentTest {

    @Test
    void isTheDayOfTheZonedDateTimeInTashkent() {
        SplittableRandom random = new SplittableRandom(2026);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            OffsetDateTime written = instant.atOffset(offset);
            assertThat(ApplicationReader.dayInTashkent(written)).as(written.toString())
                    .isEqualTo(written.atZoneSameInstant(ApplicationReader.TASHKENT).toLocalDate());
        }
    }

    @Test
    void nearMidnight() {
        assertThat(ApplicationReader.dayInTashkent(OffsetDateTime.parse("2025-06-01T18:59:59Z")))
                .isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(ApplicationReader.dayInTashkent(OffsetDateTime.parse("2025-06-01T19:00:00Z")))
                .isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(ApplicationReader.dayInTashkent(OffsetDateTime.parse("2025-06-02T00:30:00+05:00")))
                .isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(ApplicationReader.dayInTashkent(OffsetDateTime.parse("2025-06-01T23:30:00-03:00")))
                .isEqualTo(LocalDate.of(2025, 6, 2));
    }
}
