package uz.qaror.internal.build;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

import uz.qaror.Diagnostic;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.catalog.ServiceFolder;

/**
 * A service ready to decide: its folder, the KieBase compiled from its rule files (shared by all threads), the
 * generated {@code Form} type, the JSON schema its applications must satisfy, and the rules it holds; {@code prebuilt}
 * when the KieBase was compiled when Qaror was built (the executable model) rather than by the classic compiler.
 */
public record CompiledService(
        ServiceFolder folder,
        KieBase kieBase,
        FactType formType,
        Map<String, Class<?>> formFields,
        ApplicationSchema schema,
        List<RuleInfo> rules,
        List<Diagnostic> warnings,
        uz.qaror.internal.run.ReasonTexts.Cache reasonTexts,
        uz.qaror.internal.run.Sessions sessions,
        boolean prebuilt) {

    public CompiledService {
        formFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formFields));
        rules = List.copyOf(rules);
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

    /** A rule of the service, with its legal basis (empty when the rule cites none). */
    public record RuleInfo(String name, String legalBasis) {
    }
}
