package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uz.qaror.internal.json.Json;

/**
 * /openapi.json describes what the server really does: real responses of every operation, for every status the
 * tests can provoke, are validated against the schemas the document gives for them (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12), every status seen is documented, and every documented operation is exercised.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TempDir
    static Path dir;

    private static JsonNode document;
    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();
    private static final Set<String> EXERCISED = new TreeSet<>();
    private static QarorServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.start(TestServers.options().maxBodyBytes(4000));
        http = new Http(server);
        document = http.get("/openapi.json").json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsOpenApi31AndItsServedCopyIsTheResource() throws IOException {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        try (InputStream in = QarorServer.class.getResourceAsStream("/uz/qaror/server/openapi.json")) {
            assertThat(document).isEqualTo(Json.JSON.readTree(in));
        }
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void theSchemasRejectWhatTheyDoNotDescribe() {
        ObjectNode decision = (ObjectNode) http.postJson("/v1/decisions", Http.example("marriage-registration")).json();
        String pointer = "/components/schemas/Decision";
        assertThat(validate(pointer, decision)).isEmpty();
        assertThat(validate(pointer, decision.deepCopy().put("surprise", 1))).isNotEmpty();
        ObjectNode withoutOutcome = decision.deepCopy();
        withoutOutcome.remove("outcome");
        assertThat(validate(pointer, withoutOutcome)).isNotEmpty();
        assertThat(validate(pointer, decision.deepCopy().put("outcome", "MAYBE"))).isNotEmpty();

        ObjectNode screened = (ObjectNode) http.postJson("/v1/screen",
                ScreenEndpointTest.household("karimova-family")).json();
        String result = "/components/schemas/ScreeningResult";
        assertThat(validate(result, screened)).isEmpty();
        assertThat(validate(result, screened.deepCopy().put("surprise", 1))).isNotEmpty();
        ObjectNode maybe = screened.deepCopy();
        ((ObjectNode) maybe.at("/answers/0")).put("status", "MAYBE");
        assertThat(validate(result, maybe)).isNotEmpty();
    }

    @Test
    void realResponsesOfEveryOperationMatchTheirSchemas() throws IOException {
        String marriage = Http.example("marriage-registration");
        ObjectNode unknown = (ObjectNode) DecisionEndpointsTest.read(marriage);
        unknown.put("service", "marriage-registrashun");
        ObjectNode invalid = (ObjectNode) DecisionEndpointsTest.read(marriage);
        ((ObjectNode) invalid.get("applicant")).put("pinfl", "123");
        String incomplete = DecisionEndpointsTest.read(marriage).toString().replace("\"spouseMarried\":false,", "");

        for (String path : List.of("/v1/decisions", "/v1/explain")) {
            check(path, "post", http.postJson(path + "?lang=en", marriage), 200);
            check(path, "post", http.postJson(path, incomplete), 200);
            check(path, "post", http.postJson(path, Http.example("child-benefit")), 200);
            check(path, "post", http.postJson(path, "{\"id\":"), 400);
            check(path, "post", http.postJson(path + "?lang=xx", marriage), 400);
            check(path, "post", http.postJson(path, unknown.toString()), 404);
            check(path, "post", http.postJson(path, invalid.toString()), 422);
            check(path, "post", http.postJson(path, "{\"pad\":\"" + "x".repeat(5000) + "\"}"), 413);
            check(path, "post", http.postJson(path, "{\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}"), 413);
            check(path, "post", http.post(path, "text/plain", marriage), 415);
            check(path, "post", http.get(path), 405); // documented with the path's one operation
        }
        String family = ScreenEndpointTest.household("karimova-family");
        ObjectNode invalidHousehold = (ObjectNode) Http.parse(family);
        ((ObjectNode) invalidHousehold.get("applicant")).put("pinfl", "31405982610121");
        for (java.nio.file.Path household : ScreenEndpointTest.households()) {
            check("/v1/screen", "post", http.postJson("/v1/screen?lang=en&asOf=2025-09-15",
                    Files.readString(household)), 200);
        }
        check("/v1/screen", "post", http.postJson("/v1/screen?services=child-benefit&lang=uz-Cyrl", family), 200);
        check("/v1/screen", "post", http.postJson("/v1/screen", "{\"applicant\":"), 400);
        check("/v1/screen", "post", http.postJson("/v1/screen?asOf=tomorrow", family), 400);
        check("/v1/screen", "post", http.postJson("/v1/screen?services=child-benefitt", family), 404);
        check("/v1/screen", "post", http.postJson("/v1/screen", invalidHousehold.toString()), 422);
        check("/v1/screen", "post", http.postJson("/v1/screen", "{\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}"),
                413);
        check("/v1/screen", "post", http.postJson("/v1/screen", "{\"pad\":\"" + "x".repeat(5000) + "\"}"), 413);
        check("/v1/screen", "post", http.post("/v1/screen", "text/plain", family), 415);
        check("/v1/screen", "post", http.get("/v1/screen"), 405);
        check("/v1/decisions/batch", "post", http.post("/v1/decisions/batch", "application/x-ndjson",
                BatchEndpointTest.oneLine(marriage) + "\n\nnot json\n" + BatchEndpointTest.oneLine(invalid.toString())
                        + "\n" + "x".repeat(5000) + "\n"), 200);
        check("/v1/decisions/batch", "post", http.postJson("/v1/decisions/batch", "{}"), 415);
        check("/v1/services", "get", http.get("/v1/services?lang=uz-Cyrl"), 200);
        check("/v1/services", "get", http.get("/v1/services?lang=de"), 400);
        for (String id : TestServers.engine().serviceIds()) {
            check("/v1/services/{id}", "get", http.get("/v1/services/" + id), 200);
            check("/v1/services/{id}/example", "get", http.get("/v1/services/" + id + "/example"), 200);
        }
        check("/v1/services/{id}", "get", http.get("/v1/services/nope"), 404);
        check("/v1/services/{id}/example", "get", http.get("/v1/services/nope/example"), 404);
        check("/v1/parameters", "get", http.get("/v1/parameters"), 200);
        check("/v1/parameters/{id}", "get", http.get("/v1/parameters/bca"), 200);
        check("/v1/parameters/{id}", "get", http.get("/v1/parameters/bcx"), 404);
        check("/health/live", "get", http.get("/health/live"), 200);
        HealthAndMetricsTest.waitFor(() -> http.get("/health/ready").status() == 200, "ready");
        check("/health/ready", "get", http.get("/health/ready"), 200);
        check("/metrics", "get", http.get("/metrics"), 200);
        check("/openapi.json", "get", http.get("/openapi.json"), 200);
        check("/", "get", http.get("/"), 200);
    }

    @Test
    void errorsOfTheServersSideAndOfAccessMatchTheirSchemasToo() throws IOException {
        String token = "openapi-test-token";
        try (QarorServer guarded = TestServers.start(TestServers.options().token(token))) {
            check("/v1/services", "get", new Http(guarded).get("/v1/services"), 401);
            check("/v1/decisions", "post", new Http(guarded).postJson("/v1/decisions", "{}"), 401);
        }
        Path rules = HealthAndMetricsTest.catalogWith(dir.resolve("failing"), "marriage-registration");
        Path drl = rules.resolve("services/marriage-registration/rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"Always fails\" @legalBasis(\"none\")\n"
                + "when\n    Application()\nthen\n    throw new IllegalStateException(\"a bug in the rules\");\nend\n");
        try (QarorServer failing = QarorServer.start(TestServers.options().rulesDirectory(rules).build())) {
            Http.Response response = new Http(failing).postJson("/v1/decisions", Http.example("marriage-registration"));
            check("/v1/decisions", "post", response, 500);
            assertThat(response.json().at("/error/kind").asText()).isEqualTo("RULE_FAILED");
            assertThat(response.body()).doesNotContain("at uz.qaror").doesNotContain("\tat ");
        }
        Path broken = HealthAndMetricsTest.catalogWith(dir.resolve("broken"), "marriage-registration");
        Path brokenDrl = broken.resolve("services/marriage-registration/rules.drl");
        Files.writeString(brokenDrl, Files.readString(brokenDrl) + "\nrule \"broken\" when then nothing( end\n");
        try (QarorServer notReady = QarorServer.start(TestServers.options().rulesDirectory(broken).build())) {
            Http client = new Http(notReady);
            HealthAndMetricsTest.waitFor(() -> client.get("/health/ready").json().at("/services/failed").size() == 1,
                    "the compile to fail");
            check("/health/ready", "get", client.get("/health/ready"), 503);
            check("/v1/decisions", "post", client.postJson("/v1/decisions", Http.example("marriage-registration")),
                    503);
            check("/v1/services/{id}", "get", client.get("/v1/services/marriage-registration"), 200);
        }
        try (QarorServer busy = TestServers.start(TestServers.options().threads(1).maxPending(0));
             Http.Raw holding = new Http.Raw(busy)) {
            holding.send(Http.Raw.head("POST", "/v1/decisions", "application/json", 100) + "{");
            HealthAndMetricsTest.waitFor(() -> busy.inFlight() == 1, "the slow request to hold the thread");
            check("/v1/parameters", "get", new Http(busy).get("/v1/parameters"), 503);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedOperationIsExercised() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(EXERCISED).containsAll(documented);
    }

    /** Checks a real response: the status is as expected and documented, and the body matches its schema. */
    private static void check(String template, String method, Http.Response response, int status) throws IOException {
        String what = method.toUpperCase() + " " + template + " " + status;
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(status);
        JsonNode operation = document.path("paths").path(template).path(method);
        assertThat(operation.isMissingNode()).as(what + " is documented").isFalse();
        String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + status;
        JsonNode documentedResponse = document.at(pointer);
        assertThat(documentedResponse.isMissingNode()).as(what + ": status documented").isFalse();
        if (documentedResponse.has("$ref")) {
            pointer = documentedResponse.get("$ref").asText().substring(1);
            documentedResponse = document.at(pointer);
        }
        EXERCISED.add(method.toUpperCase() + " " + template);
        String contentType = response.header("Content-Type").split(";")[0].trim();
        JsonNode content = documentedResponse.path("content").path(contentType);
        assertThat(content.isMissingNode()).as(what + ": content type " + contentType + " documented").isFalse();
        if (contentType.equals("application/json")) {
            assertValid(pointer + "/content/" + escape(contentType) + "/schema", response.json(), what);
        } else if (contentType.equals("application/x-ndjson")) {
            String linePointer = content.path("x-line-schema").path("$ref").asText().substring(1);
            for (String line : response.body().lines().toList()) {
                assertValid(linePointer, Json.JSON.readTree(line), what + " line");
            }
        }
    }

    private static void assertValid(String pointer, JsonNode body, String what) {
        assertThat(validate(pointer, body)).as(what + " against " + pointer + ": " + body).isEmpty();
    }

    private static Set<ValidationMessage> validate(String pointer, JsonNode body) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(pointer, p -> {
            ObjectNode root = document.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#" + p);
            return FACTORY.getSchema(root);
        });
        return schema.validate(body);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
