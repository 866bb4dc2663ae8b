package uz.qaror.internal.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision table as the cells Drools reads, however it was stored, each with where it is written: for a CSV
 * file its line and character column, for a workbook its sheet, row and column. Diagnostics about a table point
 * there, and name the cell ({@code C13}) as a spreadsheet program shows it.
 *
 * @param sheet the worksheet's name, or {@code null} for a CSV file
 * @param rows  the rows, each a list of cells, in order; row {@code i} is the table's row {@code i + 1}
 */
public record TableGrid(String sheet, List<List<Cell>> rows) {

    /** Drools' marker of a cell that is not part of a merged range. */
    public static final int NOT_MERGED = -1;

    /**
     * One cell: the text Drools reads, the column where the merged range holding it starts ({@link #NOT_MERGED}
     * otherwise), and its place in the file (1-based; for a workbook the row and column numbers).
     */
    public record Cell(String text, int mergedFrom, int line, int column) {
    }

    public TableGrid {
        List<List<Cell>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(List.copyOf(row)));
        rows = List.copyOf(copy);
    }

    /** Whether the table comes from a workbook (rows and columns are then the sheet's, not a file's lines). */
    public boolean isWorkbook() {
        return sheet != null;
    }

    /** The text of a cell by 0-based row and column; empty for a cell beyond its row. */
    public String text(int row, int column) {
        if (row < 0 || row >= rows.size() || column < 0 || column >= rows.get(row).size()) {
            return "";
        }
        return rows.get(row).get(column).text();
    }

    /** The number of columns of the widest row. */
    public int width() {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }

    /** Where a cell is written, as a diagnostic's line and column (1-based). */
    public int[] position(int row, int column) {
        if (isWorkbook()) {
            return new int[] {row + 1, column + 1};
        }
        if (row < 0 || row >= rows.size() || rows.get(row).isEmpty()) {
            return new int[] {Math.max(row + 1, 0), 1};
        }
        List<Cell> cells = rows.get(row);
        Cell cell = cells.get(Math.min(column, cells.size() - 1));
        return column < cells.size() ? new int[] {cell.line(), cell.column()}
                : new int[] {cell.line(), cell.column() + cell.text().length() + 1};
    }

    /** A cell as a person finds it: {@code cell C13}, or {@code sheet 'Benefit', cell C13} in a workbook. */
    public String describe(int row, int column) {
        String cell = "cell " + reference(row, column);
        return isWorkbook() ? "sheet '" + sheet + "', " + cell : cell;
    }

    /** A spreadsheet's name of a cell by 0-based row and column: {@code (12, 2)} is {@code C13}. */
    public static String reference(int row, int column) {
        return columnName(column) + (row + 1);
    }

    /** {@code 0} is {@code A}, {@code 25} is {@code Z}, {@code 26} is {@code AA}. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
