package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.cli.CliTest.Run;

/** The policy teams' tools end to end: qaror test, qaror catalog export and the lint of qaror check. */
class PolicyToolsTest {

    private static final String SERVICE = "services/marriage-registration";
    private static final String FIRST_CASE = "both adults and free to marry are approved with the state duty";

    @Test
    void testPassesOnTheCatalogAndPrintsCoverage() {
        Run run = CliTest.run("test");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ cases, 0 failed$")
                .containsPattern("marriage-registration: \\d+/\\d+ rules")
                .containsPattern("rule coverage: \\d+\\.\\d% \\(\\d+ of \\d+ rules\\)");
        Run one = CliTest.run("test", "marriage-registration");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("marriage-registration: 10/10 rules");
    }

    @Test
    void aChangedExpectationFailsWithExpectedAgainstActualAndJUnitXml(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path cases = rules.resolve(SERVICE + "/tests/cases.yaml");
        String text = Files.readString(cases);
        Files.writeString(cases, text.replaceFirst("outcome: APPROVED\n      reasons: \\[CONDITIONS_MET]",
                "outcome: REJECTED\n      reasons: [CONDITIONS_MET]"));
        int line = lineOf(text, "- name: " + FIRST_CASE);
        Path junit = dir.resolve("reports/qaror.xml");

        Run run = CliTest.run("test", "--rules", rules.toString(), "--junit", junit.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(cases.toString().replace('\\', '/') + ":" + line
                + ": marriage-registration: " + FIRST_CASE)
                .contains("outcome: expected REJECTED, got APPROVED")
                .containsPattern("(?m)^\\d+ cases, 1 failed$");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        Element suite = null;
        for (int i = 0; i < suites.getLength(); i++) {
            Element candidate = (Element) suites.item(i);
            if (candidate.getAttribute("name").equals("marriage-registration")) {
                suite = candidate;
            }
        }
        assertThat(suite).as("the suite of marriage-registration").isNotNull();
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testcase = (Element) failures.item(0).getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo(FIRST_CASE);
        assertThat(failures.item(0).getTextContent()).contains("outcome: expected REJECTED, got APPROVED");
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(
                suite.getElementsByTagName("testcase").getLength());
        try (var files = Files.list(junit.getParent())) {
            assertThat(files).containsExactly(junit);
        }
    }

    @Test
    void minimumCoverageAboveWhatIsReachedFails() {
        Run run = CliTest.run("test", "--min-coverage", "101");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("0 failed").contains("below the minimum of 101%");
        assertThat(CliTest.run("test", "--min-coverage", "50").exitCode()).isZero();
    }

    @Test
    void anUnknownServiceIsAUsageErrorNamingTheNearest() {
        Run run = CliTest.run("test", "marriage-registraton");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown service 'marriage-registraton'; nearest: marriage-registration");
        assertThat(CliTest.run("catalog").exitCode()).isEqualTo(2);
    }

    @Test
    void junitIntoAFolderIsAUsageError(@TempDir Path dir) {
        Run run = CliTest.run("test", "--junit", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a folder; name the XML file");
    }

    @Test
    void aBrokenTestFileMakesTheRulesUnreadable(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path cases = rules.resolve(SERVICE + "/tests/cases.yaml");
        String text = Files.readString(cases);
        Files.writeString(cases, text.replaceFirst("    expect: \\{outcome: APPROVED, fee: \\{soum: 330000}}",
                "    expected: {outcome: APPROVED}"));
        Run run = CliTest.run("test", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cases.yaml:" + lineOf(text, "- name: state duty follows"))
                .doesNotContain("\tat ");
    }

    @Test
    void aTypoInTheDescriptorIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path descriptor = rules.resolve(SERVICE + "/service.yaml");
        String text = Files.readString(descriptor);
        Files.writeString(descriptor, text.replace("\nautomatic: true\n", "\nautomatc: true\n"));

        Run run = CliTest.run("check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(descriptor.toString().replace('\\', '/') + ":"
                + lineOf(text, "automatic: true") + ":1: error: unknown key 'automatc'");
    }

    @Test
    void aDuplicateCaseNameIsFlaggedAtTheDuplicate(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path cases = rules.resolve(SERVICE + "/tests/cases.yaml");
        String text = Files.readString(cases);
        String copy = "\n  - name: " + FIRST_CASE + "\n    expect: {outcome: REJECTED}\n";
        Files.writeString(cases, text.stripTrailing() + "\n" + copy);
        int duplicate = text.stripTrailing().lines().toList().size() + 2;
        String file = cases.toString().replace('\\', '/');
        String message = file + ":" + duplicate + ":5: error: case '" + FIRST_CASE + "' is named twice (also at line "
                + lineOf(text, "- name: " + FIRST_CASE) + "): give each case its own name";

        Run test = CliTest.run("test", "--rules", rules.toString(), "marriage-registration");
        Run check = CliTest.run("check", "--rules", rules.toString());

        assertThat(test.exitCode()).isEqualTo(3);
        assertThat(test.err()).contains(message);
        assertThat(check.out()).contains(message);
    }

    @Test
    void exportedCatalogPassesCheckAndTest(@TempDir Path dir) {
        Path rules = export(dir);
        assertThat(Files.exists(rules.resolve(SERVICE + "/rules.drl"))).isTrue();
        assertThat(Files.exists(rules.resolve("parameters/bca.yaml"))).isTrue();
        // As the README's policy loop asks of an export: no error and no warning.
        Run check = CliTest.run("check", "--strict", "--rules", rules.toString());
        assertThat(check.exitCode()).as(check.out()).isZero();
        Run test = CliTest.run("test", "--rules", rules.toString());
        assertThat(test.exitCode()).as(test.out()).isZero();
    }

    @Test
    void exportRefusesAFolderThatIsNotEmpty(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "keep me");
        Run run = CliTest.run("catalog", "export", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty").contains("--force");
        assertThat(Files.exists(dir.resolve("services"))).isFalse();
        Run forced = CliTest.run("catalog", "export", "--force", dir.toString());
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("mine.txt"))).isEqualTo("keep me");
        assertThat(Files.exists(dir.resolve(SERVICE + "/service.yaml"))).isTrue();
    }

