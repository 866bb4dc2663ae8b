package uz.qaror.internal.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import uz.qaror.Diagnostic;
import uz.qaror.internal.table.DecisionTable;

/**
 * Drools' warning about an {@code eval} that tests what an earlier pattern matched, as a diagnostic at the eval.
 * Drools only logs it while compiling (and stops after ten in a JVM), so it would never reach {@code qaror check};
 * the same test is made here on the compiled rules: an eval whose variables come from patterns.
 */
final class EvalWarnings {

    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");

    private EvalWarnings() {
    }

    /**
     * @param drlTexts the text of each DRL file by its display name
     * @param tables   the decision tables by display name
     */
    static List<Diagnostic> of(KieBase kieBase, Map<String, String> drlTexts, Map<String, DecisionTable> tables) {
        List<Diagnostic> warnings = new ArrayList<>();
        Map<String, DrlText> parsed = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl impl) || impl.getResource() == null) {
                    continue;
                }
                List<EvalCondition> evals = new ArrayList<>();
                collect(impl.getLhs(), evals);
                List<String> messages = new ArrayList<>();
                for (EvalCondition eval : evals) {
                    messages.add(message(eval));
                }
                if (messages.stream().allMatch(Objects::isNull)) {
                    continue; // most rules: no need to find the rule in its file
                }
                String file = impl.getResource().getSourcePath();
                String drl = drlTexts.get(file);
                DrlText text = drl == null ? null : parsed.computeIfAbsent(file, name -> DrlText.of(drl));
                List<int[]> places = places(text, tables.get(file), rule.getName());
                for (int i = 0; i < messages.size(); i++) {
                    if (messages.get(i) != null) {
                        int[] at = i < places.size() ? places.get(i) : new int[] {0, 0};
                        warnings.add(Diagnostic.warning(file, at[0], at[1], messages.get(i)).withCode("drools/eval"));
                    }
                }
            }
        }
        return warnings;
    }

    private static void collect(RuleConditionElement element, List<EvalCondition> evals) {
        if (element instanceof EvalCondition eval) {
            evals.add(eval);
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collect(nested, evals);
        }
    }

    /** What Drools would warn of, in the author's terms; {@code null} when the eval uses no pattern's variable. */
    private static String message(EvalCondition eval) {
        Set<String> variables = new LinkedHashSet<>();
        Set<String> patterns = new LinkedHashSet<>();
        for (Declaration declaration : eval.getRequiredDeclarations()) {
            if (declaration.getPattern() != null) {
                variables.add(declaration.getIdentifier());
                String type = declaration.getPattern().getObjectType().getClassName();
                patterns.add(type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1));
            }
        }
        if (variables.isEmpty()) {
            return null;
        }
        String pattern = patterns.size() == 1 ? "the pattern " + patterns.iterator().next()
                : "the patterns " + String.join(", ", patterns);
        String where = patterns.size() == 1 ? "that pattern (" + patterns.iterator().next() + "(...))"
                : "the last of them";
        return "eval(...) tests " + String.join(", ", variables) + ", matched by " + pattern + " before it: write the"
                + " test as a constraint of " + where + ", which Drools can index; an eval is run again for every"
                + " combination of facts (Drools' warning)";
    }

    /** Where each eval of a rule is written, in order, as {line, column}. */
    private static List<int[]> places(DrlText text, DecisionTable table, String ruleName) {
        List<int[]> places = new ArrayList<>();
        if (table != null) {
            int row = table.rowOfRule(ruleName);
            places.add(row < 0 ? new int[] {0, 0} : table.grid().position(row, 0));
            return places;
        }
        if (text == null) {
            return places;
        }
        for (DrlText.Conditions conditions : text.conditions()) {
            if (conditions.rule().equals(ruleName)) {
                Matcher eval = EVAL.matcher(text.code()).region(conditions.start(), conditions.end());
                while (eval.find()) {
                    places.add(new int[] {text.line(eval.start()), text.column(eval.start())});
                }
                break;
            }
        }
        return places;
    }
}
