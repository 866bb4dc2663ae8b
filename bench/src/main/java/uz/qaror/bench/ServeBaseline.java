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
 * the server writes it, for a number of seconds after a warm-up of the same length.
 *
 * <pre>java -cp bench/target/benchmarks.jar uz.qaror.bench.ServeBaseline apps.jsonl SECONDS THREADS</pre>
 */
public final class ServeBaseline {

    private ServeBaseline() {
    }

    public static void main(String[] args) throws Exception {
        List<String> applications = Workload.read(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        run(engine, applications, seconds, threads);
        double rate = run(engine, applications, seconds, threads);
        System.out.printf(java.util.Locale.ROOT, "in-process evaluate + JSON, %d thread%s: %,.0f decisions/s%n",
                threads, threads == 1 ? "" : "s", rate);
    }

    private static double run(DecisionEngine engine, List<String> applications, int seconds, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder decided = new LongAdder();
        try {
            Future<?>[] workers = new Future<?>[threads];
            long started = System.nanoTime();
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
            return decided.sum() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