    @Test
    void theEmbeddedCatalogPassesTheStrictCheck() throws Exception {
        Run run = CliTest.run("check", "--strict", "--format", "json");
        JsonNode report = run.json();
        List<String> found = new ArrayList<>();
        for (JsonNode diagnostic : report.get("diagnostics")) {
            found.add(diagnostic.get("file").asText() + ":" + diagnostic.get("line").asInt() + ": "
                    + diagnostic.get("code").asText() + ": " + diagnostic.get("message").asText());
        }
        assertThat(found).as("the catalog's errors and warnings").isEmpty();
        assertThat(report.get("strict").asBoolean()).isTrue();
        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    void aConditionalInARulesConditionsIsAWarningAtItsQuestionMark(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path drl = rules.resolve(SERVICE + "/rules.drl");
        String text = Files.readString(drl);
        String condition = "    Applicant(age < params.value(\"marriage-age-with-permission\"), $age : age)";
        assertThat(text).contains(condition);
        Files.writeString(drl, text.replace(condition, "    Applicant(age < (age != null ? params.value("
                + "\"marriage-age-with-permission\") : 0), $age : age)"));
        String folder = rules.resolve(SERVICE).toString().replace('\\', '/');

        Run strict = CliTest.run("check", "--strict", "--rules", rules.toString(), "marriage-registration");

        assertThat(strict.exitCode()).as(strict.out()).isEqualTo(1);
        assertThat(strict.out()).contains(folder + "/rules.drl:" + lineOf(text, condition) + ":34: warning: a"
                + " conditional (?:) in a rule's conditions: Drools' classic compiler and its executable model");
        Run json = CliTest.run("check", "--format", "json", "--rules", rules.toString(), "marriage-registration");
        assertThat(json.json().get("diagnostics").findValuesAsText("code")).contains("drools/conditional");
        assertThat(json.exitCode()).isZero();
    }

    @Test
    void strictCheckFailsOnARuleWithoutLegalBasisAndAnIgnoredDecisionTable(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path drl = rules.resolve(SERVICE + "/rules.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("rule \"Close relatives\"\n    @legalBasis(\"Family Code art. 16\")\n",
                "rule \"Close relatives\"\n"));
        Files.writeString(rules.resolve(SERVICE + "/rates.csv"), "RuleSet,rates\n", StandardCharsets.UTF_8);
        String folder = rules.resolve(SERVICE).toString().replace('\\', '/');

        Run strict = CliTest.run("check", "--strict", "--rules", rules.toString(), "marriage-registration");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains(folder + "/rules.drl:" + lineOf(text, "rule \"Close relatives\"")
                + ":1: warning: rule \"Close relatives\" has no @legalBasis")
                .contains(folder + "/rates.csv:1:1: warning: Drools ignores decision tables unless named *.drl.csv")
                .containsPattern("1 services checked in .*: 0 errors, \\d+ warnings \\(--strict\\)");
        assertThat(CliTest.run("check", "--rules", rules.toString()).exitCode()).isZero();
    }

    @Test
    void lintFindsCodesParametersAndAmountsThatCompileButAreWrong(@TempDir Path dir) throws Exception {
        Path rules = export(dir);
        Path drl = rules.resolve(SERVICE + "/rules.drl");
        String text = Files.readString(drl).replace("decision.reject(\"SPOUSE_ALREADY_MARRIED\");",
                "decision.reject(\"SPOUSE_ALREADY_MARIED\");\n"
                        + "    decision.amount(\"bonus\", params.value(\"minimum-wag\"));\n"
                        + "    decision.amount(\"cap\", 1250000); // not 99999: comments do not count");
        Files.writeString(drl, text);
        Path reasons = rules.resolve(SERVICE + "/reasons.yaml");
        Files.writeString(reasons, Files.readString(reasons)
                .replace("  en: \"Close relatives may not marry each other.\"\n", ""));
        String folder = rules.resolve(SERVICE).toString().replace('\\', '/');
        int line = lineOf(text, "SPOUSE_ALREADY_MARIED");

        Run run = CliTest.run("check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(folder + "/rules.drl:" + line + ":22: error: reason code SPOUSE_ALREADY_MARIED is not in"
                        + " reasons.yaml (did you mean SPOUSE_ALREADY_MARRIED?)")
                .contains(folder + "/rules.drl:" + (line + 1) + ":44: error: parameter 'minimum-wag' does not exist")
                .contains(folder + "/rules.drl:" + (line + 2) + ":28: warning: literal number 1250000")
                .contains("warning: reason SPOUSE_ALREADY_MARRIED is not used by any rule file")
                .containsPattern("reasons\\.yaml:\\d+:1: warning: reason CLOSE_RELATIVES has no text in en")
                .doesNotContain("99999");
    }

    private static Path export(Path dir) {
        Path rules = dir.resolve("rules");
        Run run = CliTest.run("catalog", "export", rules.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return rules;
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }
}
