package uz.qaror.internal.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The time one decision may take, counted on the thread that decides it: its CPU time against the budget, so that
 * a loaded machine (where a decision mostly waits for a core) does not fail decisions, and its wall-clock time
 * against {@value #WALL_FACTOR} times the budget, so that rules that wait rather than compute are stopped too.
 * Where the JVM cannot measure a thread's CPU time, only the wall clock counts, against the budget itself.
 *
 * <p>A thread's CPU time is a system call (0.6-1.5 us on a virtual machine, as much as a tenth of a decision when it
 * was asked five times in each); the wall clock is not. A thread cannot use more CPU time than the wall-clock time
 * that passes, so the CPU time is not read again until as much wall-clock time as the budget has passed; and a
 * budget starts from a reading of the same thread less than a thousandth of the budget old, if there is one, plus
 * the wall-clock time since ({@link ThreadCpuClock}): never less than the CPU time at the start, so a budget may be
 * that thousandth more generous, never less.
 *
 * @param thread             the deciding thread's id
 * @param cpuDeadline        the thread's CPU time ({@link ThreadMXBean#getThreadCpuTime}) at which the budget is spent
 * @param wallDeadline       the {@link System#nanoTime()} at which the budget is spent, however little CPU was used
 * @param cpuPossiblySpentAt the {@link System#nanoTime()} before which the CPU budget cannot be spent
 */
public record Budget(long thread, long cpuDeadline, long wallDeadline, long cpuPossiblySpentAt) {

    /** How many times the budget a decision may take in wall-clock time. */
    public static final int WALL_FACTOR = 10;

    /** A budget may start from the CPU time read up to this fraction of the budget before (1/1000th). */
    static final long SLACK_DIVISOR = 1000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** A budget of {@code timeout} for a decision the current thread starts now. */
    public static Budget start(Duration timeout) {
        long nanos = timeout.toNanos();
        long now = System.nanoTime();
        long wall = now + (CPU_TIME ? saturatedTimes(nanos, WALL_FACTOR) : nanos);
        long cpu = CPU_TIME ? ThreadCpuClock.SYSTEM.atLeastNow(nanos / SLACK_DIVISOR) + nanos : Long.MAX_VALUE;
        return new Budget(Thread.currentThread().getId(), cpu, wall, now + nanos);
    }

    /** Now, to give back what the current thread spends from now on with {@link #extendedBy}. */
    public static Spent measure() {
        return new Spent(System.nanoTime());
    }

    /** A point in the current thread's wall-clock time. */
    public record Spent(long wall) {
    }

    /**
     * This budget with the time since {@code since} given back (work not the decision's, such as waiting for its
     * service's rules to compile). The wall-clock time is given back to the CPU budget too: never less than the CPU
     * time the work used, and read without a system call.
     */
    public Budget extendedBy(Spent since) {
        long given = System.nanoTime() - since.wall();
        return new Budget(thread, cpuDeadline == Long.MAX_VALUE ? cpuDeadline : cpuDeadline + given,
                wallDeadline + given, cpuPossiblySpentAt + given);
    }

    /** Whether the budget is spent (asked of the deciding thread or of the watchdog). */
    public boolean spent() {
        long now = System.nanoTime();
        if (now - wallDeadline >= 0) {
            return true;
        }
        return now - cpuPossiblySpentAt >= 0 && cpuLeft() <= 0;
    }

    /** Nanoseconds until the budget could be spent at the soonest: CPU time never runs faster than the clock. */
    long nanosUntilPossiblySpent() {
        long now = System.nanoTime();
        return Math.max(0, Math.min(wallDeadline - now, cpuPossiblySpentAt - now));
    }

    private long cpuLeft() {
        if (cpuDeadline == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long used = THREADS.getThreadCpuTime(thread);
        return used < 0 ? Long.MAX_VALUE : cpuDeadline - used; // -1: the thread has ended
    }

    private static long saturatedTimes(long value, int factor) {
        return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE / 2 : value * factor;
    }
}
