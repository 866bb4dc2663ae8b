package uz.qaror.internal.run;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.runtime.KieSession;

/**
 * Halts sessions that overrun their decision's time budget, from one daemon thread shared by every engine: the
 * deciding thread is busy in {@code fireAllRules} and cannot watch the clock itself. A halt takes effect at the
 * session's next rule firing.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Watchdog() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "qaror-decision-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every decision ends in time: its cancelled halt must not linger in the queue.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Sets {@code halted} and halts {@code session} at {@code deadlineNanos} unless cancelled first. */
    static ScheduledFuture<?> halt(KieSession session, AtomicBoolean halted, long deadlineNanos) {
        return TIMER.schedule(() -> {
            halted.set(true);
            try {
                session.halt();
            } catch (RuntimeException disposedMeanwhile) {
                // The decision ended (and disposed its session) as the deadline came: nothing to halt.
            }
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
