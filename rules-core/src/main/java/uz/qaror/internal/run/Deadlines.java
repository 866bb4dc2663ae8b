package uz.qaror.internal.run;

import java.time.DayOfWeek;
import java.time.LocalDate;

import uz.qaror.ServiceDescriptor.Deadline;

/**
 * The legal deadline of a decision, counted from the submission date. Working days skip Saturdays and Sundays;
 * public holidays are not yet counted (the calendar of transferred days is set each year by decree).
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static LocalDate dueDate(Deadline deadline, LocalDate submitted) {
        if (deadline == null) {
            return null;
        }
        if (deadline.workingDays() != null) {
            LocalDate day = submitted;
            int left = deadline.workingDays();
            while (left > 0) {
                day = day.plusDays(1);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    left--;
                }
            }
            return day;
        }
        if (deadline.days() != null) {
            return submitted.plusDays(deadline.days());
        }
        if (deadline.months() != null) {
            return submitted.plusMonths(deadline.months());
        }
        return null;
    }
}
