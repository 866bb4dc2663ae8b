package uz.qaror.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Traffic for robustness checks: many clients at once sending applications to {@code /v1/decisions}, one request
 * in ten malformed (half an application), oversized (three times the body limit) or slow (sent in three parts
 * with pauses). Counts the status of every request and keeps the decision id of every accepted decision, to
 * check against the decision log. Used by RobustnessTest (2,000 requests) and bench's ServeRobustness (20,000).
 */
public final class MixedLoad {

    private final int port;
    private final Http http;
    private final List<String> applications;
    private final long maxBody;
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedRequests = new AtomicInteger();

    /** @param maxBody the server's body limit, so that oversized requests are over it */
    public MixedLoad(int port, List<String> applications, long maxBody) {
        this.port = port;
        this.http = new Http(URI.create("http://127.0.0.1:" + port + "/"), Map.of());
        this.applications = List.copyOf(applications);
        this.maxBody = maxBody;
    }

    /** Sends requests number {@code from} (inclusive) to {@code to} from {@code clients} threads. */
    public void run(int from, int to, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = from + client; i < to; i += clients) {
                        send(i, applications.get(i % applications.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Requests answered, by status. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Requests answered with any status. */
    public int answered() {
        return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Requests that got no status at all (the connection failed). */
    public int unanswered() {
        return failedRequests.get();
    }

    /** The decision ids of the requests answered 200. */
    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    private void send(int i, String application) {
        int status;
        try {
            if (i % 10 != 7) {
                Http.Response response = http.postJson("/v1/decisions", application);
                status = response.status();
                if (status == 200) {
                    accepted.add(response.json().path("decisionId").asText());
                }
            } else {
                status = switch ((i / 10) % 3) {
                    case 0 -> http.postJson("/v1/decisions", application.substring(0, application.length() / 2))
                            .status();
                    case 1 -> http.postJson("/v1/decisions", "{\"pad\":\"" + "x".repeat((int) maxBody * 3) + "\"}")
                            .status();
                    default -> slow(application);
                };
            }
        } catch (IOException | AssertionError e) {
            failedRequests.incrementAndGet();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** Sends the body in three parts with pauses, as a slow mobile client would. */
    private int slow(String application) throws IOException, InterruptedException {
        byte[] body = application.getBytes(StandardCharsets.UTF_8);
        try (Http.Raw raw = new Http.Raw(port)) {
            raw.send(Http.Raw.head("POST", "/v1/decisions", "application/json", body.length));
            int third = body.length / 3;
            for (int part = 0; part < 3; part++) {
                Thread.sleep(40);
                int end = part == 2 ? body.length : (part + 1) * third;
                raw.out.write(body, part * third, end - part * third);
                raw.out.flush();
            }
            String response = raw.readAll();
            int status = Integer.parseInt(response.substring(9, 12));
            if (status == 200) {
                JsonNode json = Http.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
                accepted.add(json.path("decisionId").asText());
            }
            return status;
        }
    }

    /** The decision ids of the decisions (not failures) a decision log holds. */
    public static Set<String> loggedDecisions(Path log) throws IOException {
        Set<String> logged = ConcurrentHashMap.newKeySet();
        try (Stream<String> lines = Files.lines(log)) {
            lines.map(Http::parse).filter(line -> line.has("outcome"))
                    .forEach(line -> logged.add(line.path("decisionId").asText()));
        }
        return logged;
    }

    /** Heap in use after full collections. */
    public static long heapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The applications of a folder of {@code .json} files, sorted by name. */
    public static List<String> applications(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
