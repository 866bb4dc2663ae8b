package uz.qaror.internal.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.base.InitialFact;
import org.kie.api.runtime.rule.Match;

import uz.qaror.internal.build.RuleMetadata;

/**
 * What the rules matched while deciding one application, in firing order: for each rule that fired, the facts
 * it matched and the values of its bindings ({@code $income}, by name). Collected only when asked for (by
 * {@code qaror explain}), so ordinary decisions pay nothing for it. One trace belongs to one decision and one
 * thread.
 */
public final class Trace {

    /** One firing: the rule, its legal basis, the facts matched and the bindings with their values. */
    public record Step(String rule, String legalBasis, List<Object> facts, Map<String, Object> bindings) {
        public Step {
            facts = List.copyOf(facts);
            bindings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        }
    }

    /**
     * Drools' executable model (the prebuilt catalog) binds every pattern to a variable of its own under this
     * prefix; they are not the rule's bindings, and the classic compiler has none of them.
     */
    private static final String GENERATED_BINDING = "GENERATED_$";

    private final List<Step> steps = new ArrayList<>();

    void fired(Match match) {
        // By name: the two compilers list a rule's bindings in different orders, and an explanation must not
        // depend on which of them built the rules
        Map<String, Object> bindings = new TreeMap<>();
        for (String id : match.getDeclarationIds()) {
            if (!id.startsWith(GENERATED_BINDING)) {
                bindings.put(id, match.getDeclarationValue(id));
            }
        }
        List<Object> facts = new ArrayList<>();
        for (Object fact : match.getObjects()) {
            // An absent fact (a "not" pattern) has no object; a binding of a whole fact repeats it; a rule whose
            // conditions are only "exists" / "not" matches Drools' own initial fact, which explains nothing.
            if (fact != null && !facts.contains(fact) && !(fact instanceof InitialFact)) {
                facts.add(fact);
            }
        }
        steps.add(new Step(match.getRule().getName(), RuleMetadata.legalBasis(match.getRule()), facts, bindings));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
