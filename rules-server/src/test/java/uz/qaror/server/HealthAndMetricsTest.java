package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.internal.catalog.Folders;

/** Health checks, readiness as the rules compile, and the Prometheus metrics. */
class HealthAndMetricsTest {

    static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");

    @TempDir
    Path dir;

    @Test
    void liveAtOnceAndReadyOnceAServiceCompiled() {
        Http http = new Http(TestServers.shared());
        assertThat(http.get("/health/live").json().path("status").asText()).isEqualTo("UP");
        waitFor(() -> http.get("/health/ready").status() == 200, "the shared server to be ready");
        Http.Response ready = http.get("/health/ready");
        assertThat(ready.json().path("status").asText()).isEqualTo("READY");
        assertThat(ready.json().at("/services/total").asInt()).isEqualTo(TestServers.engine().serviceIds().size());
        assertThat(ready.json().at("/services/compiled").asInt()).isPositive();
    }

    @Test
    void notReadyWhileNoServiceCompiles() throws IOException {
        Path rules = catalogWith(dir.resolve("rules"), "marriage-registration");
        Path drl = rules.resolve("services/marriage-registration/rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then nothing( end\n");
        try (QarorServer server = QarorServer.start(TestServers.options().rulesDirectory(rules).build())) {
            Http http = new Http(server);
            waitFor(() -> http.get("/health/ready").json().at("/services/failed").size() == 1, "the compile to fail");
            Http.Response ready = http.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("status").asText()).isEqualTo("NOT_READY");
            assertThat(ready.json().at("/services/failed/0").asText()).isEqualTo("marriage-registration");
            assertThat(http.get("/health/live").status()).isEqualTo(200);
            Http.Response decision = http.postJson("/v1/decisions", Http.example("marriage-registration"));
            assertThat(decision.status()).as("a service whose rules are broken cannot decide: not the caller's fault")
                    .isEqualTo(503);
            assertThat(decision.json().at("/error/kind").asText()).isEqualTo("RULES_BROKEN");
        }
    }

    @Test
    void metricsCountDecisionsByServiceAndOutcomeFailuresByKindAndLatencies() {
        QarorServer server = TestServers.start(TestServers.options());
        try {
            Http http = new Http(server);
            http.postJson("/v1/decisions", Http.example("marriage-registration"));
            http.postJson("/v1/decisions", Http.example("marriage-registration"));
            http.postJson("/v1/decisions", "not json");
            http.post("/v1/decisions/batch", "application/x-ndjson", "{}\n");
            for (int i = 0; i < 3; i++) {
                http.method("INVENTED" + i, "/v1/decisions");
            }
            Http.Response metrics = http.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            String text = metrics.body();
            assertThat(text).contains("qaror_decisions_total{outcome=\"APPROVED\",service=\"marriage-registration\"} 2.0")
                    .contains("qaror_failures_total{kind=\"MALFORMED_JSON\"} 1.0")
                    .contains("qaror_failures_total{kind=\"INVALID_FIELD\"} 1.0")
                    .contains("qaror_http_requests_seconds_bucket{method=\"POST\",route=\"/v1/decisions\",status=\"200\",le=\"0.005\"}")
                    .contains("qaror_decision_duration_seconds_count{service=\"marriage-registration\"} 2")
                    .contains("qaror_reloads_total{result=\"applied\"} 0.0")
                    .contains("qaror_decision_log_records_total{result=\"dropped\"} 0.0")
                    .contains("qaror_requests_rejected_total 0.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("method=\"OTHER\",route=\"unmatched\",status=\"405\"")
                    .doesNotContain("INVENTED");
        } finally {
            server.close();
        }
    }

    @Test
    void reloadsAppliedAndRejectedAreCounted() throws IOException {
        Path rules = catalogWith(dir.resolve("rules"), "marriage-registration");
        Path drl = rules.resolve("services/marriage-registration/rules.drl");
        try (QarorServer server = QarorServer.start(TestServers.options().rulesDirectory(rules).watch(true).build())) {
            Http http = new Http(server);
            waitFor(() -> http.get("/health/ready").status() == 200, "ready");
            String original = Files.readString(drl);
            Files.writeString(drl, original + "\n// an edit that compiles\n");
            waitFor(() -> http.get("/metrics").body().contains("qaror_reloads_total{result=\"applied\"} 1.0"),
                    "the applied reload");
            Files.writeString(drl, original + "\nrule \"broken\" when then nothing( end\n");
            waitFor(() -> http.get("/metrics").body().contains("qaror_reloads_total{result=\"rejected\"} 1.0"),
                    "the rejected reload");
            assertThat(http.postJson("/v1/decisions", Http.example("marriage-registration")).status())
                    .as("the previous version keeps serving").isEqualTo(200);
        }
    }

    /** A rules folder with the catalog's parameters and calendar and the given services. */
    static Path catalogWith(Path root, String... services) throws IOException {
        Files.createDirectories(root.resolve("services"));
        Folders.copyTree(CATALOG.resolve("parameters"), root.resolve("parameters"));
        Files.copy(CATALOG.resolve("calendar.yaml"), root.resolve("calendar.yaml"));
        for (String service : services) {
            Folders.copyTree(CATALOG.resolve("services").resolve(service), root.resolve("services").resolve(service));
        }
        return root;
    }

    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 120 s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
