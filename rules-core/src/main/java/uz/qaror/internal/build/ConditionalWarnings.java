package uz.qaror.internal.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import uz.qaror.Diagnostic;
import uz.qaror.internal.table.DecisionTable;

/**
 * A conditional expression ({@code a ? b : c}) in a rule's conditions, as a warning at its {@code ?}. Drools' two
 * compilers do not read one alike: the classic compiler (which compiles a rules folder and gives its diagnostics)
 * and the executable model (with which the embedded catalog is prebuilt) have each mishandled it inside a pattern
 * or an inline eval (apache/incubator-kie issues 7095 and 7097: a constraint cut short to "always true", a pattern
 * that reacts to every change of its fact), so the same rule could decide differently prebuilt and compiled. A
 * function, or one rule per case, says the same in a form both compile alike. A conditional in a consequence or a
 * function is plain Java and is not reported.
 */
final class ConditionalWarnings {

    static final String CODE = "drools/conditional";
    private static final String MESSAGE = "a conditional (?:) in a rule's conditions: Drools' classic compiler and"
            + " its executable model (the prebuilt catalog's) do not read it alike, so the rule could decide"
            + " differently prebuilt and compiled; compute the value in a function, or write one rule per case";

    private ConditionalWarnings() {
    }

    /**
     * @param drlTexts the text of each DRL file by its display name
     * @param tables   the decision tables by display name: a warning in one is placed at its cell
     */
    static List<Diagnostic> of(Map<String, String> drlTexts, Map<String, DecisionTable> tables) {
        List<Diagnostic> warnings = new ArrayList<>();
        drlTexts.forEach((file, drl) -> warnings.addAll(in(file, drl)));
        tables.forEach((file, table) -> in(file, table.drl()).forEach(found -> warnings.add(table.locate(found))));
        warnings.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return warnings;
    }

    private static List<Diagnostic> in(String file, String drl) {
        DrlText text = DrlText.of(drl);
        List<Diagnostic> found = new ArrayList<>();
        for (DrlText.Conditions conditions : text.conditions()) {
            for (int at : conditionals(text.bare(), conditions.start(), conditions.end())) {
                found.add(Diagnostic.warning(file, text.line(at), text.column(at), MESSAGE).withCode(CODE));
            }
        }
        return found;
    }

    /**
     * The offset of each {@code ?} in [from, to) that opens a conditional: inside brackets (a pattern, an eval, a
     * call), not MVEL's null-safe {@code .?} nor a wildcard {@code <?>}, with its {@code :} later at the same depth
     * before a comma ends the constraint.
     */
    private static List<Integer> conditionals(String code, int from, int to) {
        List<Integer> found = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '?' && depth > 0 && !nullSafeOrWildcard(code, i) && closedByColon(code, i + 1, to)) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean nullSafeOrWildcard(String code, int at) {
        char before = at > 0 ? code.charAt(at - 1) : ' ';
        char after = at + 1 < code.length() ? code.charAt(at + 1) : ' ';
        return before == '.' || before == '<' || after == '>';
    }

    private static boolean closedByColon(String code, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && c == ',') {
                return false;
            } else if (depth == 0 && c == ':') {
                return true;
            }
        }
        return false;
    }
}
