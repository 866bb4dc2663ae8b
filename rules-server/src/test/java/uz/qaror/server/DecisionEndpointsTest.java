package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.internal.explain.Explainer;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;

/** POST /v1/decisions and /v1/explain on the real engine and catalog: answers, statuses, languages. */
class DecisionEndpointsTest {

    private final Http http = new Http(TestServers.shared());

    @Test
    void aDecisionIsTheCliDecisionWithItsIdAndRulesVersionInBodyAndHeaders() throws Exception {
        String application = Http.example("marriage-registration");
        Http.Response response = http.postJson("/v1/decisions?lang=en", application);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("decisionId").asText()).isNotBlank()
                .isEqualTo(response.header(DecisionEndpoints.DECISION_ID));
        assertThat(body.path("rulesVersion").asText()).isNotBlank()
                .isEqualTo(response.header(DecisionEndpoints.RULES_VERSION));
        assertThat(response.header("Content-Type")).startsWith("application/json");
        ObjectNode expected = DecisionJson.toNode(TestServers.engine().evaluate(application), Language.EN);
        ((ObjectNode) body).remove("decisionId");
        assertThat(body).isEqualTo(read(expected.toString()));
    }

    @Test
    void everyDecisionGetsItsOwnId() {
        String application = Http.example("marriage-registration");
        String first = http.postJson("/v1/decisions", application).json().path("decisionId").asText();
        String second = http.postJson("/v1/decisions", application).json().path("decisionId").asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void reasonsComeInTheLanguageOfLangThenAcceptLanguageThenUzbek() {
        String application = Http.example("marriage-registration");
        assertThat(http.postJson("/v1/decisions", application).json().path("language").asText()).isEqualTo("uz");
        Http russian = http.with(Map.of("Accept-Language", "fr-FR, ru-RU;q=0.8, en;q=0.5"));
        Http.Response ru = russian.postJson("/v1/decisions", application);
        assertThat(ru.json().path("language").asText()).isEqualTo("ru");
        assertThat(ru.header("Content-Language")).isEqualTo("ru");
        assertThat(ru.json().at("/reasons/0/message").asText()).containsPattern("[а-я]");
        assertThat(russian.postJson("/v1/decisions?lang=uz-Cyrl", application).json().path("language").asText())
                .isEqualTo("uz-Cyrl");
    }

    @Test
    void anUnknownLangIsTheCallersMistake() {
        Http.Response response = http.postJson("/v1/decisions?lang=fr", Http.example("marriage-registration"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("unknown language 'fr'").contains("uz-Cyrl");
    }

    @Test
    void textThatIsNotJsonIs400NamingWhereTheParserStopped() {
        Http.Response response = http.postJson("/v1/decisions", "{\"id\": \"A\", ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(response.json().at("/error/problems/0/message").asText()).contains("line 1");
        assertThat(response.json().path("decisionId").asText()).isNotBlank();
        assertThat(http.postJson("/v1/decisions", "").status()).isEqualTo(400);
        assertThat(http.postJson("/v1/decisions", "[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void anInvalidApplicationIs422WithEveryProblem() {
        ObjectNode tree = (ObjectNode) read(Http.example("marriage-registration"));
        ((ObjectNode) tree.get("applicant")).put("pinfl", "123").put("phone", "not a phone");
        Http.Response response = http.postJson("/v1/decisions", tree.toString());
        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().path("error");
        assertThat(error.path("kind").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.path("problems").findValuesAsText("path")).contains("applicant.pinfl", "applicant.phone");
    }

    @Test
    void anUnknownServiceIs404WithTheNearestIds() {
        ObjectNode tree = (ObjectNode) read(Http.example("marriage-registration"));
        tree.put("service", "marriage-registrashun");
        Http.Response response = http.postJson("/v1/decisions", tree.toString());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(response.json().at("/error/nearest/0").asText()).isEqualTo("marriage-registration");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrSent() throws Exception {
        QarorServer small = TestServers.start(TestServers.options().maxBodyBytes(1000));
        try {
            Http client = new Http(small);
            String application = Http.example("child-benefit");
            assertThat(application.length()).isGreaterThan(1000);
            Http.Response declared = client.postJson("/v1/decisions", application);
            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.json().at("/error/kind").asText()).isEqualTo("BODY_TOO_LARGE");
            assertThat(declared.json().at("/error/message").asText()).contains("1000 bytes");
            // Chunked: no Content-Length, the limit is found while reading.
            try (Http.Raw raw = new Http.Raw(small)) {
                raw.send("POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                for (int i = 0; i < 3; i++) {
                    String chunk = " ".repeat(600);
                    raw.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
                }
                raw.send("0\r\n\r\n");
                assertThat(raw.readAll()).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
            }
            assertThat(client.postJson("/v1/decisions", Http.example("marriage-registration")).status())
                    .as("an application within the limit").isEqualTo(200);
        } finally {
            small.close();
        }
    }

    @Test
    void aClientSendingFarOverTheLimitStillReads413() throws Exception {
        QarorServer small = TestServers.start(TestServers.options().maxBodyBytes(64 * 1024));
        try {
            byte[] oversized = ("{\"pad\":\"" + "x".repeat(200 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                try (Http.Raw raw = new Http.Raw(small)) {
                    // As a simple client does: the whole body first, then the answer.
                    raw.send(Http.Raw.head("POST", "/v1/decisions", "application/json", oversized.length));
                    for (int sent = 0; sent < oversized.length; sent += 16 * 1024) {
                        raw.out.write(oversized, sent, Math.min(16 * 1024, oversized.length - sent));
                        raw.out.flush();
                        Thread.sleep(5);
                    }
                    assertThat(raw.readAll()).as("request %d", i).startsWith("HTTP/1.1 413");
                }
            }
        } finally {
            small.close();
        }
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() {
        String application = Http.example("marriage-registration");
        Http.Response form = http.post("/v1/decisions", "application/x-www-form-urlencoded", application);
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().at("/error/kind").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(http.post("/v1/decisions", null, application).status()).isEqualTo(415);
        assertThat(http.post("/v1/decisions", "application/json; charset=latin1", application).status())
                .isEqualTo(415);
        assertThat(http.post("/v1/decisions", "application/json; charset=UTF-8", application).status())
                .isEqualTo(200);
    }

    @Test
    void wrongRoutesAre404AndWrongMethods405WithAllow() {
        Http.Response method = http.get("/v1/decisions");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Allow")).isEqualTo("POST");
        assertThat(http.method("DELETE", "/v1/services").status()).isEqualTo(405);
        Http.Response route = http.get("/v2/decisions");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().at("/error/kind").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void explainGivesTheExplanationOfQarorExplainJson() throws Exception {
        String application = Http.example("child-benefit");
        Http.Response response = http.postJson("/v1/explain?lang=en", application);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("decisionId").asText()).isEqualTo(response.header(DecisionEndpoints.DECISION_ID));
        assertThat(body.path("rulesVersion").asText()).isEqualTo(response.header(DecisionEndpoints.RULES_VERSION));
        ObjectNode expected = Explainer.explain(TestServers.engine(), read(application), null).explanation()
                .toJson(Language.EN);
        ((ObjectNode) body).remove("decisionId");
        assertThat(body).isEqualTo(read(expected.toString()));
        assertThat(body.path("rules").size()).isPositive();
    }

    @Test
    void explainAnswersFailuresLikeDecisions() {
        assertThat(http.postJson("/v1/explain", "nope").status()).isEqualTo(400);
        ObjectNode tree = (ObjectNode) read(Http.example("marriage-registration"));
        tree.put("service", "no-such-service");
        assertThat(http.postJson("/v1/explain", tree.toString()).status()).isEqualTo(404);
    }

    static JsonNode read(String json) {
        return Http.parse(json);
    }
}
