package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.Internals;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.tools.testing.TestCase;
import uz.qaror.tools.testing.TestSuiteReader;

/** {@code qaror table}: the catalog's tables through a real .xlsx workbook and back, deciding the same. */
class TableCommandTest {

    private static final List<String> TABLES = List.of("child-benefit/amounts", "mortgage-subsidy/points");

    @Test
    void theCatalogsTablesRoundTripThroughExcelAndDecideTheSame(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        assertThat(CliTest.run("catalog", "export", rules.toString()).exitCode()).isZero();
        DecisionEngine catalog = DecisionEngine.fromDirectory(rules);
        List<String> before = decisions(catalog);

        for (String table : TABLES) {
            Path csv = rules.resolve("services/" + table + ".drl.csv");
            String original = Files.readString(csv);
            CliTest.Run toXlsx = CliTest.run("table", "to-xlsx", csv.toString());
            assertThat(toXlsx.exitCode()).as(toXlsx.err()).isZero();
            Path xlsx = rules.resolve("services/" + table + ".drl.xlsx");
            assertThat(toXlsx.out()).contains("wrote " + xlsx + "; removed " + csv.getFileName());
            assertThat(csv).doesNotExist();
            try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).startsWith("RuleTable");
            }
            Files.writeString(dir.resolve(table.replace('/', '-') + ".csv"), original);
        }
        assertThat(decisions(DecisionEngine.fromDirectory(rules))).as("decided from the workbooks")
                .isEqualTo(before);
        assertThat(CliTest.run("check", "--rules", rules.toString()).out()).contains(" 0 errors");

        for (String table : TABLES) {
            Path xlsx = rules.resolve("services/" + table + ".drl.xlsx");
            CliTest.Run toCsv = CliTest.run("table", "to-csv", xlsx.toString());
            assertThat(toCsv.exitCode()).as(toCsv.err()).isZero();
            assertThat(toCsv.out()).contains("qaror check --rules ");
            assertThat(xlsx).doesNotExist();
            assertThat(rules.resolve("services/" + table + ".drl.csv"))
                    .hasContent(Files.readString(dir.resolve(table.replace('/', '-') + ".csv")));
        }
        assertThat(decisions(DecisionEngine.fromDirectory(rules))).as("decided after the round trip")
                .isEqualTo(before);
    }

    @Test
    void aConversionNeverOverwritesWithoutForceAndNamesWhatItCannotRead(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rates.drl.csv");
        Files.writeString(csv, "RuleSet,x\n\"unclosed,quote\n");
        Files.writeString(dir.resolve("rates.drl.xlsx"), "mine");

        CliTest.Run exists = CliTest.run("table", "to-xlsx", csv.toString());
        assertThat(exists.exitCode()).isEqualTo(2);
        assertThat(exists.err()).contains("rates.drl.xlsx exists; add --force");
        assertThat(dir.resolve("rates.drl.xlsx")).hasContent("mine");

        CliTest.Run notAWorkbook = CliTest.run("table", "to-csv", dir.resolve("rates.drl.xlsx").toString(),
                "-o", dir.resolve("out.drl.csv").toString());
        assertThat(notAWorkbook.exitCode()).isEqualTo(3);
        assertThat(notAWorkbook.err()).contains("rates.drl.xlsx").contains("not a workbook").doesNotContain("\tat ");
        assertThat(dir.resolve("out.drl.csv")).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }

    /** Every test case's application of the two services, decided, as JSON without the rules version. */
    private static List<String> decisions(DecisionEngine engine) {
        return TABLES.stream().map(table -> table.substring(0, table.indexOf('/')))
                .flatMap(service -> TestSuiteReader.read(Internals.compiled(engine, service).folder()).stream())
                .map(testCase -> decide(engine, testCase)).toList();
    }

    private static String decide(DecisionEngine engine, TestCase testCase) {
        ObjectNode json = DecisionJson.toNode(engine.evaluate(testCase.application(), testCase.asOf()), Language.EN);
        json.remove("rulesVersion");
        return testCase.name() + ": " + json;
    }
}
