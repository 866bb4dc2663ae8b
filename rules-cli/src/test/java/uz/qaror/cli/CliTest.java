package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import uz.qaror.internal.json.Json;

/** The command line end to end, in process, on the embedded catalog and the example applications. */
class CliTest {

    static final Path EXAMPLES = Path.of("../examples/applications");

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return Json.JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        CommandLine commandLine = Qaror.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void evaluatesAnExample() throws Exception {
        Run run = run("evaluate", EXAMPLES.resolve("marriage-registration.json").toString());
        assertThat(run.exitCode()).isZero();
        JsonNode decision = run.json();
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("rulesVersion").asText()).hasSize(12);
        assertThat(decision.get("fee").get("soum").asInt()).isEqualTo(412000);
    }

    @Test
    void seventeenYearOldIsRejectedWithTheAgeReasonInTheChosenLanguage() throws Exception {
        String file = EXAMPLES.resolve("marriage-registration-17.json").toString();
        for (String[] expected : List.of(new String[] {"en", "marriage age (17)"},
                new String[] {"ru", "брачного возраста (17 лет)"}, new String[] {"uz-Cyrl", "никоҳ ёшига етмагансиз"},
                new String[] {"uz", "nikoh yoshiga yetmagansiz"})) {
            JsonNode decision = run("evaluate", "--lang", expected[0], file).json();
            assertThat(decision.get("outcome").asText()).isEqualTo("REJECTED");
            JsonNode reason = decision.get("reasons").get(0);
            assertThat(reason.get("code").asText()).isEqualTo("APPLICANT_UNDER_AGE");
            assertThat(reason.get("message").asText()).contains(expected[1]);
            assertThat(reason.get("legalBasis").asText()).isEqualTo("Family Code art. 15");
        }
    }

    @Test
    void asOfJudgesAtAnotherDate() throws Exception {
        JsonNode decision = run("evaluate", "--as-of", "2023-06-01",
                EXAMPLES.resolve("marriage-registration.json").toString()).json();
        assertThat(decision.get("asOf").asText()).isEqualTo("2023-06-01");
        assertThat(decision.get("fee").get("soum").asInt()).isEqualTo(330000);
    }

    @Test
    void batchGivesOneLinePerInputLineInOrder(@TempDir Path dir) throws Exception {
        String good = Files.readString(EXAMPLES.resolve("marriage-registration.json")).replaceAll("\\s*\\n\\s*", " ");
        String minor = Files.readString(EXAMPLES.resolve("marriage-registration-17.json")).replaceAll("\\s*\\n\\s*", " ");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", List.of(
                good,
                "{not json",
                good.replace("marriage-registration", "marriage-registraton"),
                "",
                good.replace("\"spouseBirthDate\": \"2000-02-10\",", ""),
                minor,
                "[1, 2]",
                good.replace("\"2000-02-10\"", "20000210"))) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out/decisions.jsonl");
        Run run = run("batch", in.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(8);
        List<JsonNode> records = lines.stream().map(CliTest::parse).toList();
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("record").asInt()).isEqualTo(i + 1);
        }
        assertThat(records.get(0).get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(records.get(1).get("error").get("kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(records.get(2).get("error").get("kind").asText()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(records.get(2).get("error").get("message").asText()).contains("marriage-registration");
        assertThat(records.get(3).get("error").get("kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(records.get(4).get("outcome").asText()).isEqualTo("INCOMPLETE");
        assertThat(records.get(4).get("missing").get(0).asText()).isEqualTo("form.spouseBirthDate");
        assertThat(records.get(5).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(records.get(6).get("error").get("kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(records.get(7).get("error").get("problems").get(0).get("path").asText())
                .isEqualTo("form.spouseBirthDate");
        assertThat(run.err()).contains("8 records: 3 decisions, 5 errors").contains("automation rate");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void brokenRulesFolderFailsWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path service = dir.resolve("services/marriage-registration");
        Files.createDirectories(service);
        Path catalog = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
        Files.createDirectories(dir.resolve("parameters"));
        try (var files = Files.list(catalog.resolve("parameters"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve("parameters").resolve(file.getFileName().toString()));
            }
        }
        for (String name : List.of("service.yaml", "reasons.yaml", "rules.drl")) {
            Files.copy(catalog.resolve("services/marriage-registration").resolve(name), service.resolve(name));
        }
        Path drl = service.resolve("rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("decision.reject(\"CLOSE_RELATIVES\");",
                "decision.reject(\"CLOSE_RELATIVES\"); }"));
        Run run = run("evaluate", "--rules", dir.toString(), EXAMPLES.resolve("marriage-registration.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).containsPattern("services/marriage-registration/rules\\.drl:\\d+:\\d+: ");
        Run check = run("check", "--rules", dir.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).containsPattern("rules\\.drl:\\d+:\\d+: error: ");
    }

    @Test
    void servicesListsTheCatalog() throws Exception {
        Run table = run("services");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("marriage-registration").contains("minjust");
        Run json = run("services", "--json");
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().get(0).get("names").get("uz-Cyrl").asText()).isNotBlank();
    }

    @Test
    void statsMeasureTheCatalogAgainstTheDecree() throws Exception {
        Run table = run("services", "--stats");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("minjust").contains("of 700 services").contains("target 65%")
                .contains("target 75%");
        JsonNode json = run("services", "--stats", "--json").json();
        assertThat(json.get("total").get("services").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("byAgency").has("social-protection")).isTrue();
    }

    @Test
    void docsCatalogIsTheGeneratedDocument() throws Exception {
        Run run = run("services", "--markdown");
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(Path.of("../docs/catalog.md")))
                .as("docs/catalog.md is stale: regenerate it with ./qaror services --markdown > docs/catalog.md")
                .isEqualTo(run.out());
    }

    @Test
    void aSynthesizedCatalogCompilesEveryService(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("synthetic");
        Run run = run("catalog", "synthesize", "--count", "33", catalog.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run("services", "--rules", catalog.toString()).out()).contains("33 services")
                .contains("marriage-registration-s");
        Run check = run("check", "--rules", catalog.toString());
        assertThat(check.exitCode()).as(check.out()).isZero();
        // The copies' screening tests screen a household for copies of the services the real ones name: those of
        // the same round (s0001-s0030), or of the first round where the last is short (s0031-s0033).
        List<String> screening;
        try (Stream<Path> services = Files.list(catalog.resolve("services"))) {
            screening = services.filter(service -> Files.exists(service.resolve("tests/screening.yaml")))
                    .map(service -> service.getFileName().toString()).sorted().toList();
        }
        assertThat(screening).hasSizeGreaterThan(1);
        List<String> test = new ArrayList<>(List.of("test", "--rules", catalog.toString()));
        test.addAll(screening);
        Run tested = run(test.toArray(String[]::new));
        assertThat(tested.exitCode()).as(tested.out()).isZero();
        assertThat(run("catalog", "synthesize", catalog.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aPrebuiltFolderDecidesAsTheCompiledOneAndABrokenOneWritesNoJar(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("synthetic");
        Path jar = dir.resolve("out/rules.jar");
        assertThat(run("catalog", "synthesize", "--count", "2", catalog.toString()).exitCode()).isZero();
        Run prebuild = run("catalog", "prebuild", "--rules", catalog.toString(), "-o", jar.toString());
        assertThat(prebuild.exitCode()).as(prebuild.err()).isZero();
        assertThat(prebuild.out()).contains("prebuilt 2 services").contains("--prebuilt " + jar);
        Run intoAFolder = run("catalog", "prebuild", "--rules", catalog.toString(), "-o", dir.toString());
        assertThat(intoAFolder.exitCode()).isEqualTo(2);
        assertThat(intoAFolder.err()).contains(dir + " is a folder; name a jar file");
        Path applications = dir.resolve("apps.jsonl");
        assertThat(run("generate", "--rules", catalog.toString(), "--count", "300", "-o", applications.toString())
                .exitCode()).isZero();
        Path compiled = dir.resolve("compiled.jsonl");
        Path prebuilt = dir.resolve("prebuilt.jsonl");
        assertThat(run("batch", "--rules", catalog.toString(), applications.toString(), "-o", compiled.toString())
                .exitCode()).isZero();
        Run batch = run("batch", "--rules", catalog.toString(), "--prebuilt", jar.toString(),
                applications.toString(), "-o", prebuilt.toString());
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(Files.readAllLines(prebuilt)).hasSize(300).isEqualTo(Files.readAllLines(compiled));

        Path drl = Files.list(catalog.resolve("services")).sorted().findFirst().orElseThrow().resolve("rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when Applicant( then end\n");
        Path brokenJar = dir.resolve("broken.jar");
        Run broken = run("catalog", "prebuild", "--rules", catalog.toString(), "-o", brokenJar.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("rules.drl:").contains("nothing written").doesNotContain("\tat ");
        assertThat(brokenJar).doesNotExist();

        Path application = Files.writeString(dir.resolve("application.json"), "{}");
        Run missing = run("evaluate", "--rules", catalog.toString(), "--prebuilt", dir.resolve("no.jar").toString(),
                application.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("no.jar").contains("do not exist").doesNotContain("\tat ");
        Run notAJar = run("check", "--rules", catalog.toString(), "--prebuilt", drl.toString());
        assertThat(notAJar.exitCode()).isEqualTo(3);
        assertThat(notAJar.err()).contains("not a jar written by qaror catalog prebuild");
    }

    @Test
    void loadSaysWhichServicesComeFromThePrebuiltJarAndWhichChangedSince(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("synthetic");
        Path jar = dir.resolve("rules.jar");
        assertThat(run("catalog", "synthesize", "--count", "3", catalog.toString()).exitCode()).isZero();
        assertThat(run("catalog", "prebuild", "--rules", catalog.toString(), "-o", jar.toString()).exitCode()).isZero();
        Run all = run("catalog", "load", "--rules", catalog.toString(), "--prebuilt", jar.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).containsPattern("^3 services of .*synthetic ready in \\d+\\.\\d s: 3 from prebuilt rules, "
                + "0 compiled, 0 failed\n$");

        // The test cases give the same results on the jar's rules as on the rules compiled from the folder.
        Run testedOnTheJar = run("test", "--rules", catalog.toString(), "--prebuilt", jar.toString(), "--format",
                "json");
        assertThat(testedOnTheJar.exitCode()).as(testedOnTheJar.err()).isZero();
        assertThat(testedOnTheJar.json().get("cases").asInt()).isPositive();
        assertThat(testedOnTheJar.out()).isEqualTo(run("test", "--rules", catalog.toString(), "--format", "json").out());

        Path service = Files.list(catalog.resolve("services")).sorted().findFirst().orElseThrow();
        Path drl = service.resolve("rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// edited since the jar was written\n");
        Run edited = run("catalog", "load", "--rules", catalog.toString(), "--prebuilt", jar.toString());
        assertThat(edited.exitCode()).as(edited.err()).isZero();
        assertThat(edited.out()).contains("2 from prebuilt rules, 1 compiled, 0 failed")
                .contains("compiled, as their files changed since " + jar + " was written: " + service.getFileName());

        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when Applicant( then end\n");
        Run broken = run("catalog", "load", "--rules", catalog.toString(), "--prebuilt", jar.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("2 from prebuilt rules, 0 compiled, 1 failed");
        assertThat(broken.err()).contains("rules.drl:").doesNotContain("\tat ");

        Run embedded = run("catalog", "load");
        assertThat(embedded.exitCode()).isZero();
        assertThat(embedded.out()).containsPattern("(\\d+) from prebuilt rules, 0 compiled, 0 failed")
                .doesNotContain("compiled, as");
        assertThat(run("catalog", "load", "--as-of", "2025-01-01").exitCode()).isEqualTo(2);
    }

    @Test
    void exitCodesAreDocumentedAndKept() {
        assertThat(run("--help").out()).contains("Exit codes:").contains("usage error");
        assertThat(run("evaluate", "--no-such-option", "x").exitCode()).isEqualTo(2);
        assertThat(run("evaluate", "/no/such/file.json").exitCode()).isEqualTo(3);
        assertThat(run("evaluate", "--lang", "fr", "x").exitCode()).isEqualTo(2);
        assertThat(run("--version").out()).contains("qaror");
    }

    private static JsonNode parse(String line) {
        try {
            return Json.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
