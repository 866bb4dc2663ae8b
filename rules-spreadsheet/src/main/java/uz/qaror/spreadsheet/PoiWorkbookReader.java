package uz.qaror.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

import uz.qaror.Diagnostic;
import uz.qaror.internal.table.TableException;
import uz.qaror.internal.table.TableGrid;
import uz.qaror.internal.table.WorkbookReader;

/**
 * Reads the first sheet of a workbook ({@code .xls} or {@code .xlsx}) with Drools' own Excel reader, recording
 * each cell's text as Drools turns it into a string (numbers, dates, formulas, merged ranges), so that the engine
 * compiles exactly what Drools would, and can point at the sheet, row and column of a problem.
 */
public final class PoiWorkbookReader implements WorkbookReader {

    @Override
    public TableGrid read(byte[] content, String display) {
        String sheet;
        Recorder recorder = new Recorder();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new TableException(Diagnostic.error(display, 0, 0, "the workbook has no sheet"));
            }
            sheet = workbook.getSheetAt(0).getSheetName();
            // Drools reads only the first sheet. The rule sheet listener is there for the settings Drools' Excel
            // reader asks it while reading (NumericDisabled, IgnoreNumericFormat); the recorder keeps the cells.
            new ExcelParser(List.of(new SettingsListener(), recorder)).parseWorkbook(workbook);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TableException table) {
                throw table;
            }
            throw new TableException(Diagnostic.error(display, 0, 0, "this is not a workbook Excel saved (.xlsx or"
                    + " .xls): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return new TableGrid(sheet, recorder.rows);
    }

    /** Keeps every cell Drools' Excel reader reports, by row and column. */
    private static final class Recorder implements DataListener {
        private final List<List<TableGrid.Cell>> rows = new ArrayList<>();

        @Override
        public void startSheet(String name) {
            // One sheet only.
        }

        @Override
        public void finishSheet() {
            // Nothing to finish.
        }

        @Override
        public void newRow(int row, int columns) {
            while (rows.size() <= row) {
                rows.add(new ArrayList<>());
            }
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            newRow(row, column + 1);
            List<TableGrid.Cell> cells = rows.get(row);
            // Drools skips cells that were never created; they read as empty.
            while (cells.size() < column) {
                cells.add(new TableGrid.Cell("", TableGrid.NOT_MERGED, row + 1, cells.size() + 1));
            }
            cells.add(new TableGrid.Cell(value == null ? "" : value, mergedColStart, row + 1, column + 1));
        }
    }

    /**
     * Drools' rule sheet listener, for the settings its Excel reader asks while reading; a table it rejects is
     * reported by the engine when it compiles the recorded cells, at the cell, so reading goes on here.
     */
    private static final class SettingsListener extends DefaultRuleSheetListener {
        private boolean rejected;

        @Override
        public void newRow(int row, int columns) {
            if (!rejected) {
                try {
                    super.newRow(row, columns);
                } catch (RuntimeException e) {
                    rejected = true;
                }
            }
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (!rejected) {
                try {
                    super.newCell(row, column, value, mergedColStart);
                } catch (RuntimeException e) {
                    rejected = true;
                }
            }
        }

        @Override
        public void finishSheet() {
            if (!rejected) {
                try {
                    super.finishSheet();
                } catch (RuntimeException e) {
                    rejected = true;
                }
            }
        }
    }
}
