package uz.qaror.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * The application itself. {@code date} is the day the rules judge at: the submission date unless the caller
 * asked for another; ages, dated rules and parameters all use it.
 */
public final class Application {

    private final String id;
    private final String service;
    private final OffsetDateTime submittedAt;
    private final LocalDate date;
    private final String channel;

    /**
     * Creates the application fact; the engine makes it from the application, and tests may make their own.
     *
     * @param id          see {@link #getId()}
     * @param service     see {@link #getService()}
     * @param submittedAt see {@link #getSubmittedAt()}
     * @param date        see {@link #getDate()}
     * @param channel     see {@link #getChannel()}
     */
    public Application(String id, String service, OffsetDateTime submittedAt, LocalDate date, String channel) {
        this.id = id;
        this.service = service;
        this.submittedAt = submittedAt;
        this.date = date;
        this.channel = channel;
    }

    /** {@return the application's id as the portal gave it (1 to 100 characters)} */
    public String getId() {
        return id;
    }

    /** {@return the id of the service applied to, such as {@code marriage-registration}} */
    public String getService() {
        return service;
    }

    /**
     * {@return when the application was submitted; a time given without an offset is read as Tashkent time
     * (UTC+05:00), a date alone as its start}
     */
    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    /**
     * {@return the decision date: the submission day in Tashkent, or the date the caller asked to judge at}
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * {@return how the application came in: {@code web}, {@code mobile} or {@code center} (a Public Service
     * Centre); {@code web} when not given}
     */
    public String getChannel() {
        return channel;
    }

    /** {@return whether it was submitted through the portal or its app rather than at a Public Service Centre} */
    public boolean isOnline() {
        return !"center".equals(channel);
    }

    /** {@return the day of the month of the decision date, 1 to 31 (for "applied by the 16th" rules)} */
    public int getDayOfMonth() {
        return date.getDayOfMonth();
    }

    /**
     * Completed years from a date to the decision date, for dates the facts do not hold as ages (a form's dates).
     *
     * @param birthDate the day to count from, or {@code null}
     * @return the completed years; -1 when {@code birthDate} is {@code null}
     */
    public int ageOf(LocalDate birthDate) {
        return birthDate == null ? -1 : Period.between(birthDate, date).getYears();
    }

    /**
     * Whole days from a date to the decision date.
     *
     * @param day the day to count from, or {@code null}
     * @return the days, negative for a day after the decision date; -1 when {@code day} is {@code null}, which a
     *         rule must not read as "the day before"
     */
    public long daysSince(LocalDate day) {
        return day == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(day, date);
    }
}
