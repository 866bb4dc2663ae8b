package uz.qaror.internal.explain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.Fee;
import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ParsedApplication;
import uz.qaror.internal.run.LocalNumbers;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.params.ParameterSeries;
import uz.qaror.internal.run.Trace;

/**
 * Why a decision came out as it did, for a person: the outcome and what it means, each rule that fired with its
 * legal basis and the facts it matched, the dated parameters read, the fee computation and, for an incomplete
 * application, what to supply. Built from a decision and the {@link Trace} of the same run, so the rules shown
 * are exactly those of the rules version that decided. Immutable; rendered in any of the four languages.
 */
public record Explanation(
        Decision decision,
        Map<Language, String> serviceNames,
        List<Step> steps,
        List<Parameter> parameters,
        List<FeeLine> feeLines,
        List<Missing> missing) {

    public Explanation {
        serviceNames = Map.copyOf(serviceNames);
        steps = List.copyOf(steps);
        parameters = List.copyOf(parameters);
        feeLines = List.copyOf(feeLines);
        missing = List.copyOf(missing);
    }

    /** A rule that fired, with the facts it matched and its bindings, as text. */
    public record Step(String rule, String legalBasis, List<String> facts, Map<String, String> values) {
        public Step {
            facts = List.copyOf(facts);
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A dated parameter read, with its description in each language (empty when the file gives none). */
    public record Parameter(Decision.ParameterUse use, Map<String, String> description) {
        public Parameter {
            description = Map.copyOf(description);
        }
    }

    /** A fee component with its names by language tag from service.yaml. */
    public record FeeLine(Fee.Component component, Map<String, String> names) {
        public FeeLine {
            names = Map.copyOf(names);
        }
    }

    /** An input to supply, with its label in each language (the path when the descriptor gives no label). */
    public record Missing(String path, Map<Language, String> labels) {
        public Missing {
            labels = Map.copyOf(labels);
        }
    }

    /** The explanation of {@code decision}; identifiers of {@code application} never appear in it. */
    public static Explanation of(CompiledService service, ParsedApplication application, Decision decision,
            Trace trace) {
        Concealment concealment = Concealment.of(application, service.descriptor());
        ServiceDescriptor descriptor = service.descriptor();
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, descriptor.name(language));
        }
        List<Step> steps = new ArrayList<>();
        for (Trace.Step step : trace.steps()) {
            Map<String, String> values = new LinkedHashMap<>();
            step.bindings().forEach((id, value) -> values.put(id, concealment.apply(FactText.of(value))));
            // Values an accumulate or collect produced come with the facts; they are shown with their binding.
            List<String> facts = step.facts().stream()
                    .filter(fact -> !step.bindings().containsValue(fact))
                    .filter(fact -> !(fact instanceof Number || fact instanceof CharSequence || fact instanceof Boolean))
                    .map(fact -> concealment.apply(FactText.of(fact))).toList();
            steps.add(new Step(step.rule(), step.legalBasis(), facts, values));
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Decision.ParameterUse use : decision.parameters()) {
            ParameterSeries series = service.folder().parameters().contains(use.id())
                    ? service.folder().parameters().get(use.id()) : null;
            parameters.add(new Parameter(use, series == null ? Map.of() : series.description()));
        }
        List<FeeLine> feeLines = new ArrayList<>();
        if (decision.fee() != null) {
            List<ServiceDescriptor.FeeComponent> declared = descriptor.fee() == null ? List.of()
                    : Stream.concat(descriptor.fee().components().stream(), descriptor.fee().options().stream())
                            .toList();
            for (Fee.Component component : decision.fee().components()) {
                feeLines.add(new FeeLine(component, declared.stream().filter(c -> c.code().equals(component.code()))
                        .findFirst().map(ServiceDescriptor.FeeComponent::names).orElse(Map.of())));
            }
        }
        List<Missing> missing = new ArrayList<>();
        for (String path : decision.missing()) {
            ServiceDescriptor.Input input = descriptor.inputs().stream().filter(i -> i.path().equals(path))
                    .findFirst().orElse(null);
            Map<Language, String> labels = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                labels.put(language, input == null ? path : input.label(language));
            }
            missing.add(new Missing(path, labels));
        }
        return new Explanation(decision, names, steps, parameters, feeLines, missing);
    }

    /** The explanation as text in the given language. */
    public String text(Language language) {
        StringBuilder out = new StringBuilder();
        Decision d = decision;
        out.append(label("application", language)).append(' ').append(d.applicationId()).append(": ")
                .append(serviceNames.get(language)).append(" (").append(d.service()).append(")\n\n");
        out.append(label("outcome", language)).append(": ").append(d.outcome()).append('\n');
        out.append("  ").append(Labels.meaning(d.outcome(), language)).append('\n');
        if (!d.reasons().isEmpty()) {
            out.append('\n').append(label("reasons", language)).append('\n');
            for (Reason reason : d.reasons()) {
                out.append("  - ").append(reason.code()).append(": ").append(reason.message(language)).append('\n');
                if (!reason.legalBasis().isEmpty()) {
                    out.append("    ").append(label("legalBasis", language)).append(": ")
                            .append(reason.legalBasis()).append('\n');
                }
            }
        }
        if (!missing.isEmpty()) {
            out.append('\n').append(label("missing", language)).append('\n');
            for (Missing item : missing) {
                out.append("  - ").append(item.labels().get(language)).append(" [").append(item.path()).append("]\n");
            }
        }
        out.append('\n').append(label("rules", language)).append('\n');
        if (steps.isEmpty()) {
            out.append("  ").append(label("noRules", language)).append('\n');
        }
        int number = 1;
        for (Step step : steps) {
            out.append("  ").append(number++).append(". ").append(step.rule()).append('\n');
            if (!step.legalBasis().isEmpty()) {
                out.append("     ").append(label("legalBasis", language)).append(": ").append(step.legalBasis())
                        .append('\n');
            }
            if (!step.facts().isEmpty()) {
                out.append("     ").append(label("matched", language)).append(":\n");
                step.facts().forEach(fact -> out.append("       ").append(fact).append('\n'));
            }
            if (!step.values().isEmpty()) {
                List<String> values = new ArrayList<>();
                step.values().forEach((id, value) -> values.add(id + " = " + value));
                out.append("     ").append(label("values", language)).append(": ").append(String.join(", ", values))
                        .append('\n');
            }
        }
        if (!parameters.isEmpty()) {
            out.append('\n').append(label("parameters", language)).append('\n');
            for (Parameter parameter : parameters) {
                Decision.ParameterUse use = parameter.use();
                String description = parameter.description().getOrDefault(language.tag(), "");
                out.append("  - ").append(use.id()).append(description.isEmpty() ? "" : " (" + description + ")")
                        .append(" = ").append(number(use.value(), language)).append("; ")
                        .append(label("effective", language))
                        .append(' ').append(use.effectiveFrom()).append("; ").append(label("legalBasis", language))
                        .append(": ").append(use.legalBasis()).append('\n');
            }
        }
        if (d.fee() != null) {
            Fee fee = d.fee();
            String soum = label("soum", language);
            String bca = label("bca", language);
            out.append('\n').append(label("fee", language)).append('\n');
            for (FeeLine line : feeLines) {
                String name = line.names().getOrDefault(language.tag(), "");
                out.append("  - ").append(line.component().code()).append(name.isEmpty() ? "" : " (" + name + ")")
                        .append(": ").append(number(line.component().bca(), language)).append(' ').append(bca)
                        .append(" x ").append(number(fee.bcaValue(), language)).append(" = ")
                        .append(number(line.component().soum(), language)).append(' ').append(soum);
                String basis = line.component().legalBasis();
                if (basis != null && !basis.isEmpty() && !basis.equals(fee.legalBasis())) {
                    out.append("; ").append(label("legalBasis", language)).append(": ").append(basis);
                }
                out.append('\n');
            }
            out.append("  ").append(label("total", language)).append(": ").append(number(fee.totalBca(), language))
                    .append(' ').append(bca).append(" = ").append(number(fee.totalSoum(), language)).append(' ')
                    .append(soum).append('\n');
            out.append("  ").append(label("bcaValue", language)).append(" = ").append(number(fee.bcaValue(), language))
                    .append(' ').append(soum).append(" (").append(d.asOf()).append(")");
            if (fee.legalBasis() != null && !fee.legalBasis().isEmpty()) {
                out.append("; ").append(label("legalBasis", language)).append(": ").append(fee.legalBasis());
            }
            out.append('\n');
        }
        if (!d.amounts().isEmpty()) {
            out.append('\n').append(label("amounts", language)).append('\n');
            for (Decision.Amount amount : d.amounts()) {
                out.append("  - ").append(amount.code()).append(": ").append(number(amount.value(), language))
                        .append(' ')
                        .append(label("soum", language)).append('\n');
            }
        }
        out.append('\n').append(label("asOf", language)).append(": ").append(d.asOf());
        if (d.dueDate() != null) {
            out.append("; ").append(label("dueDate", language)).append(": ").append(d.dueDate());
        }
        out.append("; ").append(label("rulesVersion", language)).append(": ").append(d.rulesVersion()).append('\n');
        return out.toString();
    }

    /** The explanation as a JSON tree in the given language. */
    public ObjectNode toJson(Language language) {
        ObjectNode node = Json.JSON.createObjectNode();
        Decision d = decision;
        node.put("applicationId", d.applicationId());
        node.put("service", d.service());
        node.put("serviceName", serviceNames.get(language));
        node.put("language", language.tag());
        node.put("outcome", d.outcome().name());
        node.put("meaning", Labels.meaning(d.outcome(), language));
        ArrayNode reasons = node.putArray("reasons");
        for (Reason reason : d.reasons()) {
            reasons.addObject().put("code", reason.code()).put("message", reason.message(language))
                    .put("legalBasis", reason.legalBasis()).put("rule", reason.rule());
        }
        ArrayNode rules = node.putArray("rules");
        for (Step step : steps) {
            ObjectNode rule = rules.addObject().put("rule", step.rule()).put("legalBasis", step.legalBasis());
            ArrayNode facts = rule.putArray("facts");
            step.facts().forEach(facts::add);
            ObjectNode values = rule.putObject("values");
            step.values().forEach(values::put);
        }
        ArrayNode params = node.putArray("parameters");
        for (Parameter parameter : parameters) {
            Decision.ParameterUse use = parameter.use();
            params.addObject().put("id", use.id())
                    .put("description", parameter.description().getOrDefault(language.tag(), ""))
                    .put("value", use.value()).put("effectiveFrom", use.effectiveFrom().toString())
                    .put("legalBasis", use.legalBasis());
        }
        if (d.fee() != null) {
            ObjectNode fee = node.putObject("fee");
            ArrayNode components = fee.putArray("components");
            for (FeeLine line : feeLines) {
                components.addObject().put("code", line.component().code())
                        .put("name", line.names().getOrDefault(language.tag(), ""))
                        .put("bca", line.component().bca()).put("soum", line.component().soum())
                        .put("legalBasis", line.component().legalBasis());
            }
            fee.put("totalBca", d.fee().totalBca());
            fee.put("totalSoum", d.fee().totalSoum());
            fee.put("bcaValue", d.fee().bcaValue());
            fee.put("bcaDate", d.asOf().toString());
            fee.put("legalBasis", d.fee().legalBasis());
        }
        ObjectNode amounts = node.putObject("amounts");
        d.amounts().forEach(amount -> amounts.put(amount.code(), amount.value()));
        ArrayNode supply = node.putArray("missing");
        for (Missing item : missing) {
            supply.addObject().put("path", item.path()).put("label", item.labels().get(language));
        }
        node.put("asOf", d.asOf().toString());
        node.put("dueDate", d.dueDate() == null ? null : d.dueDate().toString());
        node.put("rulesVersion", d.rulesVersion());
        return node;
    }

    private static String label(String key, Language language) {
        return Labels.get(key, language);
    }

    /** A sum as the language writes it (1 285 000 or 1,285,000); fractions kept (0.5 BCA). */
    private static String number(BigDecimal value, Language language) {
        return LocalNumbers.format(value, language);
    }
}
