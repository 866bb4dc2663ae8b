package uz.qaror.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.generate.ApplicationGenerator;

/**
 * {@code screen()} of generated households against the whole catalog, one thread, hot: per round the wall time
 * (mean, p50, p99) and the thread's CPU time per household. On a shared machine the CPU time is the figure that
 * does not depend on what else runs: the wall time a household waits for a core is not the engine's.
 * <pre>java -cp bench/target/benchmarks.jar uz.qaror.bench.ScreenLoop [HOUSEHOLDS] [ROUNDS]</pre>
 */
public final class ScreenLoop {

    private ScreenLoop() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        LocalDate date = ScreenBenchmark.DATE;
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), 7, 0);
        JsonNode[] households = new JsonNode[count];
        for (int i = 0; i < count; i++) {
            households[i] = Workload.parse(generator.household(i, date));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] wall = new long[count];
        for (int round = 1; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                engine.screen(households[i], date);
                wall[i] = System.nanoTime() - start;
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / count;
            // bytes allocated per household: a figure a busy machine does not move, as it moves times
            long allocated = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / count;
            long[] sorted = wall.clone();
            Arrays.sort(sorted);
            System.out.printf("round %d: %d households, %d services each: wall mean %.0f us, p50 %.0f us, p99 %.0f us;"
                            + " CPU %.0f us and %,d bytes allocated per household%n", round, count,
                    engine.serviceIds().size(), Arrays.stream(wall).average().orElse(0) / 1e3, sorted[count / 2] / 1e3,
                    sorted[(int) (count * 0.99)] / 1e3, cpu, allocated);
        }
    }
}
