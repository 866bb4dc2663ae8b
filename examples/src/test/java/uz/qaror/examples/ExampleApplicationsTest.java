package uz.qaror.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;

/**
 * Every example application is decided (none fails), its decision JSON follows the published schema, and the
 * embedding example reads as documented.
 */
class ExampleApplicationsTest {

    private static final DecisionEngine ENGINE = DecisionEngine.embedded();

    @Test
    void everyExampleIsDecided() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("applications"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Result result = ENGINE.evaluate(Files.readString(file));
            assertThat(result).as(file.toString()).isInstanceOf(Decision.class);
        }
    }

    @Test
    void everyDecisionAndErrorRecordFollowsThePublishedSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = DecisionEngine.class.getResourceAsStream("/uz/qaror/decision.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(Path.of("../docs/decision.schema.json")).as("the schema published with the docs")
                .hasSameTextualContentAs(Path.of("../rules-core/src/main/resources/uz/qaror/decision.schema.json"));
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("applications"))) {
            for (Path file : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                inputs.add(Files.readString(file));
            }
        }
        String example = inputs.get(0);
        inputs.add("{\"id\": ");
        inputs.add(example.replaceFirst("\"service\": \"[^\"]+\"", "\"service\": \"no-such-service\""));
        inputs.add(example.replaceFirst("\"submittedAt\": \"[^\"]+\"", "\"submittedAt\": \"yesterday\""));
        for (String input : inputs) {
            Result result = ENGINE.evaluate(input);
            for (Language language : Language.values()) {
                JsonNode json = DecisionJson.toNode(result, language);
                assertThat(schema.validate(json)).as(json.toString()).isEmpty();
                if (result instanceof Decision) {
                    assertThat(json.has("fee")).as("fee, null when none: " + json.get("service")).isTrue();
                }
            }
        }
        assertThat(inputs.stream().map(ENGINE::evaluate)).anyMatch(r -> r instanceof Failure)
                .anyMatch(r -> r instanceof Decision d && d.fee() == null)
                .anyMatch(r -> r instanceof Decision d && d.fee() != null);
    }

    @Test
    void everyServiceHasAnExample() throws IOException {
        for (String service : ENGINE.serviceIds()) {
            assertThat(Path.of("applications", service + ".json")).as("example of " + service).exists();
        }
    }

    @Test
    void embedExampleDescribesTheDecision() throws IOException {
        String text = EmbedExample.describe(ENGINE,
                Files.readString(Path.of("applications", "marriage-registration-17.json")));
        assertThat(text).startsWith("MR-2025-000002 (marriage-registration): REJECTED")
                .contains("You have not reached the marriage age (17)")
                .contains("[Family Code art. 15]");
    }
}
