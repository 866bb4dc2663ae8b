package uz.qaror.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns padded to their widest cell (counts may be aligned to the right). */
final class Table {

    private Table() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        return render(header, rows, false);
    }

    /** With {@code countsRight}, every column but the first is aligned to the right, as numbers are. */
    static String render(List<String> header, List<List<String>> rows, boolean countsRight) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                if (countsRight && i > 0) {
                    line.append(padding).append(cell);
                } else {
                    line.append(cell).append(i < row.size() - 1 ? padding : "");
                }
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }
}
