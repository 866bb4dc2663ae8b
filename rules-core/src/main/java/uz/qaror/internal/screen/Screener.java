package uz.qaror.internal.screen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.Problem;
import uz.qaror.Reason;
import uz.qaror.Result;
import uz.qaror.RulesException;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.ParsedApplication;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.internal.run.ReasonTexts;

/**
 * Screens a household for many services at once. For each service it writes the application the household would
 * make (its people, documents and the form answers that service asks, submitted on the screening date) and
 * decides it through the engine's own {@code evaluate}, so that screening and deciding can never disagree; the
 * decision's outcome becomes the status. A service whose {@code concerns:} exclude the household is not decided.
 * The household is read once first, so that a bad PINFL or date is reported once, not once per service.
 */
public final class Screener {

    /** The keys a household may have. */
    static final Set<String> KEYS = Set.of("id", "channel", "applicant", "household", "documents", "form", "forms");

    /** What screening needs of the engine. */
    public interface Engine {
        List<String> serviceIds();

        /**
         * @throws RulesException when the service does not compile
         */
        CompiledService compiled(String serviceId);

        /**
         * The descriptor of a service whose rules may not compile.
         *
         * @throws RulesException when even the descriptor cannot be read
         */
        ServiceDescriptor descriptor(String serviceId);

        Result evaluate(JsonNode application, LocalDate date);

        /** The checks the engine gives any input tree (its limits, forbidden characters); null when it passes. */
        Failure check(JsonNode input);
    }

    private final Engine engine;
    /**
     * The NOT_CONCERNED texts by the condition they name: a household outside a service is the commonest answer,
     * and its texts are the same for every household the same condition excludes.
     */
    private final Map<String, Map<Language, String>> notConcerned = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each service's names, for the descriptor they were read from (hot reload brings a new one). */
    private final Map<String, Names> names = new java.util.concurrent.ConcurrentHashMap<>();

    private record Names(ServiceDescriptor descriptor, Map<Language, String> byLanguage) {
    }

    /** The path of a problem with the services asked for. */
    private static final String SERVICES = "services";

    public Screener(Engine engine) {
        this.engine = engine;
    }

