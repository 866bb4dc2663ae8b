package uz.qaror.internal.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The days that are not working days: weekends, public holidays on fixed dates ({@code MM-DD}) and those whose
 * date is set each year (the two Hayit feasts), as the catalog's {@code calendar.yaml} lists them. Working-day
 * deadlines count only working days.
 */
public record HolidayCalendar(String legalBasis, List<String> fixed, List<DatedHoliday> dated) {

    /** Weekends only: for a catalog without {@code calendar.yaml}. */
    public static final HolidayCalendar WEEKENDS_ONLY = new HolidayCalendar(null, List.of(), List.of());

    /** A holiday on one date, with its name and how well the date is confirmed (V, P or E). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DatedHoliday(LocalDate date, String name, String verification) {
    }

    public HolidayCalendar {
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
        dated = dated == null ? List.of() : List.copyOf(dated);
    }

    private Set<MonthDay> fixedDays() {
        return fixed.stream().map(text -> {
            try {
                return MonthDay.parse("--" + text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a day of the year; write it as MM-DD", e);
            }
        }).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A fast lookup of the working days this calendar describes.
     *
     * @throws IllegalArgumentException naming a fixed entry that is not {@code MM-DD}
     */
    public WorkingDays workingDays() {
        return new WorkingDayTable(rule());
    }

    /** The rule itself, asked day by day: what the table holds. */
    WorkingDays rule() {
        Set<MonthDay> fixedDays = fixedDays();
        Set<LocalDate> datedDays = dated.stream().map(DatedHoliday::date).collect(Collectors.toUnmodifiableSet());
        return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !fixedDays.contains(MonthDay.from(day)) && !datedDays.contains(day);
    }

    /** Whether a day is a working day, and the day a number of working days after another. */
    @FunctionalInterface
    public interface WorkingDays {
        boolean isWorkingDay(LocalDate day);

        /** The day {@code count} working days after {@code start} ({@code start} itself when none). */
        default LocalDate after(LocalDate start, int count) {
            LocalDate day = start;
            int left = count;
            while (left > 0) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    left--;
                }
            }
            return day;
        }
    }
}
