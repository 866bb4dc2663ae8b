package uz.qaror.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.hostile.HostileApplications;

/**
 * The long run of the fuzz test: N hostile applications (the generator the build's property test uses) thrown
 * at {@code evaluate} through its three entries in turn (a stream of bytes, text, a parsed tree), counting
 * results by kind and every breach of the contract: an exception, a decision on an invalid application, a
 * failure blamed on the rules or the engine, a call slower than a second.
 *
 * <pre>java -cp bench/target/benchmarks.jar uz.qaror.bench.HostileRun COUNT [SEED [EXAMPLES [CATALOG]]]</pre>
 */
public final class HostileRun {

    /** Parses trees for the tree entry the way an embedder might: Jackson's defaults, nothing stricter. */
    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** How long a call may run before the run gives up on it and goes on. */
    private static final int ABANDON_SECONDS = 20;

    private HostileRun() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        long seed = Long.parseLong(args.length > 1 ? args[1] : "2026");
        Path examples = Path.of(args.length > 2 ? args[2] : "examples/applications");
        Path catalog = Path.of(args.length > 3 ? args[3] : "rules-catalog/src/main/resources/qaror/catalog");
        HostileApplications generator = HostileApplications.load(examples, catalog);
        DecisionEngine engine = DecisionEngine.fromDirectory(catalog);
        engine.prepareAll();

        Map<String, Long> results = new TreeMap<>();
        Map<String, Long> breaches = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        long slowestNanos = 0;
        String slowest = "";
        String slowestText = "";
        long invalid = 0;
        java.util.concurrent.ExecutorService worker = newWorker();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HostileApplications.Sample sample = generator.sample(random);
            invalid += sample.invalid() ? 1 : 0;
            long before = System.nanoTime();
            Result result;
            int entry = i % 3;
            java.util.concurrent.Future<Result> call = worker.submit(() -> evaluate(engine, sample, entry));
            try {
                result = call.get(ABANDON_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                count(breaches, "exception " + e.getCause().getClass().getName());
                System.err.println("exception " + e.getCause() + ": " + sample.describe());
                continue;
            } catch (java.util.concurrent.TimeoutException e) {
                // A call that does not return: left running on its daemon thread, the run goes on with another.
                count(breaches, "no result within " + ABANDON_SECONDS + " s");
                System.err.println("no result within " + ABANDON_SECONDS + " s: " + sample.describe());
                worker = newWorker();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long took = System.nanoTime() - before;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = sample.describe();
                slowestText = excerpt(sample);
            }
            String kind = result instanceof Failure failure ? failure.kind().name()
                    : ((Decision) result).outcome().name();
            count(results, kind);
            if (sample.invalid() && result instanceof Decision) {
                count(breaches, "invalid decided " + kind);
                System.err.println("invalid decided " + kind + ": " + sample.describe() + "\n  " + excerpt(sample));
            }
            if (result instanceof Failure failure && !failure.kind().isInputProblem()) {
                count(breaches, "failure " + kind);
                System.err.println("failure " + failure.kind() + " " + failure.describe() + ": " + sample.describe());
            }
            if (took > 1_000_000_000L) {
                count(breaches, "slower than 1 s");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("records: %,d (%,d invalid by construction), seed %d, %.1f s, %,.0f records/s%n",
                count, invalid, seed, seconds, count / seconds);
        System.out.println("results: " + results);
        System.out.printf("slowest: %.1f ms (%s)%n", slowestNanos / 1e6, slowest);
        System.err.println("slowest record: " + slowestText);
        System.out.println("contract breaches: " + (breaches.isEmpty() ? "none" : breaches));
        System.exit(breaches.isEmpty() ? 0 : 1);
    }

    private static java.util.concurrent.ExecutorService newWorker() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hostile-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Result evaluate(DecisionEngine engine, HostileApplications.Sample sample, int entry) {
        byte[] bytes = sample.bytes();
        return switch (sample.asTree() ? entry : entry % 2) {
            case 0 -> engine.evaluate(new ByteArrayInputStream(bytes));
            case 1 -> engine.evaluate(new String(bytes, StandardCharsets.UTF_8));
            default -> {
                JsonNode tree;
                try {
                    tree = PLAIN.readTree(bytes);
                } catch (java.io.IOException | RuntimeException notJson) {
                    yield engine.evaluate(new ByteArrayInputStream(bytes));
                }
                yield engine.evaluate(tree);
            }
        };
    }

    /** The record's first bytes, for a reader to reproduce a breach. */
    private static String excerpt(HostileApplications.Sample sample) {
        return new String(sample.bytes(), 0, Math.min(sample.bytes().length, 2_000), StandardCharsets.ISO_8859_1);
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
