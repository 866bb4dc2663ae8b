package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.json.DecisionJson;

/**
 * The engine's failure kinds over HTTP: over an input limit (as the engine reads the body, with the messages
 * {@code qaror evaluate} gives), out of the time budget, a fault of the engine; and a batch record given up past
 * its deadline, as {@code qaror batch} gives it up.
 */
class EngineFailuresTest {

    @TempDir
    Path dir;

    /** The application with a form field holding {@code number} as written. */
    private static String withNumber(String number) {
        return withFormFields("\"extra\": " + number);
    }

    /** The application with these members first in its form. */
    private static String withFormFields(String members) {
        String application = Http.example("marriage-registration");
        int open = application.indexOf('{', application.indexOf("\"form\""));
        return application.substring(0, open + 1) + members + ", " + application.substring(open + 1);
    }

    /** What {@code qaror evaluate} prints for the same text, for the body to equal (after its decision id). */
    private static JsonNode asEvaluatePrintsIt(String application) {
        return DecisionJson.toNode(TestServers.engine().evaluate(application), Language.UZ);
    }

    private static JsonNode withoutDecisionId(Http.Response response) {
        ObjectNode body = (ObjectNode) response.json().deepCopy();
        assertThat(body.remove("decisionId")).isNotNull();
        return body;
    }

    @Test
    void aNumberLongerThanTheEngineReadsIs413WithTheMessageOfEvaluate() {
        String application = withNumber("1" + "0".repeat(39));
        Http.Response response = new Http(TestServers.shared()).postJson("/v1/decisions", application);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.json().at("/error/message").asText()).contains("InputLimits.maxNumberLength");
        assertThat(withoutDecisionId(response)).isEqualTo(asEvaluatePrintsIt(application));
    }

    @Test
    void aNumberTooLargeToBeAnAmountIs422AsTheEngineSays() {
        String application = withNumber("1" + "0".repeat(20));
        Http.Response response = new Http(TestServers.shared()).postJson("/v1/decisions", application);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("INVALID_FIELD");
        assertThat(withoutDecisionId(response)).isEqualTo(asEvaluatePrintsIt(application));
    }

    @Test
    void aNumberNoParserCanHoldIs400NeverA500() {
        String application = withNumber("1e999999999999");
        Http.Response response = new Http(TestServers.shared()).postJson("/v1/explain", application);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(withoutDecisionId(response)).isEqualTo(asEvaluatePrintsIt(application));
    }

    @Test
    void anApplicationOverTheEnginesSizeIs413WithinTheBodyLimit() {
        List<String> pads = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            pads.add("\"pad" + i + "\": \"" + "z".repeat(900) + "\"");
        }
        String large = withFormFields(String.join(", ", pads));
        assertThat(large.length()).isBetween(TestServers.engine().inputLimits().maxBytes(),
                (int) ServerOptions.DEFAULT_MAX_BODY);
        Http.Response response = new Http(TestServers.shared()).postJson("/v1/decisions", large);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(withoutDecisionId(response)).isEqualTo(asEvaluatePrintsIt(large));
    }

    @Test
    void aDecisionOverItsTimeBudgetIs503WithRetryAfter() throws Exception {
        Path rules = withRule("looping", """
                rule "Looks again and again"
                    @legalBasis("Test act")
                when
                    $application : Application()
                then
                    long until = System.nanoTime() + 50_000_000L;
                    while (System.nanoTime() < until) { }
                    update($application);
                end
                """);
        try (DecisionEngine engine = DecisionEngine.builder().rulesDirectory(rules).timeout(Duration.ofMillis(300))
                .build();
             QarorServer server = QarorServer.start(TestServers.options().build(), engine)) {
            Http.Response response = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new Http(server).postJson("/v1/decisions", Http.example("marriage-registration")));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(response.json().at("/error/kind").asText()).isEqualTo("TIMEOUT");
            assertThat(response.json().at("/error/message").asText()).contains("(300 ms)");
        }
    }

    @Test
    void aFaultOfTheEngineIs500NamingTheDecisionIdAndNothingOfTheFault() throws Exception {
        Path rules = withRule("recursing", """
                function int deeper(int n) {
                    return deeper(n + 1) + 1;
                }

                rule "Goes ever deeper"
                    @legalBasis("Test act")
                when
                    Application()
                then
                    deeper(0);
                end
                """);
        try (QarorServer server = QarorServer.start(TestServers.options().rulesDirectory(rules).build())) {
            Http.Response response = new Http(server).postJson("/v1/decisions", Http.example("marriage-registration"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().at("/error/kind").asText()).isEqualTo("INTERNAL_ERROR");
            String decisionId = response.json().path("decisionId").asText();
            assertThat(decisionId).isNotEmpty().isEqualTo(response.header(DecisionEndpoints.DECISION_ID));
            assertThat(response.json().at("/error/message").asText()).contains("report decision id " + decisionId);
            assertThat(response.body()).doesNotContain("StackOverflowError").doesNotContain("uz.qaror.")
                    .doesNotContain("\tat ").doesNotContain(".java");
        }
    }

    @Test
    void aBatchRecordPastItsDeadlineIsATimeoutRecordAndTheBatchGoesOn() throws Exception {
        Path rules = withRule("stuck", """
                rule "Waits for something that does not come"
                    @legalBasis("Test act")
                when
                    Application(id == "stuck")
                then
                    try { Thread.sleep(120_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                end
                """);
        String application = BatchEndpointTest.oneLine(Http.example("marriage-registration"));
        String stuck = application.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"stuck\"");
        assertThat(stuck).isNotEqualTo(application);
        try (QarorServer server = QarorServer.start(TestServers.options().rulesDirectory(rules)
                .recordTimeout(Duration.ofSeconds(2)).build())) {
            Http http = new Http(server);
            // The first decision of a service loads what its rules need: not what this test measures.
            assertThat(http.postJson("/v1/decisions", application).status()).isEqualTo(200);
            Http.Response response = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> http
                    .post("/v1/decisions/batch", "application/x-ndjson", application + "\n" + stuck + "\n"
                            + application + "\n"));
            assertThat(response.status()).isEqualTo(200);
            List<JsonNode> lines = response.body().lines().map(DecisionEndpointsTest::read).toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).path("outcome").asText()).as(response.body()).isEqualTo("APPROVED");
            assertThat(lines.get(1).path("record").asLong()).isEqualTo(2);
            assertThat(lines.get(1).at("/error/kind").asText()).isEqualTo("TIMEOUT");
            // The deadline's wording (and whether it counts CPU time, which a sleeping rule does not use) is the
            // batch's; the record is given up either way.
            assertThat(lines.get(1).at("/error/message").asText()).contains("2.0 s").contains("was given up");
            assertThat(lines.get(2).path("outcome").asText()).isEqualTo("APPROVED");
        }
    }

    /** A rules folder with marriage-registration and one more rule in its file. */
    private Path withRule(String name, String rule) throws IOException {
        Path rules = HealthAndMetricsTest.catalogWith(dir.resolve(name), "marriage-registration");
        Path drl = rules.resolve("services/marriage-registration/rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\n" + rule);
        return rules;
    }
}
