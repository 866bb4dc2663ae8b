package uz.qaror.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;

/**
 * The spread of one application's decision time when nothing about it changes: a few generated applications, each
 * decided over and over on one thread after the engine is hot, with p50, p90 and p99 of the wall time. A p99 far
 * above the p50 here comes from the JVM and the machine (the heap's fresh pages, the collector, other processes),
 * not from what the application holds; run it with and without {@code -XX:+AlwaysPreTouch} to see the heap's part.
 * <pre>java -XX:+UseParallelGC -Xmx2g -cp bench/target/benchmarks.jar uz.qaror.bench.RepeatLoop [TIMES] [APPS]</pre>
 */
public final class RepeatLoop {

    private RepeatLoop() {
    }

    public static void main(String[] args) {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        List<JsonNode> trees = Workload.generated(engine, 10_000, 11).stream().map(Workload::parse).toList();
        for (int round = 0; round < 5; round++) {
            trees.forEach(engine::evaluate);
        }
        for (int k = 0; k < applications; k++) {
            JsonNode one = trees.get(k * 7 % trees.size());
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                engine.evaluate(one);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%s, decided %d times: p50 %.1f us, p90 %.1f us, p99 %.1f us%n",
                    one.path("service").asText(), times, percentile(nanos, 0.50), percentile(nanos, 0.90),
                    percentile(nanos, 0.99));
        }
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e3;
    }
}
