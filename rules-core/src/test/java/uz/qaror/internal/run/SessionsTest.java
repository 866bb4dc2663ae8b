package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;
import org.kie.api.time.SessionPseudoClock;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.LoopingRules;
import uz.qaror.Outcome;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.catalog.Folders;

/**
 * A decision's session goes back for the next decision only reset and only when nothing went wrong: never after
 * its rules failed or looped, never while the watchdog may still halt it.
 */
class SessionsTest {

    private static final Path CATALOG = Path.of("src/test/resources/test-catalog");

    private static String application(String service, String form) {
        return """
                {"id": "A-1", "service": "%s", "submittedAt": "2024-06-01T10:00:00+05:00", "channel": "web",
                 "applicant": {"birthDate": "1990-01-01"}, "form": %s}
                """.formatted(service, form);
    }

    @Test
    void aSessionGoesBackResetAndTheNextDecisionTakesIt() {
        DecisionEngine engine = DecisionEngine.fromDirectory(CATALOG);
        assertThat(engine.decide(application("demo-benefit", "{\"income\": 900000}")).outcome())
                .isEqualTo(Outcome.APPROVED);
        Sessions sessions = Internals.compiled(engine, "demo-benefit").sessions();
        assertThat(sessions.idle()).isEqualTo(1);

        KieSession session = sessions.take();
        assertThat(sessions.idle()).isZero();
        assertThat(session.getFactCount()).isZero();
        assertThat(session.<SessionPseudoClock>getSessionClock().getCurrentTime()).isZero();
        assertThat(session.getAgendaEventListeners()).isEmpty();
        assertThat(session.getGlobal("decision")).isNull();
        sessions.giveBack(session, true);

        // The same session decides the next application, and a refusal after an approval is a refusal.
        assertThat(engine.decide(application("demo-benefit", "{\"income\": 5000000}")).outcome())
                .isEqualTo(Outcome.REJECTED);
        assertThat(engine.decide(application("demo-benefit", "{\"income\": 900000}")).outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(sessions.idle()).isEqualTo(1);
        assertThat(sessions.take()).isSameAs(session);
    }

    @Test
    void aSessionWhoseRulesLoopedIsDisposedNotKept(@TempDir Path dir) throws Exception {
        Folders.copyTree(CATALOG, dir);
        LoopingRules.write(dir, "");
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);
        Result looped = engine.evaluate(application("silent", "{}"));
        assertThat(looped).isInstanceOf(Failure.class);
        assertThat(((Failure) looped).describe()).contains("without ending");
        assertThat(Internals.compiled(engine, "silent").sessions().idle()).isZero();
    }

    @Test
    void aSessionGivenBackAsNotReusableIsDisposed() {
        CompiledService service = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit");
        KieSession session = service.sessions().take();
        assertThat(List.<KieSession>copyOf(service.kieBase().getKieSessions())).contains(session);
        service.sessions().giveBack(session, false);
        assertThat(service.sessions().idle()).isZero();
        assertThat(List.<KieSession>copyOf(service.kieBase().getKieSessions())).as("disposed").doesNotContain(session);
    }

    @Test
    void atMostKeptSessionsAreKeptIdle() {
        Sessions sessions = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit").sessions();
        List<KieSession> taken = new ArrayList<>();
        for (int i = 0; i < Sessions.KEPT + 2; i++) {
            taken.add(sessions.take());
        }
        taken.forEach(session -> sessions.giveBack(session, true));
        assertThat(sessions.idle()).isEqualTo(Sessions.KEPT);
        sessions.disposeIdle();
        assertThat(sessions.idle()).isZero();
    }

    @Test
    void threadsTakingAndGivingBackAtOnceNeverShareASessionAndKeepAtMostKept() throws Exception {
        Sessions sessions = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit").sessions();
        java.util.Set<KieSession> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<KieSession> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger shared = new java.util.concurrent.atomic.AtomicInteger();
        int threads = Sessions.KEPT + 2;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    KieSession session = sessions.take();
                    seen.add(session);
                    if (!held.add(session)) {
                        shared.incrementAndGet();
                    }
                    held.remove(session);
                    sessions.giveBack(session, true);
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(shared).as("a session held by two decisions at once").hasValue(0);
        assertThat(sessions.idle()).isBetween(1, Sessions.KEPT);
        // what is idle now is what was given back last, and nothing else: every kept session is one that was used
        List<KieSession> idle = new ArrayList<>();
        int kept = sessions.idle();
        for (int i = 0; i < kept + 1; i++) {
            idle.add(sessions.take());
        }
        assertThat(seen).containsAll(idle.subList(0, idle.size() - 1));
        assertThat(seen).doesNotContain(idle.get(idle.size() - 1));
    }

    @Test
    void aWatchCancelledBeforeTheBudgetIsSpentNeverHaltsItsSession() throws Exception {
        KieSession session = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit").sessions()
                .take();
        AtomicBoolean halted = new AtomicBoolean();
        Watchdog.Watch watch = Watchdog.watch(session, Budget.start(Duration.ofHours(1)), halted);
        assertThat(watch.cancel()).isTrue();
        Thread.sleep(3 * Watchdog.TICK_MILLIS);
        assertThat(halted).isFalse();
    }

    @Test
    void aWatchThatHaltedItsSessionSaysSoWhenCancelled() throws Exception {
        KieSession session = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit").sessions()
                .take();
        AtomicBoolean halted = new AtomicBoolean();
        Budget spent = new Budget(Thread.currentThread().getId(), Long.MAX_VALUE, System.nanoTime() - 1, 0);
        Watchdog.Watch watch = Watchdog.watch(session, spent, halted);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!halted.get() && System.nanoTime() < giveUp) {
            Thread.sleep(1);
        }
        assertThat(halted).isTrue();
        assertThat(watch.cancel()).as("the session was halted: not to be given to another decision").isFalse();
    }

    /** Watches are kept apart by thread; the watchdog looks after every thread's, whichever stripe it falls in. */
    @Test
    void watchesOfManyThreadsAreAllHalted() throws Exception {
        Sessions sessions = Internals.compiled(DecisionEngine.fromDirectory(CATALOG), "demo-benefit").sessions();
        List<AtomicBoolean> halts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            KieSession session = sessions.take();
            AtomicBoolean halted = new AtomicBoolean();
            halts.add(halted);
            threads.add(new Thread(() -> Watchdog.watch(session, new Budget(Thread.currentThread().getId(),
                    Long.MAX_VALUE, System.nanoTime() - 1, 0), halted)));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (halts.stream().anyMatch(h -> !h.get()) && System.nanoTime() < giveUp) {
            Thread.sleep(1);
        }
        assertThat(halts).allMatch(AtomicBoolean::get);
    }
}
