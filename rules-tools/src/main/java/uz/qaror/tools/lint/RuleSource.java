package uz.qaror.tools.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import uz.qaror.internal.build.DrlText;
import uz.qaror.internal.catalog.RuleFileKind;
import uz.qaror.internal.table.DecisionTable;
import uz.qaror.internal.table.TableException;

/**
 * One rule file as the linter reads it. A DRL file is read as written; a decision table is read as the DRL
 * Drools generates from it, so that codes and parameters in its cells count like those in DRL. Positions in
 * generated DRL mean nothing to the author, so a finding in a decision table points at the cell that holds the
 * same text, or at the row of the rule it is about.
 */
final class RuleSource {

    private static final int[] UNKNOWN = {0, 0};

    private final String display;
    private final boolean drl;
    private final DrlText text;
    /** The table this source was generated from; {@code null} for a DRL file. */
    private final DecisionTable table;

    private RuleSource(String display, boolean drl, DrlText text, DecisionTable table) {
        this.display = display;
        this.drl = drl;
        this.text = text;
        this.table = table;
    }

    static RuleSource read(Path file, String display) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (RuleFileKind.of(file.getFileName().toString()) == RuleFileKind.DRL) {
                return new RuleSource(display, true, DrlText.of(new String(content, StandardCharsets.UTF_8)), null);
            }
            try {
                DecisionTable table = DecisionTable.read(file, content, display);
                return new RuleSource(display, false, DrlText.of(table.drl()), table);
            } catch (TableException e) {
                // The service compiled, so the table converts; should it not, the compiler has said why.
                return new RuleSource(display, false, DrlText.of(""), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String display() {
        return display;
    }

    boolean isDrl() {
        return drl;
    }

    /** The DRL (written or generated) with comments blanked. */
    String code() {
        return text.code();
    }

    /** The DRL with comments and string contents blanked. */
    String bare() {
        return text.bare();
    }

    /** Each rule's conditions, as offsets of {@link #code()} and {@link #bare()}. */
    java.util.List<DrlText.Conditions> conditions() {
        return text.conditions();
    }

    /** The 1-based line and column of a table's rule (its row's first cell), or {@code null} when not from here. */
    int[] ruleAt(String ruleName) {
        int row = table == null ? -1 : table.rowOfRule(ruleName);
        return row < 0 ? null : table.grid().position(row, 0);
    }

    /**
     * The 1-based line and column of a match at {@code offset} of {@link #code()} whose text is {@code token}:
     * in a table, the first cell holding the token; {0, 0} when unknown.
     */
    int[] at(int offset, String token) {
        if (drl) {
            return new int[] {text.line(offset), text.column(offset)};
        }
        int[] cell = table == null ? null : table.find(token);
        return cell == null ? UNKNOWN : table.grid().position(cell[0], cell[1]);
    }
}
