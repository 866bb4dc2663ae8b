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
 * @param thread      the deciding thread's id
 * @param cpuDeadline the thread's CPU time ({@link ThreadMXBean#getThreadCpuTime}) at which the budget is spent
 * @param wallDeadline the {@link System#nanoTime()} at which the budget is spent, however little CPU was used
 */
public record Budget(long thread, long cpuDeadline, long wallDeadline) {

    /** How many times the budget a decision may take in wall-clock time. */
    public static final int WALL_FACTOR = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** A budget of {@code timeout} for a decision the current thread starts now. */
    public static Budget start(Duration timeout) {
        long nanos = timeout.toNanos();
        long wall = System.nanoTime() + (CPU_TIME ? saturatedTimes(nanos, WALL_FACTOR) : nanos);
        long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() + nanos : Long.MAX_VALUE;
        return new Budget(Thread.currentThread().getId(), cpu, wall);
    }

    /** What the current thread has used so far, to give it back with {@link #extendedBy}. */
    public static Spent measure() {
        return new Spent(System.nanoTime(), CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0);
    }

    /** A point in the current thread's wall-clock and CPU time. */
    public record Spent(long wall, long cpu) {
    }

    /** This budget with what the current thread spent since {@code since} given back (work not the decision's). */
    public Budget extendedBy(Spent since) {
        Spent now = measure();
        return new Budget(thread, cpuDeadline == Long.MAX_VALUE ? cpuDeadline : cpuDeadline + (now.cpu - since.cpu),
                wallDeadline + (now.wall - since.wall));
    }

    /** Whether the budget is spent (asked of the deciding thread or of the watchdog). */
    public boolean spent() {
        return System.nanoTime() - wallDeadline >= 0 || cpuLeft() <= 0;
    }

    /** Nanoseconds until the budget could be spent at the soonest: CPU time never runs faster than the clock. */
    long nanosUntilPossiblySpent() {
        return Math.max(0, Math.min(wallDeadline - System.nanoTime(), cpuLeft()));
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
