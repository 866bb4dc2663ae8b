package uz.qaror.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import uz.qaror.server.MixedLoad;
import uz.qaror.server.QarorServer;
import uz.qaror.server.ServerOptions;

/**
 * {@code qaror serve} under hostile traffic: COUNT requests from CLIENTS clients at once, one in ten malformed,
 * oversized or slow (the tests' MixedLoad), against a server in this JVM with a decision log. Prints the statuses,
 * the requests left without one, the accepted decisions missing from the log, and the heap after collection at a
 * quarter of the run and at its end.
 *
 * <pre>java -Xmx512m -cp bench/target/benchmarks.jar uz.qaror.bench.ServeRobustness 20000 8 examples/applications</pre>
 */
public final class ServeRobustness {

    private ServeRobustness() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        Path examples = Path.of(args[2]);
        long maxBody = 64 * 1024;
        Path log = Files.createTempFile("qaror-robustness", ".log");
        MixedLoad load;
        long quarter;
        long end;
        long started = System.nanoTime();
        try (QarorServer server = QarorServer.start(ServerOptions.builder().port(0).maxBodyBytes(maxBody)
                .decisionLog(log).build())) {
            awaitWarmup(server.uri());
            load = new MixedLoad(server.port(), MixedLoad.applications(examples), maxBody);
            load.run(0, count / 4, clients);
            quarter = MixedLoad.heapAfterCollection();
            load.run(count / 4, count, clients);
            end = MixedLoad.heapAfterCollection();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Set<String> missing = new HashSet<>(load.accepted());
        missing.removeAll(MixedLoad.loggedDecisions(log));
        System.out.printf(java.util.Locale.ROOT, "%d requests from %d clients in %.1f s: statuses %s; without a "
                        + "status: %d; 500s: %d%n", count, clients, seconds, load.statuses(), load.unanswered(),
                load.statuses().getOrDefault(500, 0));
        System.out.printf(java.util.Locale.ROOT, "decision log: %d accepted decisions, %d missing from the log%n",
                load.accepted().size(), missing.size());
        System.out.printf(java.util.Locale.ROOT, "heap after GC: %.1f MB after %d requests, %.1f MB after %d%n",
                quarter / 1048576.0, count / 4, end / 1048576.0, count);
        Files.deleteIfExists(log);
    }

    /** Waits until every service has compiled, so that compiled rules do not count as heap growth. */
    private static void awaitWarmup(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).build();
        for (int i = 0; i < 1200; i++) {
            String body = client.send(ready, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"warmingUp\":false")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the services did not compile within 2 minutes");
    }
}
