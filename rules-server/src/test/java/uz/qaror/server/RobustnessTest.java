package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 2,000 requests from 8 clients at once, one in ten malformed, oversized or slow: every request gets a status,
 * none a 500, every accepted decision has its audit line, and the heap after collection stays flat. The 20,000
 * request run is in bench/ (ServeRobustness); this one keeps the build short.
 */
class RobustnessTest {

    private static final int REQUESTS = 2_000;
    private static final int CLIENTS = 8;
    private static final int MAX_BODY = 8 * 1024;

    @TempDir
    Path dir;

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Set<String> acceptedDecisions = ConcurrentHashMap.newKeySet();

    @Test
    void everyRequestGetsAStatusNoneA500NoAuditLineIsLostAndTheHeapStaysFlat() throws Exception {
        List<String> applications = applications();
        Path log = dir.resolve("decisions.log");
        long heapBefore;
        long heapAfter;
        try (QarorServer server = TestServers.start(TestServers.options().maxBodyBytes(MAX_BODY).decisionLog(log))) {
            Http http = new Http(server);
            HealthAndMetricsTest.waitFor(() -> !http.get("/health/ready").json().at("/services/warmingUp")
                    .asBoolean(), "every service to compile");
            run(server, applications, 0, REQUESTS / 4);
            heapBefore = heapAfterCollection();
            run(server, applications, REQUESTS / 4, REQUESTS);
            heapAfter = heapAfterCollection();
        }
        int answered = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(answered).as("every request got a status: " + statuses).isEqualTo(REQUESTS);
        assertThat(statuses.keySet()).as("statuses " + statuses).allSatisfy(s -> assertThat(s).isNotEqualTo(500))
                .contains(200, 400, 413);
        assertThat(statuses.get(200).get()).isGreaterThan(REQUESTS * 8 / 10);
        Set<String> logged = ConcurrentHashMap.newKeySet();
        try (Stream<String> lines = Files.lines(log)) {
            lines.map(DecisionEndpointsTest::read).filter(line -> line.has("outcome"))
                    .forEach(line -> logged.add(line.path("decisionId").asText()));
        }
        assertThat(logged).as("an audit line for every accepted decision").containsAll(acceptedDecisions)
                .hasSameSizeAs(acceptedDecisions);
        assertThat(heapAfter - heapBefore).as("heap growth after %d more requests (%d -> %d bytes)",
                REQUESTS * 3 / 4, heapBefore, heapAfter).isLessThan(24L << 20);
    }

    private void run(QarorServer server, List<String> applications, int from, int to) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            Http http = new Http(server);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = from + client; i < to; i += CLIENTS) {
                        send(server, http, i, applications.get(i % applications.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** One request: nine in ten a valid application, the tenth malformed, oversized or sent slowly. */
    private void send(QarorServer server, Http http, int i, String application) throws IOException,
            InterruptedException {
        int status;
        if (i % 10 != 7) {
            Http.Response response = http.postJson("/v1/decisions", application);
            status = response.status();
            if (status == 200) {
                acceptedDecisions.add(response.json().path("decisionId").asText());
            }
        } else {
            switch ((i / 10) % 3) {
                case 0 -> status = http.postJson("/v1/decisions", application.substring(0, application.length() / 2))
                        .status();
                case 1 -> status = http.postJson("/v1/decisions", "{\"pad\":\"" + "x".repeat(MAX_BODY * 3) + "\"}")
                        .status();
                default -> status = slow(server, application);
            }
        }
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** Sends the body in three parts with pauses, as a slow mobile client would. */
    private int slow(QarorServer server, String application) throws IOException, InterruptedException {
        byte[] body = application.getBytes(StandardCharsets.UTF_8);
        try (Http.Raw raw = new Http.Raw(server)) {
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
                JsonNode json = DecisionEndpointsTest.read(response.substring(response.indexOf("\r\n\r\n") + 4));
                acceptedDecisions.add(json.path("decisionId").asText());
            }
            return status;
        }
    }

    private static long heapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<String> applications() throws IOException {
        try (Stream<Path> files = Files.list(Http.EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }
}
