package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A submission time is plausible from 2000 to a day after now, whatever offsets it and the clock are in. */
class PlausibleDatesTest {

    /** Noon in Tashkent on a day Europe/Berlin changes its clocks: the clock's own zone rules must not matter. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-29T07:00:00Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void aSubmissionUpToADayAheadOfNowIsPlausibleAndLaterIsNot() {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW.instant(), ZoneOffset.ofHours(5));
        assertThat(PlausibleDates.submissionProblem(now, NOW)).isEmpty();
        assertThat(PlausibleDates.submissionProblem(now.plusHours(24), NOW)).isEmpty();
        assertThat(PlausibleDates.submissionProblem(now.plusHours(24).plusSeconds(1), NOW)).get().asString()
                .contains("more than a day in the future (2026-03-30)");
        // the same instant written at another offset is judged the same
        assertThat(PlausibleDates.submissionProblem(now.plusHours(25).withOffsetSameInstant(ZoneOffset.UTC), NOW))
                .isPresent();
        assertThat(PlausibleDates.submissionProblem(now.plusHours(23).withOffsetSameInstant(ZoneOffset.ofHours(-10)),
                NOW)).isEmpty();
    }

    @Test
    void aSubmissionBefore2000IsNotPlausible() {
        assertThat(PlausibleDates.submissionProblem(OffsetDateTime.parse("1999-12-31T23:00:00+05:00"), NOW)).get()
                .asString().contains("is before 2000-01-01");
        assertThat(PlausibleDates.submissionProblem(OffsetDateTime.parse("2000-01-01T09:00:00+05:00"), NOW))
                .isEmpty();
    }
}
