package uz.qaror.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;

/**
 * The in-process rate beside which {@code qaror serve} is measured (bench/serve.sh): the same applications
 * decided by {@code evaluate(text)} on {@code threads} threads of one JVM, with the decision written as JSON as
 * the server writes it, for a number of seconds after a warm-up of WARMUP decisions (100,000 by default: on a
 * busy machine a warm-up by time may end before the JIT has compiled the hot paths). Prints decisions per second
 * of wall time and per second of the process's CPU time: on a machine shared with other work the second is the
 * figure to compare with the server's (bench/serve.sh measures the server's CPU time the same way).
 *
 * <pre>java -cp bench/target/benchmarks.jar uz.qaror.bench.ServeBaseline apps.jsonl SECONDS THREADS [WARMUP]</pre>
 */
public final class ServeBaseline {

    private ServeBaseline() {
    }

    public static void main(String[] args) throws Exception {
        List<String> applications = Workload.read(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += DecisionJson.write(engine.evaluate(applications.get(i % applications.size())), Language.UZ)
                    .length();
        }
        if (sink == 0) {
            throw new IllegalStateException("no decision was written");
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long decided = run(engine, applications, seconds, threads);
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "in-process evaluate + JSON, %d thread%s: %,.0f decisions/s; "
                        + "%,.0f decisions per CPU-second (%,d decisions, %.1f s wall, %.1f s CPU)%n", threads,
                threads == 1 ? "" : "s", decided / wall, decided / cpu, decided, wall, cpu);
    }

    /** Decides for {@code seconds} on {@code threads} threads; the number of decisions. */
    private static long run(DecisionEngine engine, List<String> applications, int seconds, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder decided = new LongAdder();
        try {
            Future<?>[] workers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int offset = t * 7919;
                workers[t] = pool.submit(() -> {
                    long sink = 0;
                    for (int i = offset; !stop.get(); i++) {
                        Result result = engine.evaluate(applications.get(i % applications.size()));
                        sink += DecisionJson.write(result, Language.UZ).length();
                        decided.increment();
                    }
                    return sink;
                });
            }
            TimeUnit.SECONDS.sleep(seconds);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            return decided.sum();
        } finally {
            pool.shutdownNow();
        }
    }
}
