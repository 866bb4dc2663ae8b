package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A budget's start may take the thread's CPU time from a recent reading plus the wall-clock time since: never less
 * than the CPU time now (a budget is never cut short), less than the slack above it, and read from the system once
 * per slack of wall-clock time rather than for every decision.
 */
class ThreadCpuClockTest {

    /** A thread's clocks made by hand: CPU time advances by at most the wall-clock time that passes. */
    private static final class Clocks {
        final AtomicLong wall = new AtomicLong(1_000_000);
        final AtomicLong cpu = new AtomicLong(500_000);
        final AtomicInteger cpuReads = new AtomicInteger();
        final ThreadCpuClock clock = new ThreadCpuClock(() -> {
            cpuReads.incrementAndGet();
            return cpu.get();
        }, wall::get);

        void pass(long wallNanos, long cpuNanos) {
            assertThat(cpuNanos).isBetween(0L, wallNanos);
            wall.addAndGet(wallNanos);
            cpu.addAndGet(cpuNanos);
        }
    }

    @Test
    void withinTheSlackTheSystemIsAskedOnceAndTheAnswerNeverFallsShort() {
        Clocks clocks = new Clocks();
        long slack = 5_000_000;
        Random random = new Random(2026);
        for (int i = 0; i < 10_000; i++) {
            long wall = random.nextInt(40_000);
            clocks.pass(wall, random.nextBoolean() ? wall : random.nextLong(wall + 1));
            long bound = clocks.clock.atLeastNow(slack);
            assertThat(bound).isGreaterThanOrEqualTo(clocks.cpu.get()).isLessThan(clocks.cpu.get() + slack);
        }
        // 10,000 decisions of at most 40 us each span at most 400 ms: one reading per 5 ms of it, not one each
        assertThat(clocks.cpuReads.get()).isBetween(1, 81);
    }

    @Test
    void onceTheSlackHasPassedTheSystemIsAskedAgain() {
        Clocks clocks = new Clocks();
        assertThat(clocks.clock.atLeastNow(1_000)).isEqualTo(500_000);
        clocks.pass(999, 0); // the thread waited: the bound runs ahead of its CPU time, within the slack
        assertThat(clocks.clock.atLeastNow(1_000)).isEqualTo(500_999);
        assertThat(clocks.cpuReads.get()).isEqualTo(1);
        clocks.pass(1, 1);
        assertThat(clocks.clock.atLeastNow(1_000)).isEqualTo(500_001);
        assertThat(clocks.cpuReads.get()).isEqualTo(2);
    }

    @Test
    void aReadingIsNeverTakenForAnotherThread() throws Exception {
        Clocks clocks = new Clocks();
        clocks.clock.atLeastNow(Long.MAX_VALUE);
        Thread other = new Thread(() -> clocks.clock.atLeastNow(Long.MAX_VALUE));
        other.start();
        other.join();
        assertThat(clocks.cpuReads.get()).isEqualTo(2);
    }

    @Test
    void budgetsStartedInARowAreNeverShorterThanTheirTimeout() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Duration timeout = Duration.ofSeconds(5);
        long slack = timeout.toNanos() / Budget.SLACK_DIVISOR;
        for (int i = 0; i < 1_000; i++) {
            long before = threads.getCurrentThreadCpuTime();
            Budget budget = Budget.start(timeout);
            long after = threads.getCurrentThreadCpuTime();
            long startedAt = budget.cpuDeadline() - timeout.toNanos();
            // the start lies between the CPU time just before and the slack above the time just after
            assertThat(startedAt).isGreaterThanOrEqualTo(before).isLessThan(after + slack);
        }
    }
}
