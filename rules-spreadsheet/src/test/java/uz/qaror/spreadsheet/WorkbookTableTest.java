package uz.qaror.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.Folders;

/** Workbook tables through this module: compiled by the engine, errors placed at their cells, converted to CSV. */
class WorkbookTableTest {

    private static final Path TEST_CATALOG = Path.of("../rules-core/src/test/resources/test-catalog");
    private static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog/services");

    private static final Object[][] TABLE = {
        {"RuleSet", "qaror.service.demo_benefit"},
        {"Import", "uz.qaror.facts.*"},
        {},
        {"RuleTable Minors"},
        {"NAME", "CONDITION", "ACTION", "METADATA"},
        {"", "Applicant", "", ""},
        {"", "%s < $param", "decision.refer(\"$param\");", "legalBasis($param)"},
        {"Case", "younger than", "reason", "legal basis"},
        {"Young child", 7, "MINOR", "\"Test act art. 3\""},
        {"Teenager", 18, "MINOR", "\"Test act art. 3\""}};

    @Test
    void aWorkbookMadeInExcelDecidesLikeACsvTable(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        writeWorkbook(service.resolve("minors.drl.xlsx"), "age");

        Decision decision = DecisionEngine.fromDirectory(dir).decide("""
                {"id": "A-1", "service": "demo-benefit", "submittedAt": "2024-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "2010-01-01"}, "form": {"income": 10}}
                """);

        assertThat(decision.firedRules()).filteredOn(rule -> rule.name().equals("Teenager"))
                .extracting(Decision.FiredRule::legalBasis).containsExactly("Test act art. 3");
    }

    @Test
    void anErrorInAWorkbookNamesTheSheetRowAndColumn(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        writeWorkbook(service.resolve("minors.drl.xlsx"), "agee");

        RulesException error = catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class);

        assertThat(error.diagnostics()).extracting(Object::toString).contains(
                dir + "/services/demo-benefit/minors.drl.xlsx:9:2: error: sheet 'Minors', cell B9: Applicant has no"
                        + " field 'agee' (the column's code, B7: agee < $param)",
                dir + "/services/demo-benefit/minors.drl.xlsx:10:2: error: sheet 'Minors', cell B10: Applicant has"
                        + " no field 'agee' (the column's code, B7: agee < $param)");
    }

    @Test
    void aMisplacedCellInAWorkbookIsNamed(@TempDir Path dir) throws Exception {
        Path service = copy(dir);
        Path file = service.resolve("minors.drl.xlsx");
        writeWorkbook(file, "age");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            workbook.getSheetAt(0).getRow(6).createCell(0).setCellValue("stray");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        RulesException error = catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class);

        assertThat(error.diagnostics()).extracting(Object::toString)
                .anyMatch(d -> d.startsWith(dir + "/services/demo-benefit/minors.drl.xlsx:7:1: error: sheet 'Minors',"
                        + " cell A7: ") && d.contains("stray"));
    }

    @Test
    void theCatalogsTablesRoundTripThroughAWorkbookByteForByte() throws Exception {
        for (Path table : new Path[] {CATALOG.resolve("child-benefit/amounts.drl.csv"),
                CATALOG.resolve("mortgage-subsidy/points.drl.csv")}) {
            byte[] csv = Files.readAllBytes(table);

            byte[] xlsx = TableWorkbook.fromCsv(csv, table.toString());

            try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("RuleSet");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            }
            assertThat(new String(TableWorkbook.toCsv(xlsx, "table.drl.xlsx"), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(table));
        }
    }

    /** The table as a person saves it from Excel: numbers as numbers, one sheet named after the table. */
    private static void writeWorkbook(Path file, String field) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Minors");
            for (int r = 0; r < TABLE.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < TABLE[r].length; c++) {
                    Object value = TABLE[r][c];
                    if (value instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue(value.toString().formatted(field));
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static Path copy(Path dir) throws Exception {
        Folders.copyTree(TEST_CATALOG, dir);
        return dir.resolve("services/demo-benefit");
    }
}
