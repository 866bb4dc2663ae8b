package uz.qaror.internal.catalog;

import java.time.LocalDate;
import java.time.Year;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A calendar's working days as one bit per day, a year's bits made on the first question about that year. A
 * decision's due date counts up to a few dozen days ahead, and asking the calendar's rule for each (a new date, a
 * month-day and two set lookups per day) was a hundredth of a batch's decisions. Years outside the table are
 * asked of the rule itself.
 */
final class WorkingDayTable implements HolidayCalendar.WorkingDays {

    /** The years the table holds: every date an application or a decision date may bring, with a year to spare. */
    static final int FIRST_YEAR = 1899;
    static final int LAST_YEAR = 3000;
    /** Six longs hold the 366 days of a leap year. */
    private static final int WORDS = 6;

    private final HolidayCalendar.WorkingDays rule;
    private final AtomicReferenceArray<long[]> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    WorkingDayTable(HolidayCalendar.WorkingDays rule) {
        this.rule = rule;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        long[] bits = bitsOf(day.getYear());
        return bits == null ? rule.isWorkingDay(day) : isSet(bits, day.getDayOfYear());
    }

    @Override
    public LocalDate after(LocalDate start, int count) {
        int year = start.getYear();
        int dayOfYear = start.getDayOfYear();
        int left = count;
        while (left > 0) {
            dayOfYear++;
            if (dayOfYear > lengthOf(year)) {
                year++;
                dayOfYear = 1;
            }
            long[] bits = bitsOf(year);
            if (bits == null) {
                // beyond the table: the rest counted by the rule, from the day before this one
                return HolidayCalendar.WorkingDays.super.after(LocalDate.ofYearDay(year, dayOfYear).minusDays(1), left);
            }
            if (isSet(bits, dayOfYear)) {
                left--;
            }
        }
        return LocalDate.ofYearDay(year, dayOfYear);
    }

    /** The year's bits, made now if they were not; null for a year outside the table. */
    private long[] bitsOf(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return null;
        }
        long[] bits = years.get(year - FIRST_YEAR);
        if (bits == null) {
            bits = new long[WORDS];
            int days = lengthOf(year);
            for (int dayOfYear = 1; dayOfYear <= days; dayOfYear++) {
                if (rule.isWorkingDay(LocalDate.ofYearDay(year, dayOfYear))) {
                    bits[word(dayOfYear)] |= bit(dayOfYear);
                }
            }
            // two threads may make the same year: both make the same bits
            years.set(year - FIRST_YEAR, bits);
        }
        return bits;
    }

    private static int lengthOf(int year) {
        return Year.isLeap(year) ? 366 : 365;
    }

    private static boolean isSet(long[] bits, int dayOfYear) {
        return (bits[word(dayOfYear)] & bit(dayOfYear)) != 0;
    }

    /** The long that holds a day's bit (days count from 1), and the bit within it. */
    private static int word(int dayOfYear) {
        return (dayOfYear - 1) >>> 6;
    }

    private static long bit(int dayOfYear) {
        return 1L << ((dayOfYear - 1) & 63);
    }
}
