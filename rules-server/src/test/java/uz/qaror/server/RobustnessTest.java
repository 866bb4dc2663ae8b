package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void everyRequestGetsAStatusNoneA500NoAuditLineIsLostAndTheHeapStaysFlat() throws Exception {
        Path log = dir.resolve("decisions.log");
        MixedLoad load;
        long heapBefore;
        long heapAfter;
        try (QarorServer server = TestServers.start(TestServers.options().maxBodyBytes(MAX_BODY).decisionLog(log))) {
            Http http = new Http(server);
            HealthAndMetricsTest.waitFor(() -> !http.get("/health/ready").json().at("/services/warmingUp")
                    .asBoolean(), "every service to compile");
            load = new MixedLoad(server.port(), MixedLoad.applications(Http.EXAMPLES), MAX_BODY);
            load.run(0, REQUESTS / 4, CLIENTS);
            heapBefore = MixedLoad.heapAfterCollection();
            load.run(REQUESTS / 4, REQUESTS, CLIENTS);
            heapAfter = MixedLoad.heapAfterCollection();
        }
        assertThat(load.unanswered()).as("requests without a status").isZero();
        assertThat(load.answered()).isEqualTo(REQUESTS);
        assertThat(load.statuses()).as("statuses").doesNotContainKey(500).containsKeys(200, 400, 413);
        assertThat(load.statuses().get(200)).isGreaterThan(REQUESTS * 8 / 10);
        assertThat(MixedLoad.loggedDecisions(log)).as("an audit line for every accepted decision")
                .isEqualTo(load.accepted());
        assertThat(heapAfter - heapBefore).as("heap growth after %d more requests (%d -> %d bytes)",
                REQUESTS * 3 / 4, heapBefore, heapAfter).isLessThan(24L << 20);
    }
}
