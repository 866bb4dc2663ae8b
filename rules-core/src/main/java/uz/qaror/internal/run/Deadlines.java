package uz.qaror.internal.run;

import java.time.LocalDate;

import uz.qaror.ServiceDescriptor.Deadline;
import uz.qaror.internal.catalog.HolidayCalendar;

/**
 * The legal deadline of a decision, counted from the submission date. Working days skip weekends and the public
 * holidays of the catalog's calendar; days off moved by decree to another date are not modelled.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static LocalDate dueDate(Deadline deadline, LocalDate submitted, HolidayCalendar.WorkingDays calendar) {
        if (deadline == null) {
            return null;
        }
        if (deadline.workingDays() != null) {
            return calendar.after(submitted, deadline.workingDays());
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
