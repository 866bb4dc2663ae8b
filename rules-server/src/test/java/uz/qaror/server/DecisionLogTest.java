package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** --decision-log: an audit line per decision, masked, off the request path, flushed on close. */
class DecisionLogTest {

    @TempDir
    Path dir;

    @Test
    void oneMaskedAuditLinePerApplicationWithItsDecisionIdFlushedOnClose() throws IOException {
        Path log = dir.resolve("decisions.log");
        List<String> ids = new ArrayList<>();
        try (QarorServer server = TestServers.start(TestServers.options().decisionLog(log))) {
            Http http = new Http(server);
            ids.add(http.postJson("/v1/decisions", Http.example("marriage-registration")).json()
                    .path("decisionId").asText());
            ids.add(http.postJson("/v1/decisions", "{\"nope\"").json().path("decisionId").asText());
            ids.add(http.postJson("/v1/explain", Http.example("child-benefit")).json().path("decisionId").asText());
            Http.Response batch = http.post("/v1/decisions/batch", "application/x-ndjson",
                    BatchEndpointTest.oneLine(Http.example("marriage-registration")) + "\n\n");
            String batchId = batch.header(BatchEndpoint.BATCH_ID);
            ids.add(batchId + "-1");
            ids.add(batchId + "-2");
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(5);
        List<JsonNode> entries = lines.stream().map(DecisionEndpointsTest::read).toList();
        assertThat(entries).extracting(e -> e.path("decisionId").asText()).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode decided = entries.stream().filter(e -> e.path("decisionId").asText().equals(ids.get(0)))
                .findFirst().orElseThrow();
        assertThat(decided.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decided.path("rulesVersion").asText()).isNotBlank();
        assertThat(decided.path("inputSha256").asText()).hasSize(64);
        assertThat(decided.at("/identifiers/applicant.pinfl").asText()).contains("*").doesNotContain("31405982610122");
        assertThat(String.join("\n", lines)).doesNotContain("31405982610122").doesNotContain("90 123 45 67");
        JsonNode malformed = entries.stream().filter(e -> e.path("decisionId").asText().equals(ids.get(1)))
                .findFirst().orElseThrow();
        assertThat(malformed.path("error").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        ServerMetrics metrics = new ServerMetrics();
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AuditTrail trail = AuditTrail.open(dir.resolve("audit.log"), 1, metrics);
        assertThat(trail.offer(() -> {
            writerBusy.countDown();
            await(release);
            return "{\"line\":1}";
        })).isTrue();
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trail.offer(() -> "{\"line\":2}")).as("the queue's one place").isTrue();
        long started = System.nanoTime();
        assertThat(trail.offer(() -> "{\"line\":3}")).as("full: dropped").isFalse();
        assertThat(System.nanoTime() - started).as("without waiting").isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(metrics.logDroppedCount()).isEqualTo(1);
        release.countDown();
        trail.close();
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).containsExactly("{\"line\":1}", "{\"line\":2}");
        assertThat(metrics.logWrittenCount()).isEqualTo(2);
        assertThat(metrics.scrape()).contains("qaror_decision_log_records_total{result=\"dropped\"} 1.0");
        metrics.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
