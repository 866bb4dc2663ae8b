package uz.qaror.internal.table;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;

import uz.qaror.Diagnostic;
import uz.qaror.internal.catalog.RuleFileKind;

/**
 * A decision table read from its file and turned into DRL by Drools' own table compiler, fed with the cells read
 * here (CSV through {@link CsvTables}, workbooks through the rules-spreadsheet module). It knows which row and
 * cell each generated rule comes from, so that a problem found in the generated DRL is reported at the cell the
 * author can open.
 */
public final class DecisionTable {

    /** Drools writes {@code // rule values at A10, header at A5} above each rule it generates. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\bcell ([A-Z]{1,3})(\\d+)\\b");
    private static final Pattern RULE = Pattern.compile("^rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]+)'");

    private final String display;
    private final TableGrid grid;
    private final String drl;
    private final String packageName;
    /** For each line of the generated DRL (index = line - 1), the 0-based row of its rule; -1 before any. */
    private final int[] rowOfLine;
    private final Map<String, Integer> rowOfRule = new HashMap<>();

    private DecisionTable(String display, TableGrid grid, Package ruleSet) {
        this.display = display;
        this.grid = grid;
        DRLOutput out = new DRLOutput();
        ruleSet.renderDRL(out);
        this.drl = out.getDRL();
        this.packageName = ruleSet.getName();
        String[] lines = drl.split("\n", -1);
        rowOfLine = new int[lines.length];
        int row = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i]);
            if (comment.find()) {
                row = Integer.parseInt(comment.group(1)) - 1;
            }
            rowOfLine[i] = row;
            Matcher rule = RULE.matcher(lines[i]);
            if (rule.find() && row >= 0) {
                rowOfRule.putIfAbsent(rule.group(1).replace("\\\"", "\""), row);
            }
        }
    }

    /**
     * Reads a table file of any kind.
     *
     * @throws TableException when it cannot be read: not a table, not a well-formed file, a workbook without the
     *                        rules-spreadsheet module, or a cell Drools' table compiler rejects
     */
    public static DecisionTable read(Path file, byte[] content, String display) {
        RuleFileKind kind = RuleFileKind.of(file.getFileName().toString());
        TableGrid grid;
        if (kind == RuleFileKind.DECISION_TABLE_CSV) {
            grid = CsvTables.read(content, display);
        } else if (kind == RuleFileKind.DECISION_TABLE_XLS || kind == RuleFileKind.DECISION_TABLE_XLSX) {
            grid = WorkbookReader.installed().orElseThrow(() -> new TableException(Diagnostic.error(display, 0, 0,
                    "an Excel workbook table needs Apache POI, which the optional module uz.qaror:rules-spreadsheet "
                            + "brings: add it beside rules-core, or save the table as CSV ("
                            + file.getFileName().toString().replaceAll("\\.xlsx?$", ".csv") + ")")))
                    .read(content, display);
        } else {
            throw new IllegalArgumentException(file + " is not a decision table");
        }
        return of(grid, display);
    }

    /**
     * Compiles cells into a table.
     *
     * @throws TableException naming the cell Drools' table compiler rejects
     */
    public static DecisionTable of(TableGrid grid, String display) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        try {
            listener.startSheet(grid.isWorkbook() ? grid.sheet() : "csv");
            List<List<TableGrid.Cell>> rows = grid.rows();
            for (int r = 0; r < rows.size(); r++) {
                List<TableGrid.Cell> cells = rows.get(r);
                listener.newRow(r, cells.size());
                for (int c = 0; c < cells.size(); c++) {
                    listener.newCell(r, c, cells.get(c).text(), cells.get(c).mergedFrom());
                }
            }
            listener.finishSheet();
            return new DecisionTable(display, grid, listener.getRuleSet());
        } catch (RuntimeException e) {
            // Drools' table compiler throws on a misplaced cell, naming it ("... in cell A8, ...").
            String message = rootMessage(e);
            Matcher cell = CELL_IN_MESSAGE.matcher(message);
            if (cell.find()) {
                int row = Integer.parseInt(cell.group(2)) - 1;
                int column = columnIndex(cell.group(1));
                int[] at = grid.position(row, column);
                throw new TableException(Diagnostic.error(display, at[0], at[1],
                        grid.describe(row, column) + ": " + message));
            }
            throw new TableException(Diagnostic.error(display, 0, 0, "cannot read the decision table: " + message));
        }
    }

    public String display() {
        return display;
    }

    public TableGrid grid() {
        return grid;
    }

    /** The DRL Drools generates from the table. */
    public String drl() {
        return drl;
    }

    /** The package the table's {@code RuleSet} cell names. */
    public String packageName() {
        return packageName;
    }

    /** Where the {@code RuleSet} keyword's value is written, as {row, column}; {0, 1} when there is none. */
    public int[] ruleSetCell() {
        for (int r = 0; r < grid.rows().size(); r++) {
            List<TableGrid.Cell> row = grid.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c).text().trim().equalsIgnoreCase("RuleSet")) {
                    return new int[] {r, c + 1};
                }
            }
        }
        return new int[] {0, 1};
    }

    /** The 0-based row of the rule a generated line belongs to; -1 before the first rule or beyond. */
    public int rowOfGeneratedLine(int line) {
        return line < 1 || line > rowOfLine.length ? -1 : rowOfLine[line - 1];
    }

    /** The 0-based row a rule of this table was generated from, or -1 when the table has no such rule. */
    public int rowOfRule(String ruleName) {
        return rowOfRule.getOrDefault(ruleName, -1);
    }

    /** The 0-based row of the table's first rule; 0 when it has none. */
    public int firstRuleRow() {
        return rowOfRule.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /**
     * A diagnostic about the generated DRL, moved to the table: to the row of the rule it is about and, when
     * the problem names something written in one of the table's cells (a field, a type), to that cell's column.
     */
    public Diagnostic locate(Diagnostic generated) {
        int row = rowOfGeneratedLine(generated.line());
        if (row < 0) {
            return new Diagnostic(display, 0, 0, generated.severity(), generated.message(), generated.code());
        }
        int column = 0;
        String where = "";
        Matcher quoted = QUOTED.matcher(generated.message());
        while (quoted.find()) {
            int[] cell = cellHolding(quoted.group(1), row);
            if (cell != null) {
                column = cell[1];
                if (cell[0] != row) {
                    where = " (the column's code, " + TableGrid.reference(cell[0], cell[1]) + ": "
                            + grid.text(cell[0], cell[1]).strip() + ")";
                }
                break;
            }
        }
        int[] at = grid.position(row, column);
        return new Diagnostic(display, at[0], at[1], generated.severity(),
                grid.describe(row, column) + ": " + generated.message() + where, generated.code());
    }

    /** The cell holding a word: in the rule's own row, else in the rows above it that head its table. */
    private int[] cellHolding(String word, int ruleRow) {
        Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w])");
        for (int r = ruleRow; r >= 0; r--) {
            if (r < ruleRow && rowOfRule.containsValue(r)) {
                continue;
            }
            List<TableGrid.Cell> cells = grid.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                if (whole.matcher(cells.get(c).text()).find()) {
                    return new int[] {r, c};
                }
            }
            if (r < ruleRow && !cells.isEmpty() && cells.get(0).text().trim().startsWith("RuleTable")) {
                break;
            }
        }
        return null;
    }

    /**
     * The first cell whose text holds {@code token}, as {row, column} (0-based), or {@code null}. The linter
     * places what it finds in a table's generated DRL at the cell it was written in.
     */
    public int[] find(String token) {
        if (token.isEmpty()) {
            return null;
        }
        for (int r = 0; r < grid.rows().size(); r++) {
            List<TableGrid.Cell> cells = grid.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c).text().contains(token)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    private static int columnIndex(String letters) {
        int index = 0;
        for (char letter : letters.toCharArray()) {
            index = index * 26 + (letter - 'A' + 1);
        }
        return index - 1;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName()
                : message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
