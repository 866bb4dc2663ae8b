package uz.qaror.internal.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each line of the DRL that Drools generates from a decision table comes from. Drools writes
 * {@code // rule values at A10, header at A5} above each rule it generates; a compile error at a line of that
 * rule belongs to row 10 of the table, which is what its author can find (a line of generated DRL is not).
 */
final class TableRows {

    private static final Pattern ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    /** For each generated line (index = line - 1), the table row it comes from, 0 before the first rule. */
    private final int[] rows;

    private TableRows(int[] rows) {
        this.rows = rows;
    }

    static TableRows of(String generatedDrl) {
        String[] lines = generatedDrl.split("\n", -1);
        List<Integer> rows = new ArrayList<>();
        int row = 0;
        for (String line : lines) {
            Matcher matcher = ROW.matcher(line);
            if (matcher.find()) {
                row = Integer.parseInt(matcher.group(1));
            }
            rows.add(row);
        }
        return new TableRows(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The table row of a generated line; 0 when unknown (the file alone is then named). */
    int rowOf(int generatedLine) {
        return generatedLine < 1 || generatedLine > rows.length ? 0 : rows[generatedLine - 1];
    }
}
