package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a token, every endpoint but health (and the console's static files) wants Authorization: Bearer. */
class AccessTest {

    private static final String TOKEN = "s3cret-t0ken-for-tests";
    private static QarorServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.options().token(TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutTheTokenEveryEndpointButHealthIs401() {
        Http anonymous = new Http(server);
        for (String path : new String[] {"/v1/services", "/v1/services/child-benefit", "/v1/parameters",
                "/v1/parameters/bca", "/metrics", "/openapi.json", "/v1/services/child-benefit/example"}) {
            Http.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.json().at("/error/kind").asText()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(anonymous.postJson("/v1/decisions", Http.example("marriage-registration")).status())
                .isEqualTo(401);
        assertThat(anonymous.post("/v1/decisions/batch", "application/x-ndjson", "{}\n").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/v1/explain", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/no/such/path").status()).as("unknown paths say nothing either").isEqualTo(401);
        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/ready").status()).isIn(200, 503);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/console/console.js").status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenIs401AndTheRightOneDecides() {
        Http wrong = new Http(server).with(Map.of("Authorization", "Bearer " + TOKEN + "x"));
        assertThat(wrong.get("/v1/services").status()).isEqualTo(401);
        assertThat(new Http(server).with(Map.of("Authorization", "Basic " + TOKEN)).get("/v1/services").status())
                .isEqualTo(401);
        Http right = new Http(server).with(Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(right.get("/v1/services").status()).isEqualTo(200);
        assertThat(right.postJson("/v1/decisions", Http.example("marriage-registration")).status()).isEqualTo(200);
        assertThat(new Http(server).with(Map.of("Authorization", "bearer  " + TOKEN)).get("/metrics").status())
                .isEqualTo(200);
    }

    @Test
    void withoutATokenTheDefaultIsLoopbackOnly() {
        ServerOptions defaults = ServerOptions.builder().build();
        assertThat(defaults.loopbackOnly()).isTrue();
        assertThat(defaults.token()).isNull();
        assertThat(ServerOptions.builder().bind("0.0.0.0").build().loopbackOnly()).isFalse();
    }
}
