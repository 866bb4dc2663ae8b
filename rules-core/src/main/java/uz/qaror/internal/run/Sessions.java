package uz.qaror.internal.run;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/**
 * The sessions of one service's KieBase: a decision takes one, and one that ended as it should goes back reset
 * (facts, agenda, globals, listeners and the pseudo clock cleared, as Drools' own session pool resets them) for the
 * next decision. Creating a session and building its node memories was about a quarter of Drools' part of a
 * decision (bench/README.md, HotLoop: pooled sessions 0.72-0.85x of fresh ones, their output identical).
 *
 * <p>A session whose decision failed, timed out or was halted is never used again: it is disposed. At most
 * {@link #KEPT} idle sessions are kept per service, so that 700 services keep a bounded number; a decision finding
 * none idle creates one.
 *
 * <p>The idle sessions are a few slots taken and filled by compare-and-set, lowest first, so that the session used
 * last is used next: a concurrent deque allocated a node for every session given back and walked its links for
 * every one taken, 3% of a batch's decisions (bench/README.md).
 */
public final class Sessions {

    /** Idle sessions kept per service: one for each core that may decide at once, within reason. */
    static final int KEPT = Math.min(8, Math.max(2, Runtime.getRuntime().availableProcessors()));

    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private final KieBase kieBase;
    private final AtomicReferenceArray<KieSession> idle = new AtomicReferenceArray<>(KEPT);

    public Sessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        return configuration;
    }

    /** A session with its pseudo clock at zero, nothing inserted and no listener: kept from before, or new. */
    public KieSession take() {
        for (int slot = 0; slot < KEPT; slot++) {
            KieSession session = idle.get(slot);
            if (session != null && idle.compareAndSet(slot, session, null)) {
                return session;
            }
        }
        return kieBase.newKieSession(PSEUDO_CLOCK, null);
    }

    /**
     * Ends a decision's use of a session.
     *
     * @param reusable whether its decision ended as it should and nothing else (the watchdog) can still touch it
     */
    public void giveBack(KieSession session, boolean reusable) {
        if (!reusable || !roomForOneMore()) {
            session.dispose();
            return;
        }
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
        } catch (RuntimeException e) {
            session.dispose(); // a session that cannot be reset is not used again
            return;
        }
        for (int slot = 0; slot < KEPT; slot++) {
            if (idle.get(slot) == null && idle.compareAndSet(slot, null, session)) {
                return;
            }
        }
        session.dispose(); // the slots filled while it was being reset
    }

    /** Whether a slot is free now: a session that will not be kept is disposed without being reset. */
    private boolean roomForOneMore() {
        for (int slot = 0; slot < KEPT; slot++) {
            if (idle.get(slot) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Disposes the idle sessions, so that the next decisions each get a new one (the differential test compares
     * decisions on reused sessions with decisions on new ones).
     */
    public void disposeIdle() {
        for (int slot = 0; slot < KEPT; slot++) {
            KieSession session = idle.getAndSet(slot, null);
            if (session != null) {
                session.dispose();
            }
        }
    }

    /** How many idle sessions are kept now. */
    int idle() {
        int count = 0;
        for (int slot = 0; slot < KEPT; slot++) {
            if (idle.get(slot) != null) {
                count++;
            }
        }
        return count;
    }
}
