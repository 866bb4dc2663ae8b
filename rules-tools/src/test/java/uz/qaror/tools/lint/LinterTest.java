package uz.qaror.tools.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;
import uz.qaror.internal.Internals;

/** The linter on copies of the test catalog, changed one finding at a time. */
class LinterTest {

    /** The engine's own test catalog: one copy, in rules-core. */
    private static final Path CATALOG = Path.of("../rules-core/src/test/resources/test-catalog");

    @Test
    void aCleanServiceOnlyLacksTestCases(@TempDir Path dir) throws IOException {
        List<Diagnostic> found = lint(copy(dir), "demo-benefit");
        assertThat(found).extracting(Diagnostic::toString).containsExactly(
                dir + "/services/demo-benefit/service.yaml:1:1: warning: the service has no test cases;"
                        + " add tests/cases.yaml with a base application and cases that say what to expect");
    }

    @Test
    void findsUnreadInputsAndParametersByTheirLines(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Files.writeString(service.resolve("service.yaml"), Files.readString(service.resolve("service.yaml"))
                + "  - {path: form.childCount, type: integer}\n");
        Files.writeString(service.resolve("parameters.yaml"), """
                # the service's own parameters
                - id: demo-rate
                  unit: soum
                  values:
                    - {from: 2020-01-01, value: 100, legalBasis: "Test act"}
                """);
        List<Diagnostic> found = lint(dir, "demo-benefit");
        assertThat(found).extracting(Diagnostic::toString)
                .contains(dir + "/services/demo-benefit/parameters.yaml:2:3: warning: parameter 'demo-rate' is not"
                        + " read by any rule (params.value(\"demo-rate\"))")
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/service.yaml:20:6: warning: input"
                        + " form.childCount is declared but no rule reads it"));
    }

    @Test
    void commentsAndStringsDoNotCountAsUseOrAmounts(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Path drl = service.resolve("rules.drl");
        Files.writeString(drl, Files.readString(drl)
                .replace("decision.refer(\"MINOR\");", "decision.refer(\"ELIGIBLE\"); /* MINOR 123456 */")
                .replace("@legalBasis(\"Test act art. 6\")",
                        "@legalBasis(\"Decree 123456 of 2024\")\n    salience 10000"));
        List<Diagnostic> found = lint(dir, "demo-benefit");
        assertThat(found).extracting(Diagnostic::message)
                .contains("reason MINOR is not used by any rule file; remove it or use it")
                .noneMatch(m -> m.contains("literal number"));
    }

    @Test
    void aFolderWithoutDescriptorAndAServiceTextForAnEngineCode(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Files.createDirectories(dir.resolve("services/draft"));
        Files.writeString(service.resolve("reasons.yaml"), Files.readString(service.resolve("reasons.yaml"))
                + "MISSING_INPUT: {uz: \"a\", uz-Cyrl: \"b\", ru: \"c\", en: \"d\"}\n");
        assertThat(Linter.lintCatalog(Internals.source(DecisionEngine.fromDirectory(dir))))
                .extracting(Diagnostic::toString)
                .containsExactly(dir + "/services/draft:1:1: warning: this folder has no service.yaml, so nothing"
                        + " loads it; add the descriptor or move the folder out of services/");
        assertThat(lint(dir, "demo-benefit")).extracting(Diagnostic::message).noneMatch(m -> m.contains("MISSING"));
    }

    @Test
    void decisionTablesCountAsRulesAndPointAtTheirRows(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Path drl = service.resolve("rules.drl");
        String text = Files.readString(drl);
        int minorStart = text.indexOf("rule \"Minor\"");
        Files.writeString(drl, text.substring(0, minorStart) + text.substring(text.indexOf("end", minorStart) + 3));
        String[][] table = {
            {"RuleSet", "qaror.service.demo_benefit"},
            {"Import", "uz.qaror.facts.*"},
            {"RuleTable Minors", ""},
            {"CONDITION", "ACTION"},
            {"Applicant", ""},
            {"age < $param", "decision.refer(\"$param\");"},
            {"younger than", "reason"},
            {"18", "MINOR"}};
        StringBuilder csv = new StringBuilder();
        for (String[] row : table) {
            csv.append(row[0]).append(',').append('"').append(row[1].replace("\"", "\"\"")).append('"').append('\n');
        }
        Files.writeString(service.resolve("minors.drl.csv"), csv);

        List<Diagnostic> found = lint(dir, "demo-benefit");

        assertThat(found).extracting(Diagnostic::toString)
                .contains(dir + "/services/demo-benefit/minors.drl.csv:8:1: warning: rule \"Minors_8\" has no"
                        + " @legalBasis(\"...\"): every rule cites the article it applies, which the decision shows"
                        + " with each reason")
                .noneMatch(d -> d.contains("reason MINOR"));

        Files.delete(service.resolve("minors.drl.csv"));
        try (XSSFWorkbook workbook = new XSSFWorkbook();
             OutputStream out = Files.newOutputStream(service.resolve("minors.drl.xlsx"))) {
            var sheet = workbook.createSheet("Tables");
            for (int r = 0; r < table.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(table[r][0]);
                row.createCell(1).setCellValue(table[r][1]);
            }
            workbook.write(out);
        }

        assertThat(lint(dir, "demo-benefit")).extracting(Diagnostic::toString)
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.xlsx:8:1: warning: rule"))
                .noneMatch(d -> d.contains("reason MINOR"));
    }

    @Test
    void aTableRuleNamedInItsNameColumnIsPlacedAtItsRow(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Files.writeString(service.resolve("minors.drl.csv"), String.join("\n",
                "RuleSet,qaror.service.demo_benefit",
                "Import,uz.qaror.facts.*",
                "RuleTable Minors,",
                "NAME,CONDITION,ACTION,METADATA",
                ",Applicant,,",
                ",age < $param,\"decision.refer(\"\"$param\"\");\",legalBasis($param)",
                "Case,younger than,reason,legal basis",
                "\"Young child, under 7\",7,MINOR,\"\"\"Test act art. 3\"\"\"",
                "Teenager,18,MINOR,",
                ""));

        List<Diagnostic> found = lint(dir, "demo-benefit");

        assertThat(found).extracting(Diagnostic::toString)
                .contains(dir + "/services/demo-benefit/minors.drl.csv:9:1: warning: rule \"Teenager\" has no"
                        + " @legalBasis(\"...\"): every rule cites the article it applies, which the decision shows"
                        + " with each reason")
                .noneMatch(d -> d.contains("Young child"));
    }

    @Test
    void aTableSavedByExcelWithSemicolonsIsLintedAtItsCells(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Files.writeString(service.resolve("minors.drl.csv"), "\uFEFF" + String.join("\r\n",
                "RuleSet;qaror.service.demo_benefit",
                "Import;uz.qaror.facts.*",
                "RuleTable Minors;",
                "NAME;CONDITION;ACTION;METADATA",
                ";Applicant;;",
                ";age < $param;\"decision.refer(\"\"$param\"\");\";legalBasis($param)",
                "Case;younger than;reason;legal basis",
                "Young child, under 7;7;MINR;\"\"\"Test act art. 3\"\"\"",
                "Teenager;18;MINOR;",
                ""));

        List<Diagnostic> found = lint(dir, "demo-benefit");

        assertThat(found).extracting(Diagnostic::toString)
                .contains(dir + "/services/demo-benefit/minors.drl.csv:8:24: error: reason code MINR is not in"
                        + " reasons.yaml (did you mean MINOR?); add its text in uz, uz-Cyrl, ru, en",
                        dir + "/services/demo-benefit/minors.drl.csv:9:1: warning: rule \"Teenager\" has no"
                        + " @legalBasis(\"...\"): every rule cites the article it applies, which the decision shows"
                        + " with each reason");
    }

    @Test
    void droolsOwnWarningsAboutEvalAreFindingsAtTheEval(@TempDir Path dir) throws IOException {
        Path drl = copy(dir).resolve("services/demo-benefit/rules.drl");
        String text = Files.readString(drl).replace("    Applicant(age < params.value(\"adult-age\"))\n",
                "    $a : Applicant()\n    eval($a.getAge() < 18)\n");
        Files.writeString(drl, text);
        int line = (int) text.substring(0, text.indexOf("eval(")).chars().filter(c -> c == '\n').count() + 1;

        List<Diagnostic> found = lint(dir, "demo-benefit");

        assertThat(found).extracting(Diagnostic::toString).contains(dir + "/services/demo-benefit/rules.drl:" + line
                + ":5: warning: eval(...) tests $a, matched by the pattern Applicant before it: write the test as a"
                + " constraint of that pattern (Applicant(...)), which Drools can index; an eval is run again for"
                + " every combination of facts (Drools' warning)");
    }

    @Test
    void evalsInTwoRulesOfOneFileAreEachFoundAtTheirOwnEval(@TempDir Path dir) throws IOException {
        // The file is read into rules once for all its rules: each warning still names its own rule's eval.
        Path drl = copy(dir).resolve("services/demo-benefit/rules.drl");
        String text = Files.readString(drl)
                .replace("    Applicant(age < params.value(\"adult-age\"))\n",
                        "    $a : Applicant()\n    eval($a.getAge() < 18)\n")
                .replace("    Applicant(age >= params.value(\"adult-age\"))\n",
                        "    $b : Applicant()\n      eval($b.getAge() >= 18)\n");
        Files.writeString(drl, text);
        int first = (int) text.substring(0, text.indexOf("eval($a")).chars().filter(c -> c == '\n').count() + 1;
        int second = (int) text.substring(0, text.indexOf("eval($b")).chars().filter(c -> c == '\n').count() + 1;

        List<String> found = lint(dir, "demo-benefit").stream().map(Diagnostic::toString)
                .filter(d -> d.contains("eval(...) tests")).toList();

        assertThat(found).hasSize(2);
        assertThat(found).anySatisfy(d -> assertThat(d)
                .contains("rules.drl:" + first + ":5: warning: eval(...) tests $a"));
        assertThat(found).anySatisfy(d -> assertThat(d)
                .contains("rules.drl:" + second + ":7: warning: eval(...) tests $b"));
    }

    @Test
    void aThresholdWrittenInTwoRulesAndATextShouldBeAParameter(@TempDir Path dir) throws IOException {
        Path service = copy(dir).resolve("services/demo-benefit");
        Path drl = service.resolve("rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("Applicant(age < params.value(\"adult-age\"))",
                "Applicant(age < 18)"));
        Path reasons = service.resolve("reasons.yaml");
        Files.writeString(reasons, Files.readString(reasons).replace("en: \"Minor\"", "en: \"Younger than 18\""));

        List<Diagnostic> found = lint(dir, "demo-benefit");

        assertThat(found).extracting(Diagnostic::toString).contains(dir + "/services/demo-benefit/rules.drl:8:22:"
                + " warning: the threshold 18 is written in 2 rules: \"Adult with income under the threshold\" (line 8),"
                + " \"Minor\" (line 26), and in the reason texts of MINOR (en); a change made in one place and not the"
                + " others decides inconsistently: make it a parameter of parameters.yaml, read with"
                + " params.value(\"...\") in every rule and passed to the texts as {name}");
    }

    private static List<Diagnostic> lint(Path rules, String service) {
        return Linter.lint(Internals.compiled(DecisionEngine.fromDirectory(rules), service));
    }

    private static Path copy(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CATALOG)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path destination = target.resolve(CATALOG.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
        }
        return target;
    }
}
