package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A person's age counted without a {@link Period}, against the period's own count. */
class CompletedYearsTest {

    private static final long FIRST = LocalDate.of(1890, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(3000, 12, 31).toEpochDay();

    @Test
    void countsTheYearsAPeriodCountsForRandomDays() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 1_000_000; i++) {
            LocalDate from = LocalDate.ofEpochDay(random.nextLong(FIRST, LAST + 1));
            // half of the pairs within a few days of a birthday, where the count changes
            LocalDate to = i % 2 == 0 ? LocalDate.ofEpochDay(random.nextLong(from.toEpochDay(), LAST + 1))
                    : from.plusYears(random.nextInt(0, 100)).plusDays(random.nextInt(-3, 4));
            if (to.isBefore(from)) {
                continue;
            }
            assertThat(ApplicationReader.completedYears(from, to)).as("%s to %s", from, to)
                    .isEqualTo(Period.between(from, to).getYears());
        }
    }

    @Test
    void aBirthdayOnTheTwentyNinthOfFebruaryIsCompletedOnTheFirstOfMarch() {
        LocalDate leapDay = LocalDate.of(2000, 2, 29);
        assertThat(ApplicationReader.completedYears(leapDay, LocalDate.of(2001, 2, 28))).isZero();
        assertThat(ApplicationReader.completedYears(leapDay, LocalDate.of(2001, 3, 1))).isEqualTo(1);
        assertThat(ApplicationReader.completedYears(leapDay, LocalDate.of(2004, 2, 29))).isEqualTo(4);
        assertThat(ApplicationReader.completedYears(leapDay, leapDay)).isZero();
        assertThat(ApplicationReader.completedYears(LocalDate.of(2008, 12, 31), LocalDate.of(2026, 12, 30)))
                .isEqualTo(17);
        assertThat(ApplicationReader.completedYears(LocalDate.of(2008, 12, 31), LocalDate.of(2026, 12, 31)))
                .isEqualTo(18);
    }
}
