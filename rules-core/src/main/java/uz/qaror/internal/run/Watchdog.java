package uz.qaror.internal.run;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.runtime.KieSession;

/**
 * Halts sessions that overrun their decision's {@link Budget}, from one daemon thread shared by every engine: the
 * deciding thread is busy in {@code fireAllRules} and cannot watch the clock itself. A check comes when the budget
 * could be spent at the soonest; if the deciding thread has had less CPU than that, the next check comes when the
 * rest could be spent. A halt takes effect at the session's next rule firing.
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
        // Nearly every decision ends in time: its cancelled check must not linger in the queue.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Watches one session; {@link #cancel()} when the decision ends. */
    static final class Watch {
        private final KieSession session;
        private final Budget budget;
        private final AtomicBoolean halted;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> next;

        private Watch(KieSession session, Budget budget, AtomicBoolean halted) {
            this.session = session;
            this.budget = budget;
            this.halted = halted;
        }

        private void schedule() {
            next = TIMER.schedule(this::check, budget.nanosUntilPossiblySpent(), TimeUnit.NANOSECONDS);
        }

        private void check() {
            if (cancelled) {
                return;
            }
            if (!budget.spent()) {
                schedule();
                return;
            }
            halted.set(true);
            try {
                session.halt();
            } catch (RuntimeException disposedMeanwhile) {
                // The decision ended (and disposed its session) as the budget ran out: nothing to halt.
            }
        }

        void cancel() {
            cancelled = true;
            ScheduledFuture<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }

    /** Sets {@code halted} and halts {@code session} once {@code budget} is spent, unless cancelled first. */
    static Watch watch(KieSession session, Budget budget, AtomicBoolean halted) {
        Watch watch = new Watch(session, budget, halted);
        watch.schedule();
        return watch;
    }
}
