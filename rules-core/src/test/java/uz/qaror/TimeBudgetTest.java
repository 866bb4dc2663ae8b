package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision has a time budget: rules that loop (slowly enough never to reach the firing cap) are halted by the
 * watchdog and the caller gets a TIMEOUT failure, not a thread lost for many minutes; rules that compute are
 * stopped by the CPU time they used, rules that wait by the clock.
 */
class TimeBudgetTest {

    /** Each firing computes for 50 ms and triggers the next: 10,000 firings would take over 8 minutes. */
    private static final String COMPUTING = """
            long until = System.nanoTime() + 50_000_000L;
            while (System.nanoTime() < until) { }""";
    /** Each firing waits 50 ms and triggers the next. */
    private static final String WAITING = """
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }""";

    private static Path loopingCatalog(Path dir, String eachFiring) throws Exception {
        DecisionEngineTest.copy(DecisionEngineTest.CATALOG, dir);
        LoopingRules.write(dir, eachFiring);
        return dir;
    }

    private static String silent() {
        return DecisionEngineTest.application("silent", "2024-06-01T10:00:00+05:00", "1990-01-01", "{}");
    }

    @Test
    void rulesThatLoopAreHaltedAtTheBudgetAndTheCallerGoesOn(@TempDir Path dir) throws Exception {
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(loopingCatalog(dir, COMPUTING))
                .timeout(Duration.ofMillis(500)).build();
        engine.prepare("silent");
        long start = System.nanoTime();
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> engine.evaluate(silent()));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).isInstanceOf(Failure.class);
        Failure failure = (Failure) result;
        assertThat(failure.kind()).isEqualTo(Failure.Kind.TIMEOUT);
        assertThat(failure.describe()).contains("were halted after").contains("(500 ms)");
        assertThat(failure.kind().isInputProblem()).isFalse();
        assertThat(tookMillis).as("halted at the next firing after the budget (ten times it at most, on a machine "
                + "too busy to give it the CPU)").isLessThan(15_000);
        // The engine goes on: another service decides on the same thread.
        assertThat(engine.decide(DecisionEngineTest.application("demo-benefit", "2024-06-01T10:00:00+05:00",
                "1990-01-01", "{\"income\": 1}")).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void rulesThatWaitAreHaltedByTheClock(@TempDir Path dir) throws Exception {
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(loopingCatalog(dir, WAITING))
                .timeout(Duration.ofMillis(300)).build();
        engine.prepare("silent");
        // Waiting uses no CPU: the clock stops it, at ten times the budget.
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> engine.evaluate(silent()));
        assertThat(((Failure) result).kind()).isEqualTo(Failure.Kind.TIMEOUT);
    }

    @Test
    void theDefaultBudgetIsAFewSeconds() {
        assertThat(DecisionEngine.fromDirectory(DecisionEngineTest.CATALOG).timeout())
                .isEqualTo(DecisionEngine.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void compilingTheRulesIsNotPartOfTheBudget(@TempDir Path dir) throws Exception {
        DecisionEngineTest.copy(DecisionEngineTest.CATALOG, dir);
        StringBuilder many = new StringBuilder("package qaror.service.demo_benefit;\nimport uz.qaror.facts.*;\n");
        for (int i = 0; i < 1_000; i++) {
            many.append("rule \"Notes ").append(i).append("\" @legalBasis(\"Test act\")\nwhen Applicant(age == ")
                    .append(1000 + i).append(")\nthen\nend\n");
        }
        Files.writeString(dir.resolve("services/demo-benefit/many.drl"), many.toString());
        String application = DecisionEngineTest.application("demo-benefit", "2024-06-01T10:00:00+05:00",
                "1990-01-01", "{\"income\": 1}");
        DecisionEngineTest.ENGINE.decide(application); // a warm JVM: the decision itself takes milliseconds
        Duration budget = Duration.ofMillis(500);
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(dir).timeout(budget).build();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Result result = engine.evaluate(application); // compiles 1,000 rules first
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
        org.junit.jupiter.api.Assumptions.assumeTrue(took.compareTo(budget) > 0,
                "compiling took " + took + " of CPU, within the budget: nothing to show on this machine");
        assertThat(result).isInstanceOf(Decision.class);
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> DecisionEngine.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Every decision is watched, so watching must cost next to nothing: a timer task per decision woke the watchdog
     * thread at least once per decision (a sixth of a re-screening's CPU went to the kernel). Counted as the thread's
     * context switches, which Linux keeps in /proc.
     */
    @Test
    void decidingDoesNotWakeTheWatchdogEachTime() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "counting a thread's wake-ups needs Linux's /proc");
        String application = DecisionEngineTest.application("demo-benefit", "2024-06-01T10:00:00+05:00",
                "1990-01-01", "{\"income\": 900000}");
        assertThat(DecisionEngineTest.ENGINE.decide(application).outcome()).isEqualTo(Outcome.APPROVED);
        long before = watchdogWakeUps();
        int decisions = 4_000;
        for (int i = 0; i < decisions; i++) {
            DecisionEngineTest.ENGINE.decide(application);
        }
        assertThat(watchdogWakeUps() - before).as("the watchdog's context switches during " + decisions
                + " decisions").isLessThan(decisions / 4);
    }

    /** The context switches of the watchdog thread (its name cut to the 15 characters Linux keeps). */
    private static long watchdogWakeUps() throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals("qaror-decision-")) {
                    return Files.readAllLines(task.resolve("status")).stream()
                            .filter(line -> line.contains("ctxt_switches"))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
                }
            }
        }
        throw new AssertionError("no watchdog thread in this JVM");
    }
}
