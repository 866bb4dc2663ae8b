package uz.qaror.internal.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * The current thread's CPU time for the start of a {@link Budget}, read from the system at most once per
 * {@code slack} of wall-clock time.
 *
 * <p>Reading a thread's CPU time is a system call: 610-665 ns on this project's 2-core virtual machine, about a
 * thirtieth of a hot decision, and a batch started two budgets per record (the record's and the decision's). A thread
 * cannot use more CPU time than the wall-clock time that passes, so the time read {@code elapsed} nanoseconds ago
 * plus {@code elapsed} is never less than the time now, and exceeds it by less than {@code slack}. A budget counted
 * from that bound is spent no sooner than one counted from the exact time, and at most {@code slack} later.
 */
final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The current thread's CPU time from the system, and the wall clock: what a budget is counted on. */
    static final ThreadCpuClock SYSTEM = new ThreadCpuClock(THREADS::getCurrentThreadCpuTime, System::nanoTime);

    private final LongSupplier threadCpuTime;
    private final LongSupplier wallClock;
    /** Per thread: the wall-clock time of the last reading (or none yet: {@code read == false}) and its value. */
    private final ThreadLocal<Reading> last = ThreadLocal.withInitial(Reading::new);

    private static final class Reading {
        boolean read;
        long wall;
        long cpu;
    }

    ThreadCpuClock(LongSupplier threadCpuTime, LongSupplier wallClock) {
        this.threadCpuTime = threadCpuTime;
        this.wallClock = wallClock;
    }

    /**
     * The current thread's CPU time or a little more: never less than it, and less than {@code slack} nanoseconds
     * above it.
     */
    long atLeastNow(long slack) {
        Reading reading = last.get();
        long now = wallClock.getAsLong();
        long elapsed = now - reading.wall;
        if (!reading.read || elapsed < 0 || elapsed >= slack) {
            reading.cpu = threadCpuTime.getAsLong();
            reading.wall = now;
            reading.read = true;
            return reading.cpu;
        }
        return reading.cpu + elapsed;
    }
}