    public ScreeningResult screen(JsonNode household, LocalDate asOf, List<String> services, String lifeEvent) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(ApplicationReader.TASHKENT);
        if (household == null || !household.isObject()) {
            return ScreeningResult.failed(null, date, Failure.Kind.MALFORMED_JSON, List.of(new Problem("$",
                    "a household is a JSON object with applicant, household, documents and form, got "
                            + (household == null || household.isMissingNode() ? "nothing"
                            : household.getNodeType().name().toLowerCase(java.util.Locale.ROOT)))));
        }
        // The engine's limits and checks of any input, once for the household rather than once per service.
        Failure unfit = engine.check(household);
        String householdId = ApplicationText.safeText(household, "id");
        if (unfit != null) {
            return ScreeningResult.failed(householdId, date, unfit.kind(), unfit.problems());
        }
        List<Problem> problems = shapeProblems(household);
        if (!problems.isEmpty()) {
            return ScreeningResult.failed(householdId, date, Failure.Kind.INVALID_FIELD, problems);
        }
        List<String> chosen = choose(services, lifeEvent, problems);
        if (!problems.isEmpty()) {
            // A service asked for that the catalog lacks is what it is for an application (a 404 in the service),
            // not a fault of the household; choose() names only those when it names any.
            boolean unknown = problems.get(0).path().equals(SERVICES);
            return ScreeningResult.failed(householdId, date,
                    unknown ? Failure.Kind.UNKNOWN_SERVICE : Failure.Kind.INVALID_FIELD, problems);
        }
        ObjectNode base = baseApplication(household, householdId, date);
        Map<String, CompiledService> compiled = compiled(chosen);
        ParsedApplication facts = null;
        if (!compiled.isEmpty()) {
            // The household is read once, with any service's schema: a bad PINFL is the household's problem, not
            // one of each service.
            CompiledService any = compiled.values().iterator().next();
            ObjectNode probe = Json.JSON.createObjectNode().setAll(base);
            ApplicationReader.Outcome read = ApplicationReader.read(probe.put("service", any.id()), any, date);
            if (!read.problems().isEmpty()) {
                return ScreeningResult.failed(householdId, date, Failure.Kind.INVALID_FIELD, read.problems());
            }
            facts = read.application();
        }
        JsonNode shared = household.path("form");
        JsonNode own = household.path("forms");
        Set<String> documentTypes = new java.util.HashSet<>();
        if (facts != null) {
            facts.documents().forEach(document -> documentTypes.add(document.getType()));
        }
        List<ScreeningAnswer> results = new ArrayList<>(chosen.size());
        for (String id : chosen) {
            CompiledService service = compiled.get(id);
            ObjectNode form = service == null ? Json.JSON.createObjectNode() : form(service, shared, own.path(id));
            if (service != null) {
                Optional<String> excluded = ConcernsCheck.excluded(service.descriptor().concerns(),
                        householdFacts(facts, documentTypes, form));
                if (excluded.isPresent()) {
                    results.add(notApplicable(service.descriptor(), excluded.get()));
                    continue;
                }
            }
            // The household's parts are shared, not copied: evaluate only reads its input.
            ObjectNode application = Json.JSON.createObjectNode().setAll(base);
            application.put("service", id);
            application.set("form", form);
            results.add(answer(id, service, engine.evaluate(application, date)));
        }
        return ScreeningResult.screened(householdId, date, results, ignored(compiled, shared, own));
    }

    /** The application the household would make, less its service and form: submitted at noon on the date. */
    private static ObjectNode baseApplication(JsonNode household, String householdId, LocalDate date) {
        ObjectNode base = Json.JSON.createObjectNode();
        base.put("id", householdId == null ? "screening" : householdId);
        base.put("service", "");
        base.put("submittedAt", date + "T12:00:00+05:00");
        base.put("channel", household.path("channel").asText("web"));
        for (String key : List.of("applicant", "household", "documents")) {
            if (household.has(key)) {
                base.set(key, household.get(key));
            }
        }
        return base;
    }

    /** The services that compile; those that do not are screened through evaluate, which reports them. */
    private Map<String, CompiledService> compiled(List<String> chosen) {
        Map<String, CompiledService> compiled = new LinkedHashMap<>();
        for (String id : chosen) {
            try {
                compiled.put(id, engine.compiled(id));
            } catch (RulesException e) {
                // Left out here: the service's answer is its RULES_BROKEN failure.
            }
        }
        return compiled;
    }

    /** The answers a service asks: its own ({@code forms.<id>}) over the shared ones ({@code form}). */
    private static ObjectNode form(CompiledService service, JsonNode shared, JsonNode own) {
        ObjectNode form = Json.JSON.createObjectNode();
        for (String name : service.formFields().keySet()) {
            if (own.has(name)) {
                form.set(name, own.get(name));
            } else if (shared.has(name)) {
                form.set(name, shared.get(name));
            }
        }
        return form;
    }

    /** Known answers that no service screened asks, or that the service they are given for does not. */
    private static List<String> ignored(Map<String, CompiledService> compiled, JsonNode shared, JsonNode own) {
        Set<String> asked = new LinkedHashSet<>();
        compiled.values().forEach(c -> asked.addAll(c.formFields().keySet()));
        List<String> ignored = new ArrayList<>();
        shared.fieldNames().forEachRemaining(name -> {
            if (!asked.contains(name)) {
                ignored.add("form." + name);
            }
        });
        own.fields().forEachRemaining(service -> {
            CompiledService target = compiled.get(service.getKey());
            if (target == null) {
                ignored.add("forms." + service.getKey());
                return;
            }
            service.getValue().fieldNames().forEachRemaining(name -> {
                if (!target.formFields().containsKey(name)) {
                    ignored.add("forms." + service.getKey() + "." + name);
                }
            });
        });
        return ignored;
    }

    private static ConcernsCheck.Household householdFacts(ParsedApplication facts, Set<String> documentTypes,
                                                          ObjectNode form) {
        Set<String> known = new java.util.HashSet<>();
        form.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                known.add(field.getKey());
            }
        });
        return new ConcernsCheck.Household(facts.applicant(), facts.members(), documentTypes, known);
    }

    /** Problems with the household's outline; its contents are checked as any application's are. */
    private static List<Problem> shapeProblems(JsonNode household) {
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = household.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add(new Problem(name, "unknown key; a household holds " + new TreeSet<>(KEYS)
                        + (name.equals("service") || name.equals("submittedAt")
                        ? " (it is screened for every service, as of the screening date)" : "")));
            }
        }
        JsonNode id = household.get("id");
        if (id != null && (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 100)) {
            problems.add(new Problem("id", "an id is text of 1 to 100 characters"));
        }
        if (!household.path("applicant").isObject()) {
            problems.add(new Problem("applicant", "is required: an object with what is known of the person"));
        }
        JsonNode form = household.get("form");
        if (form != null && !form.isObject() && !form.isNull()) {
            problems.add(new Problem("form", "the known answers are an object, name: value"));
        }
        JsonNode forms = household.get("forms");
        if (forms != null && !forms.isNull()) {
            if (!forms.isObject()) {
                problems.add(new Problem("forms", "the answers known for one service each are an object, "
                        + "service: {name: value}"));
            } else {
                forms.fields().forEachRemaining(service -> {
                    if (!service.getValue().isObject()) {
                        problems.add(new Problem("forms." + service.getKey(), "the answers for a service are an "
                                + "object, name: value"));
                    }
                });
            }
        }
        return problems;
    }

    private List<String> choose(List<String> services, String lifeEvent, List<Problem> problems) {
        List<String> known = engine.serviceIds();
        List<String> chosen = new ArrayList<>();
        if (services.isEmpty()) {
            chosen.addAll(known);
        } else {
            for (String id : new LinkedHashSet<>(services)) {
                if (known.contains(id)) {
                    chosen.add(id);
                } else {
                    problems.add(new Problem(SERVICES, "unknown service '" + id + "'; nearest: "
                            + String.join(", ", NearestIds.nearest(id, known, 3))));
                }
            }
            chosen.sort(null);
        }
        if (lifeEvent != null && problems.isEmpty()) {
            Set<String> events = new TreeSet<>();
            List<String> matching = new ArrayList<>();
            for (String id : chosen) {
                String event = lifeEventOf(id);
                if (event != null) {
                    events.add(event);
                }
                // A service whose descriptor cannot be read stays in, to be reported, not silently left out.
                if (event == null || event.equals(lifeEvent)) {
                    matching.add(id);
                }
            }
            if (!events.contains(lifeEvent)) {
                problems.add(new Problem("lifeEvent", "no service screened has life event '" + lifeEvent
                        + "'; known: " + String.join(", ", events)));
            }
            chosen = matching;
        }
        return chosen;
    }

    private String lifeEventOf(String id) {
        try {
            ServiceDescriptor descriptor = engine.descriptor(id);
            return descriptor.lifeEvent() == null ? "" : descriptor.lifeEvent();
        } catch (RulesException e) {
            return null;
        }
    }

    private ScreeningAnswer notApplicable(ServiceDescriptor descriptor, String condition) {
        Reason reason = new Reason("NOT_CONCERNED", Outcome.REJECTED, notConcerned.computeIfAbsent(condition,
                c -> Map.copyOf(ReasonTexts.texts(Map.of(), "NOT_CONCERNED", Map.of("condition", c)))), "", "");
        return new ScreeningAnswer(descriptor.id(), names(descriptor), ScreeningStatus.NOT_APPLICABLE,
                List.of(reason), List.of(), List.of(), null, null, List.of());
    }

    private ScreeningAnswer answer(String id, CompiledService service, Result result) {
        ServiceDescriptor descriptor = service != null ? service.descriptor() : readableDescriptor(id);
        Map<Language, String> names = descriptor == null ? Map.of() : names(descriptor);
        if (result instanceof Failure failure) {
            return new ScreeningAnswer(id, names, ScreeningStatus.ERROR, List.of(), List.of(), List.of(), null, null,
                    failure.problems());
        }
        Decision decision = (Decision) result;
        List<ScreeningAnswer.Needed> needs = new ArrayList<>();
        for (String path : decision.missing()) {
            needs.add(needed(descriptor, path));
        }
        ScreeningStatus status = ScreeningStatus.of(decision.outcome());
        return new ScreeningAnswer(id, names, status, decision.reasons(), needs, decision.amounts(),
                status == ScreeningStatus.NOT_ELIGIBLE ? null : decision.fee(), decision.rulesVersion(), List.of());
    }

    private ServiceDescriptor readableDescriptor(String id) {
        try {
            return engine.descriptor(id);
        } catch (RulesException e) {
            return null;
        }
    }

    private static ScreeningAnswer.Needed needed(ServiceDescriptor descriptor, String path) {
        Map<Language, String> labels = new EnumMap<>(Language.class);
        ServiceDescriptor.Input input = descriptor == null ? null : descriptor.inputs().stream()
                .filter(i -> path.equals(i.path())).findFirst().orElse(null);
        for (Language language : Language.values()) {
            labels.put(language, input == null ? path : input.label(language));
        }
        return new ScreeningAnswer.Needed(path, labels);
    }

    private Map<Language, String> names(ServiceDescriptor descriptor) {
        Names cached = names.get(descriptor.id());
        if (cached == null || cached.descriptor() != descriptor) {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                byLanguage.put(language, descriptor.name(language));
            }
            cached = new Names(descriptor, Map.copyOf(byLanguage));
            names.put(descriptor.id(), cached);
        }
        return cached.byLanguage();
    }
}
