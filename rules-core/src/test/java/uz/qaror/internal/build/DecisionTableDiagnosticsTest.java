package uz.qaror.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.RulesException;

/** Decision tables compile like DRL, and their errors name the table's row, not a line of generated DRL. */
class DecisionTableDiagnosticsTest {

    private static final Path CATALOG = Path.of("src/test/resources/test-catalog");

    private static final String TABLE = String.join("\n",
            "RuleSet,qaror.service.demo_benefit",
            "Import,uz.qaror.facts.*",
            "RuleTable Minors,",
            "NAME,CONDITION,ACTION,METADATA",
            ",Applicant,,",
            ",%s < $param,\"decision.refer(\"\"$param\"\");\",legalBasis($param)",
            "Case,younger than,reason,legal basis",
            "Young child,7,MINOR,\"\"\"Test act art. 3\"\"\"",
            "Teenager,18,MINOR,\"\"\"Test act art. 3\"\"\"",
            "");

    @Test
    void aTableRuleDecidesWithItsLegalBasis(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        Files.writeString(service.resolve("minors.drl.csv"), TABLE.formatted("age"));

        Decision decision = DecisionEngine.fromDirectory(dir).decide("""
                {"id": "A-1", "service": "demo-benefit", "submittedAt": "2024-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "2010-01-01"}, "form": {"income": 10}}
                """);

        assertThat(decision.firedRules()).extracting(Decision.FiredRule::name).contains("Teenager");
        assertThat(decision.firedRules()).filteredOn(rule -> rule.name().equals("Teenager"))
                .extracting(Decision.FiredRule::legalBasis).containsExactly("Test act art. 3");
    }

    @Test
    void anErrorInATableNamesTheRowOfEachRuleItBreaks(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        Files.writeString(service.resolve("minors.drl.csv"), TABLE.formatted("agee"));

        RulesException error = catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class);

        assertThat(error.diagnostics()).extracting(Object::toString)
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.csv:8:13: error: cell B8:"
                        + " Applicant has no field 'agee' (the column's code, B6: agee < $param)"))
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.csv:9:10: error: cell B9:"));
    }

    /** The table as Excel in a Russian or Uzbek locale saves it ("CSV UTF-8"): a byte-order mark, ';', CRLF. */
    private static final String EXCEL_TABLE = "\uFEFF" + String.join("\r\n",
            "RuleSet;qaror.service.demo_benefit",
            "Import;uz.qaror.facts.*",
            "RuleTable Minors;",
            "NAME;CONDITION;ACTION;METADATA",
            ";Applicant;;",
            ";%s < $param;\"decision.refer(\"\"$param\"\");\";legalBasis($param)",
            "Case;younger than;reason;legal basis",
            "Young child, under 7;7;MINOR;\"\"\"Test act art. 3\"\"\"",
            "Teenager;18;MINOR;\"\"\"Test act art. 3\"\"\"",
            "");

    @Test
    void aTableSavedByExcelWithByteOrderMarkSemicolonsAndCrlfDecidesLikeTheCommaTable(@TempDir Path dir)
            throws Exception {
        Path service = copy(dir);
        Files.write(service.resolve("minors.drl.csv"), EXCEL_TABLE.formatted("age").getBytes(StandardCharsets.UTF_8));

        Decision decision = DecisionEngine.fromDirectory(dir).decide("""
                {"id": "A-1", "service": "demo-benefit", "submittedAt": "2024-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "2020-01-01"}, "form": {"income": 10}}
                """);

        assertThat(decision.firedRules()).extracting(Decision.FiredRule::name)
                .contains("Young child, under 7", "Teenager");
        assertThat(decision.firedRules()).filteredOn(rule -> rule.name().equals("Teenager"))
                .extracting(Decision.FiredRule::legalBasis).containsExactly("Test act art. 3");
    }

    @Test
    void anErrorInASemicolonTableNamesTheRowAndTheCell(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        Files.write(service.resolve("minors.drl.csv"), EXCEL_TABLE.formatted("agee").getBytes(StandardCharsets.UTF_8));

        RulesException error = catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class);

        // Row 8 starts "Young child, under 7;7;...": column B of that row starts at character 22.
        assertThat(error.diagnostics()).extracting(Object::toString)
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.csv:8:22: error: cell B8:")
                        && d.contains("agee"))
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.csv:9:10: error: cell B9:"))
                .allMatch(d -> d.contains("minors.drl.csv"));
    }

    @Test
    void aWorkbookTableWithoutTheSpreadsheetModuleNamesTheModule(@TempDir Path dir) throws Exception {
        // rules-core's own classpath has no Apache POI, as an embedder's has not without rules-spreadsheet.
        Path service = copy(dir);
        Files.write(service.resolve("minors.drl.xlsx"), new byte[] {'P', 'K', 3, 4});

        RulesException error = catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class);

        assertThat(error.diagnostics()).extracting(Object::toString)
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.xlsx:")
                        && d.contains("uz.qaror:rules-spreadsheet") && d.contains("minors.drl.csv"));
    }

    private static Path copy(Path dir) throws Exception {
        uz.qaror.internal.catalog.Folders.copyTree(CATALOG, dir);
        return dir.resolve("services/demo-benefit");
    }
}
