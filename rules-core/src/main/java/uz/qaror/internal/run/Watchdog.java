package uz.qaror.internal.run;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.kie.api.runtime.KieSession;

/**
 * Halts sessions that overrun their decision's {@link Budget}, from one daemon thread shared by every engine: the
 * deciding thread is busy in {@code fireAllRules} and cannot watch the clock itself.
 *
 * <p>A decision only registers its watch in a set; the watchdog looks over the set every {@value #TICK_MILLIS} ms.
 * Scheduling a timer task per decision instead woke the watchdog thread twice per decision (to schedule and to
 * cancel), tens of thousands of times a second in a batch, which showed as a sixth of a re-screening's CPU spent in
 * the kernel. A halt therefore comes at most a tick after the budget is spent and takes effect at the session's next
 * rule firing. After a second with nothing to watch the thread sleeps until a decision registers.
 *
 * <p>The set is striped by thread: one set shared by every deciding thread had each decision's add and remove
 * contend with the other threads' (its counter and its bins), a cost that grew with the threads of a batch.
 */
final class Watchdog {

    static final long TICK_MILLIS = 10;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A power of two, so that a thread's stripe is a mask of its id; consecutive ids (a batch's workers) differ. */
    private static final int STRIPES = 16;
    private static final List<Set<Watch>> WATCHED = Stream.<Set<Watch>>generate(ConcurrentHashMap::newKeySet)
            .limit(STRIPES).toList();
    private static final AtomicBoolean SLEEPING = new AtomicBoolean();
    private static final Thread THREAD = start();

    private Watchdog() {
    }

    private static Thread start() {
        Thread thread = new Thread(Watchdog::run, "qaror-decision-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** One session watched; {@link #cancel()} when the decision ends. */
    static final class Watch {
        private final KieSession session;
        private final Budget budget;
        private final AtomicBoolean halted;
        /** Before this {@link System#nanoTime()} the budget cannot be spent: no need to ask for CPU time. */
        private final long notBefore;
        /**
         * Who ended the watch: the watchdog halting the session, or the decision cancelling it. Only one of them
         * can, so a session whose watch was cancelled can be given to the next decision, never to be halted by a
         * watchdog that read the set before the cancel.
         */
        private final AtomicBoolean ended = new AtomicBoolean();

        /** The stripe of the thread that decides, where the watch is until it ends. */
        private final Set<Watch> stripe;

        private Watch(KieSession session, Budget budget, AtomicBoolean halted) {
            this.stripe = WATCHED.get((int) Thread.currentThread().getId() & (STRIPES - 1));
            this.session = session;
            this.budget = budget;
            this.halted = halted;
            this.notBefore = System.nanoTime() + budget.nanosUntilPossiblySpent();
        }

        /** Whether the watch is over: its session halted because the budget is spent. */
        private boolean haltIfSpent(long now) {
            if (now - notBefore < 0 || !budget.spent()) {
                return false;
            }
            if (!ended.compareAndSet(false, true)) {
                return true; // cancelled: the session may already decide another application
            }
            halted.set(true);
            try {
                session.halt();
            } catch (RuntimeException disposedMeanwhile) {
                // The decision ended (and disposed its session) as the budget ran out: nothing to halt.
            }
            return true;
        }

        /**
         * Ends the watch.
         *
         * @return true when the watchdog never halted the session and never will; false when it has or is doing so
         */
        boolean cancel() {
            stripe.remove(this);
            return ended.compareAndSet(false, true);
        }
    }

    /** Sets {@code halted} and halts {@code session} once {@code budget} is spent, unless cancelled first. */
    static Watch watch(KieSession session, Budget budget, AtomicBoolean halted) {
        Watch watch = new Watch(session, budget, halted);
        watch.stripe.add(watch);
        if (SLEEPING.get()) {
            LockSupport.unpark(THREAD);
        }
        return watch;
    }

    private static boolean nothingWatched() {
        for (Set<Watch> stripe : WATCHED) {
            if (!stripe.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void run() {
        long lastBusy = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (!nothingWatched()) {
                lastBusy = now;
                for (Set<Watch> stripe : WATCHED) {
                    try {
                        stripe.removeIf(watch -> watch.haltIfSpent(now));
                    } catch (RuntimeException | Error unexpected) {
                        // The watchdog must outlive any one session's failure, or no later decision would be halted.
                    }
                }
            } else if (now - lastBusy > IDLE_NANOS) {
                SLEEPING.set(true);
                if (nothingWatched()) { // a watch added before SLEEPING was set would not unpark
                    LockSupport.park();
                }
                SLEEPING.set(false);
                lastBusy = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }
}
