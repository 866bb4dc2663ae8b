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

    public Application(String id, String service, OffsetDateTime submittedAt, LocalDate date, String channel) {
        this.id = id;
        this.service = service;
        this.submittedAt = submittedAt;
        this.date = date;
        this.channel = channel;
    }

    public String getId() {
        return id;
    }

    public String getService() {
        return service;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public LocalDate getDate() {
        return date;
    }

    /** {@code web}, {@code mobile} or {@code center}. */
    public String getChannel() {
        return channel;
    }

    /** Submitted through the portal or its app rather than at a Public Service Centre. */
    public boolean isOnline() {
        return !"center".equals(channel);
    }

    public int getDayOfMonth() {
        return date.getDayOfMonth();
    }

    /** Completed years from {@code birthDate} to the decision date; -1 where the date is unknown. */
    public int ageOf(LocalDate birthDate) {
        return birthDate == null ? -1 : Period.between(birthDate, date).getYears();
    }

    /** Whole days from {@code day} to the decision date (negative for a day after it). */
    public long daysSince(LocalDate day) {
        return day == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(day, date);
    }
}
