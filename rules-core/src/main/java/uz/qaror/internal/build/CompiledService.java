package uz.qaror.internal.build;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;

import uz.qaror.Decision.FiredRule;
import uz.qaror.Diagnostic;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.catalog.ServiceFolder;

/**
 * A service ready to decide: its folder, the KieBase compiled from its rule files (shared by all threads), the
 * generated {@code Form} type, the JSON schema its applications must satisfy, and the rules it holds (also as each
 * decision reports them when they fire, by the KieBase's own rule objects); {@code prebuilt} when the KieBase was
 * compiled when Qaror was built (the executable model) rather than by the classic compiler; {@code matchedFacts}, the
 * kinds of fact its rules can match (the others are not inserted); {@code readingPlan}, what reading its applications
 * needs of its descriptor; {@code fees}, what it charges.
 */
public record CompiledService(
        ServiceFolder folder,
        KieBase kieBase,
        FactType formType,
        Map<String, Class<?>> formFields,
        ApplicationSchema schema,
        List<RuleInfo> rules,
        Map<Rule, FiredRule> firedRules,
        List<Diagnostic> warnings,
        uz.qaror.internal.run.ReasonTexts.Cache reasonTexts,
        uz.qaror.internal.run.Sessions sessions,
        uz.qaror.internal.run.MatchedFacts matchedFacts,
        boolean prebuilt,
        uz.qaror.internal.input.ReadingPlan readingPlan,
        uz.qaror.internal.run.Fees fees) {

    public CompiledService {
        formFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formFields));
        rules = List.copyOf(rules);
        firedRules = Collections.unmodifiableMap(new IdentityHashMap<>(firedRules));
        warnings = List.copyOf(warnings);
    }

    public ServiceDescriptor descriptor() {
        return folder.descriptor();
    }

    public String id() {
        return folder.id();
    }

    public String version() {
        return folder.version();
    }

    /**
     * A rule that fired, as its decision reports it: made once per rule when the service was compiled rather than on
     * every firing (reading the legal basis out of the rule's metadata and unquoting it cost a new string each time).
     */
    public FiredRule fired(Rule rule) {
        FiredRule known = firedRules.get(rule);
        return known != null ? known : firedRule(rule);
    }

    /** The rule as a decision reports it when it fires. */
    public static FiredRule firedRule(Rule rule) {
        return new FiredRule(rule.getName(), RuleMetadata.legalBasis(rule));
    }

    /** A rule of the service, with its legal basis (empty when the rule cites none). */
    public record RuleInfo(String name, String legalBasis) {
    }
}
