package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The direct reading of ISO dates and date-times against the JDK's parser: the same value, or the same exception
 * with the same message, for values of every shape, in range and out of it.
 */
class IsoTextTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(2026);

    @Test
    void datesReadAsTheJdkReadsThem() {
        for (String text : new String[] {"2025-07-15", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29",
                "2025-13-01", "2025-00-10", "2025-04-31", "2025-7-15", "+12025-07-15", "2025-07-15 ",
                "２０２５-07-15",
                "2025/07/15", "", "2025-07-1x"}) {
            sameAsJdk(text, IsoText::date, LocalDate::parse);
        }
        for (int i = 0; i < 200_000; i++) {
            sameAsJdk(String.format("%04d-%02d-%02d", RANDOM.nextInt(10_000), RANDOM.nextInt(15), RANDOM.nextInt(34)),
                    IsoText::date, LocalDate::parse);
        }
    }

    @Test
    void dateTimesReadAsTheJdkReadsThem() {
        for (String text : new String[] {"2025-07-15T10:30:00+05:00", "2025-07-15T10:30:00Z", "2025-07-15T10:30:00z",
                "2025-07-15T24:00:00+05:00", "2025-07-15T10:60:00+05:00", "2025-07-15T10:30:60+05:00",
                "2025-07-15T10:30:00+18:00", "2025-07-15T10:30:00+19:00", "2025-07-15T10:30:00-18:00",
                "2025-07-15T10:30:00+05:60", "2025-07-15T10:30:00-00:00", "2025-07-15T10:30:00+0500",
                "2025-07-15T10:30+05:00", "2025-07-15T10:30:00.5+05:00", "2025-02-30T10:30:00+05:00",
                "2025-07-15t10:30:00+05:00", "2025-07-15T10:30:00*05:00", "2025-07-15T10:30:00"}) {
            sameAsJdk(text, IsoText::offsetDateTime, OffsetDateTime::parse);
        }
        for (int i = 0; i < 200_000; i++) {
            String date = String.format("%04d-%02d-%02dT%02d:%02d:%02d", RANDOM.nextInt(10_000), RANDOM.nextInt(14),
                    RANDOM.nextInt(33), RANDOM.nextInt(26), RANDOM.nextInt(62), RANDOM.nextInt(62));
            String offset = RANDOM.nextInt(5) == 0 ? "Z" : String.format("%s%02d:%02d",
                    RANDOM.nextBoolean() ? "+" : "-", RANDOM.nextInt(20), RANDOM.nextInt(62));
            sameAsJdk(date + offset, IsoText::offsetDateTime, OffsetDateTime::parse);
        }
    }

    @Test
    void digitsCountsTheCharactersOfALongWrittenOut() {
        long[] edges = {0, 9, 10, -1, -9, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long value : edges) {
            assertThat(InputScan.digits(value)).as("%d", value).isEqualTo(Long.toString(value).length());
        }
        for (int i = 0; i < 100_000; i++) {
            long value = RANDOM.nextLong() >> RANDOM.nextInt(64);
            assertThat(InputScan.digits(value)).as("%d", value).isEqualTo(Long.toString(value).length());
        }
    }

    private static <T> void sameAsJdk(String text, Function<String, T> ours, Function<String, T> jdk) {
        Object expected;
        try {
            expected = jdk.apply(text);
        } catch (DateTimeParseException e) {
            expected = e.getMessage();
        }
        Object actual;
        try {
            actual = ours.apply(text);
        } catch (DateTimeParseException e) {
            actual = e.getMessage();
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }
}
