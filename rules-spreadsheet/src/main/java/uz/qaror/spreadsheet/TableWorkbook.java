package uz.qaror.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import uz.qaror.internal.table.CsvTables;
import uz.qaror.internal.table.DecisionTable;
import uz.qaror.internal.table.TableException;
import uz.qaror.internal.table.TableGrid;

/**
 * Turns a decision table into an Excel workbook for editing, and a workbook back into the catalog's CSV. The cells
 * keep their text exactly: what Drools reads from the workbook is what it read from the CSV, so the engine decides
 * the same either way. The workbook is laid out for reading: the rows that say what the columns mean are shaded,
 * the column titles bold and frozen above the rules, columns wide enough for their values.
 */
public final class TableWorkbook {

    /** Integers short enough that Excel's General format gives them back with the same text. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,9})");
    private static final int MAX_COLUMN_CHARACTERS = 60;

    private TableWorkbook() {
    }

    /**
     * A CSV table as an {@code .xlsx} workbook.
     *
     * @throws TableException when the CSV cannot be read
     */
    public static byte[] fromCsv(byte[] csv, String display) {
        return write(CsvTables.read(csv, display), display);
    }

    /**
     * A workbook's first sheet (the one Drools reads) as the catalog's CSV: UTF-8, {@code ,}, LF.
     *
     * @throws TableException when the content is not a workbook
     */
    public static byte[] toCsv(byte[] workbook, String display) {
        return CsvTables.write(new PoiWorkbookReader().read(workbook, display)).getBytes(StandardCharsets.UTF_8);
    }

    /** The cells as an {@code .xlsx} workbook of one sheet, named after the table. */
    public static byte[] write(TableGrid grid, String display) {
        int firstRule = firstRuleRow(grid, display);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName(grid)));
            Styles styles = new Styles(workbook);
            int tableStart = tableStart(grid);
            List<List<TableGrid.Cell>> rows = grid.rows();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<TableGrid.Cell> cells = rows.get(r);
                CellStyle style = r < tableStart ? null
                        : r < firstRule - 1 ? styles.code : r == firstRule - 1 ? styles.title : styles.rule;
                for (int c = 0; c < cells.size(); c++) {
                    TableGrid.Cell cell = cells.get(c);
                    Cell target = row.createCell(c);
                    boolean continued = cell.mergedFrom() != TableGrid.NOT_MERGED && cell.mergedFrom() < c;
                    if (!continued) {
                        setValue(target, cell.text());
                    }
                    if (style != null) {
                        target.setCellStyle(style);
                    }
                }
                mergeRanges(sheet, r, cells);
            }
            for (int c = 0; c < grid.width(); c++) {
                sheet.setColumnWidth(c, 256 * (2 + widest(grid, c, Math.max(tableStart, firstRule - 1))));
            }
            if (firstRule > 0) {
                sheet.createFreezePane(0, firstRule);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setValue(Cell target, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (INTEGER.matcher(text).matches()) {
            target.setCellValue(Long.parseLong(text));
        } else if (text.equals("true") || text.equals("false")) {
            target.setCellValue(Boolean.parseBoolean(text));
        } else {
            target.setCellValue(text);
        }
    }

    /** Drools' "..." cells of a CSV, as the merged ranges its Excel reader understands. */
    private static void mergeRanges(Sheet sheet, int row, List<TableGrid.Cell> cells) {
        int c = 0;
        while (c < cells.size()) {
            int from = cells.get(c).mergedFrom();
            int end = c;
            while (from != TableGrid.NOT_MERGED && end + 1 < cells.size() && cells.get(end + 1).mergedFrom() == from) {
                end++;
            }
            if (end > c) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, c, end));
            }
            c = end + 1;
        }
    }

    /** The width of a column's longest value from the column titles down, within bounds. */
    private static int widest(TableGrid grid, int column, int fromRow) {
        int widest = 6;
        for (int r = Math.max(fromRow, 0); r < grid.rows().size(); r++) {
            for (String line : grid.text(r, column).split("\n")) {
                widest = Math.max(widest, Math.min(line.length(), MAX_COLUMN_CHARACTERS));
            }
        }
        return widest;
    }

    /** The row of the first rule, or 0 when the cells do not compile as a table (then nothing is shaded). */
    private static int firstRuleRow(TableGrid grid, String display) {
        try {
            return DecisionTable.of(grid, display).firstRuleRow();
        } catch (TableException e) {
            return 0;
        }
    }

    /** The row of the first {@code RuleTable} keyword; rows above it (RuleSet, Import, Notes) are not styled. */
    private static int tableStart(TableGrid grid) {
        for (int r = 0; r < grid.rows().size(); r++) {
            if (grid.text(r, 0).trim().startsWith("RuleTable")) {
                return r;
            }
        }
        return grid.rows().size();
    }

    private static String sheetName(TableGrid grid) {
        if (grid.isWorkbook()) {
            return grid.sheet();
        }
        int start = tableStart(grid);
        String name = start < grid.rows().size() ? grid.text(start, 0).trim().substring("RuleTable".length()).trim()
                : "";
        return name.isEmpty() ? "Rules" : name;
    }

    /** The few styles of the workbook. */
    private static final class Styles {
        final CellStyle code;
        final CellStyle title;
        final CellStyle rule;

        Styles(XSSFWorkbook workbook) {
            code = base(workbook);
            code.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            code.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title = base(workbook);
            Font bold = workbook.createFont();
            bold.setBold(true);
            title.setFont(bold);
            title.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            title.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            rule = base(workbook);
        }

        private static CellStyle base(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
