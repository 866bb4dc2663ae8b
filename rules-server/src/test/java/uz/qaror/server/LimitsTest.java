package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A bound on requests at once: beyond threads and queue, 503 with Retry-After at once, never a pile-up. */
class LimitsTest {

    @Test
    void beyondTheThreadsAndTheQueueA503WithRetryAfterWhileHealthStillAnswers() throws Exception {
        try (QarorServer server = TestServers.start(TestServers.options().threads(1).maxPending(1))) {
            Http http = new Http(server);
            String application = Http.example("marriage-registration");
            byte[] body = application.getBytes(StandardCharsets.UTF_8);
            String head = Http.Raw.head("POST", "/v1/decisions", "application/json", body.length);
            try (Http.Raw holding = new Http.Raw(server); Http.Raw waiting = new Http.Raw(server)) {
                holding.send(head + application.substring(0, 10));
                HealthAndMetricsTest.waitFor(() -> server.inFlight() == 1, "the slow request to hold the thread");
                waiting.send(head + application.substring(0, 10));
                HealthAndMetricsTest.waitFor(() -> server.queued() == 1, "the second to wait in the queue");

                Http.Response turnedAway = http.postJson("/v1/decisions", application);
                assertThat(turnedAway.status()).isEqualTo(503);
                assertThat(turnedAway.header("Retry-After")).isEqualTo("1");
                assertThat(turnedAway.json().at("/error/kind").asText()).isEqualTo("OVERLOADED");
                assertThat(http.get("/health/live").status()).as("alive, though busy").isEqualTo(200);

                holding.send(application.substring(10));
                waiting.send(application.substring(10));
                assertThat(holding.readAll()).startsWith("HTTP/1.1 200");
                assertThat(waiting.readAll()).startsWith("HTTP/1.1 200");
            }
            assertThat(http.postJson("/v1/decisions", application).status()).isEqualTo(200);
            assertThat(http.get("/metrics").body()).contains("qaror_requests_rejected_total");
        }
    }

    @Test
    void aStartThatFailsSaysWhyAndLeavesNoThreadsBehind() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            long before = workerThreads();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServers.start(TestServers.options()
                    .port(taken.getLocalPort()))).hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            HealthAndMetricsTest.waitFor(() -> workerThreads() == before, "the failed start's threads to end");
        }
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("qaror-http-")).count();
    }
}
