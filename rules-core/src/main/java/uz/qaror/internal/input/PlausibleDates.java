package uz.qaror.internal.input;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The dates an application may carry, each within what it can be. A date outside is a wrong field, like a date
 * that does not parse: a spouse born in year 0 or in 1899 is a typing error, not a person to marry, and an
 * application dated 2100 was not submitted yet.
 *
 * <ul>
 *   <li>submission ({@code submittedAt}): from 2000-01-01 (before the portal and any parameter of the catalog)
 *       to one day after now (clocks of portals and engine may differ by hours, not days);</li>
 *   <li>birth dates (applicant, household members): from 1900-01-01 to the submission day;</li>
 *   <li>documents' issue dates ({@code issuedOn}): from 1900-01-01 to one day after now;</li>
 *   <li>dates of the service's form ({@code type: date}): from 1900-01-01 to ten years after the submission day
 *       (a form may ask for a planned date);</li>
 *   <li>a vehicle's year: from 1900 to the year after now (next year's models are sold this year);</li>
 *   <li>a decision date given to the engine ({@code asOf}): from 1900-01-01 to 2999-12-31.</li>
 * </ul>
 */
public final class PlausibleDates {

    /** The earliest birth, issue or form date. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The earliest submission. */
    public static final LocalDate EARLIEST_SUBMISSION = LocalDate.of(2000, 1, 1);
    /** How far after the submission day a form's date may lie. */
    public static final int FORM_YEARS_AHEAD = 10;

    private static final LocalDate LATEST_DECISION_DATE = LocalDate.of(2999, 12, 31);

    private PlausibleDates() {
    }

    /** What is wrong with a submission time, judged against {@code clock}; empty when it is plausible. */
    public static Optional<String> submissionProblem(OffsetDateTime submittedAt, Clock clock) {
        if (submittedAt.getYear() < EARLIEST_SUBMISSION.getYear()) {
            return Optional.of("is before " + EARLIEST_SUBMISSION + "; no application of the portal is that old");
        }
        // instants compared, as OffsetDateTime.isAfter does, without the zone rules of the clock's zone
        if (submittedAt.toInstant().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            return Optional.of("is more than a day in the future (" + submittedAt.toLocalDate()
                    + "); an application is decided once submitted");
        }
        return Optional.empty();
    }

    /** What is wrong with a birth date given the submission day; empty when it is plausible. */
    public static Optional<String> birthProblem(LocalDate birth, LocalDate submissionDay) {
        return between(birth, EARLIEST, submissionDay, "the submission day");
    }

    /**
     * What is wrong with a document's issue date, judged against {@code clock}; empty when it is plausible. An
     * issue date after the submission is left to the rules that care: what-if runs and the catalog's own test
     * cases move the submission date around documents issued since.
     */
    public static Optional<String> issueProblem(LocalDate issued, Clock clock) {
        return between(issued, EARLIEST, LocalDate.now(clock).plusDays(1), "tomorrow");
    }

    /** What is wrong with a date of the service's form given the submission day; empty when it is plausible. */
    public static Optional<String> formDateProblem(LocalDate date, LocalDate submissionDay) {
        return between(date, EARLIEST, submissionDay.plusYears(FORM_YEARS_AHEAD),
                FORM_YEARS_AHEAD + " years after the submission day");
    }

    /** What is wrong with a vehicle's year, judged against {@code clock}; empty when it is plausible. */
    public static Optional<String> vehicleYearProblem(int year, Clock clock) {
        int latest = LocalDate.now(clock).getYear() + 1;
        return year < EARLIEST.getYear() || year > latest
                ? Optional.of("is not a vehicle's year (" + EARLIEST.getYear() + " to " + latest + ")")
                : Optional.empty();
    }

    /** Whether the engine can judge an application as of this date. */
    public static boolean isDecisionDate(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST_DECISION_DATE);
    }

    private static Optional<String> between(LocalDate date, LocalDate earliest, LocalDate latest, String what) {
        if (date.isBefore(earliest)) {
            return Optional.of(date + " is before " + earliest);
        }
        if (date.isAfter(latest)) {
            return Optional.of(date + " is after " + what + " (" + latest + ")");
        }
        return Optional.empty();
    }
}
