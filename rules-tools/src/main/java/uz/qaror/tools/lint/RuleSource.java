package uz.qaror.tools.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.extensions.DecisionTableFactory;
import org.kie.api.io.Resource;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import uz.qaror.internal.catalog.RuleFileKind;

/**
 * One rule file as the linter reads it. A DRL file is read as written; a decision table is read as the DRL
 * Drools generates from it, so that codes and parameters in its cells count like those in DRL. Positions in
 * generated DRL mean nothing to the author, so a finding in a decision table points at the first line of the
 * CSV that holds the same text, or at the file alone for a spreadsheet.
 */
final class RuleSource {

    private static final Pattern TABLE_RULE = Pattern.compile("(.+)_(\\d+)");

    private final String display;
    private final RuleFileKind kind;
    private final DrlText text;
    private final String raw;

    private RuleSource(String display, RuleFileKind kind, DrlText text, String raw) {
        this.display = display;
        this.kind = kind;
        this.text = text;
        this.raw = raw;
    }

    static RuleSource read(Path file, String display) {
        RuleFileKind kind = RuleFileKind.of(file.getFileName().toString());
        try {
            byte[] content = Files.readAllBytes(file);
            if (kind == RuleFileKind.DRL) {
                String drl = new String(content, StandardCharsets.UTF_8);
                return new RuleSource(display, kind, DrlText.of(drl), drl);
            }
            String raw = kind == RuleFileKind.DECISION_TABLE_CSV ? new String(content, StandardCharsets.UTF_8) : "";
            return new RuleSource(display, kind, DrlText.of(generatedDrl(content, kind)), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generatedDrl(byte[] content, RuleFileKind kind) {
        Resource resource = ResourceFactory.newByteArrayResource(content);
        DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
        configuration.setInputType(kind == RuleFileKind.DECISION_TABLE_CSV
                ? DecisionTableInputType.CSV : DecisionTableInputType.XLS);
        try {
            String drl = DecisionTableFactory.loadFromResource(resource, configuration);
            return drl == null ? "" : drl;
        } catch (RuntimeException e) {
            // The service compiled, so the table converts; should it not, the compiler has said why.
            return "";
        }
    }

    String display() {
        return display;
    }

    boolean isDrl() {
        return kind == RuleFileKind.DRL;
    }

    /** The DRL (written or generated) with comments blanked. */
    String code() {
        return text.code();
    }

    /** The DRL with comments and string contents blanked. */
    String bare() {
        return text.bare();
    }

    /**
     * The line of the row a decision table rule comes from, or -1 when the rule is not from this table. Drools
     * names such a rule after its table and row, {@code <RuleTable name with _ for spaces>_<row>}; a spreadsheet
     * is not read here, so its rules are all placed at line 0 (unknown).
     */
    int tableRow(String ruleName) {
        if (isDrl()) {
            return -1;
        }
        if (kind != RuleFileKind.DECISION_TABLE_CSV) {
            return 0;
        }
        Matcher name = TABLE_RULE.matcher(ruleName);
        if (!name.matches()) {
            return namedRow(ruleName);
        }
        for (String line : raw.split("\n", -1)) {
            String cell = line.split(",", -1)[0].trim();
            if (cell.startsWith("RuleTable ")) {
                String table = line.substring(line.indexOf("RuleTable ") + 10).split(",", -1)[0].trim();
                if (table.replace(' ', '_').equals(name.group(1))) {
                    return Integer.parseInt(name.group(2));
                }
            }
        }
        return namedRow(ruleName);
    }

    /**
     * The line of the row that names a rule in a table's NAME column (the rule's name is then the cell's text),
     * or -1. Only the table's rows name rules, so the first line holding the name as a whole cell is its row.
     */
    private int namedRow(String ruleName) {
        String plain = ruleName.replace("\"", "\"\"");
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = "," + lines[i].stripTrailing() + ",";
            if (line.contains("," + ruleName + ",") || line.contains(",\"" + plain + "\",")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The line of a match at {@code offset} of {@link #code()} whose text is {@code token}; 0 when unknown. */
    int line(int offset, String token) {
        if (isDrl()) {
            return text.line(offset);
        }
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!token.isEmpty() && lines[i].contains(token)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The column of a match at {@code offset} of {@link #code()}; 0 when unknown. */
    int column(int offset, String token) {
        if (isDrl()) {
            return text.column(offset);
        }
        int line = line(offset, token);
        return line == 0 ? 0 : raw.split("\n", -1)[line - 1].indexOf(token) + 1;
    }
}
