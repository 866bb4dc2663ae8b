package uz.qaror.internal.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Outcome;
import uz.qaror.Result;

/**
 * Threads that decide one application again and again while a test edits the rules, each decision checked
 * against the outcome its {@code rulesVersion}'s content gives (the test fills {@code expected} before it writes
 * the content). Closing stops and joins them.
 */
final class Deciders implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong decided = new AtomicLong();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Deciders(int count, DecisionEngine engine, String application, Map<String, Outcome> expected) {
        for (int t = 0; t < count; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    check(engine.evaluate(application), expected);
                }
            });
            thread.start();
            threads.add(thread);
        }
    }

    private void check(Result result, Map<String, Outcome> expected) {
        if (!(result instanceof Decision decision)) {
            errors.add("not decided: " + result);
            return;
        }
        Outcome wanted = expected.get(decision.rulesVersion());
        if (wanted != decision.outcome()) {
            errors.add("version " + decision.rulesVersion() + " decided " + decision.outcome()
                    + ", its content says " + wanted);
        }
        decided.incrementAndGet();
    }

    /** Decisions whose version names other content, or that were not decided. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    long decided() {
        return decided.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /** The demo service's rules with a literal income limit instead of its threshold parameter. */
    static String withLimit(String drl, int limit) {
        return drl.replace("income <= params.value(\"threshold\")", "income <= " + limit)
                .replace("income > params.value(\"threshold\")", "income > " + limit);
    }
}
