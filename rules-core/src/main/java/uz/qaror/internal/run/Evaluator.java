package uz.qaror.internal.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.time.SessionPseudoClock;

import uz.qaror.Decision;
import uz.qaror.Decision.Amount;
import uz.qaror.Decision.FiredRule;
import uz.qaror.Decision.ParameterUse;
import uz.qaror.Fee;
import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.Reason;
import uz.qaror.ServiceDescriptor;
import uz.qaror.facts.DecisionSheet;
import uz.qaror.facts.Parameters;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ParsedApplication;
import uz.qaror.internal.params.ParameterTable;

/**
 * Decides one parsed application with a service's rules: a session of its own per call (sessions are not
 * thread-safe; the KieBase is; {@link Sessions} keeps them for reuse), a pseudo clock set to the decision date so
 * that {@code date-effective} and {@code date-expires} judge by it, and the outcome assembled from what the rules
 * wrote.
 */
public final class Evaluator {

    /** A bound on rule firings, so that a rule that re-triggers itself fails instead of hanging a batch. */
    static final int MAX_FIRINGS = 10_000;

    private Evaluator() {
    }

    /** Thrown when a rule fails while deciding; names the rule. */
    public static final class RuleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown when deciding took longer than its budget and the rules were halted. */
    public static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    /**
     * Thrown when a parameter the decision needs has no value in force on the decision date: the catalog cannot
     * judge an application of that date (neither the rule that reads it nor the engine is at fault).
     */
    public static final class DateNotCovered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DateNotCovered(String message) {
            super(message);
        }
    }

    public static Decision decide(CompiledService service, ParsedApplication input) {
        return decide(service, input, null);
    }

    /**
     * Decides like {@link #decide(CompiledService, ParsedApplication)} and, when {@code trace} is not null,
     * records in it each match that fired (for {@code qaror explain}); without a trace nothing more is done.
     */
    public static Decision decide(CompiledService service, ParsedApplication input, Trace trace) {
        return decide(service, input, trace, null);
    }

    /**
     * Decides within a time budget (null for none): once it is spent, a watchdog halts the session at its next
     * rule firing and this throws {@link TimedOut}. A consequence stuck in a loop of its own Java code cannot be
     * halted: Drools only stops between firings.
     */
    public static Decision decide(CompiledService service, ParsedApplication input, Trace trace, Budget budget) {
        LocalDate date = input.application().getDate();
        List<FiredRule> fired = new ArrayList<>();
        // The rule firing now is the last one the agenda filter let fire (null before the first).
        Supplier<FiredRule> firing = () -> fired.isEmpty() ? null : fired.get(fired.size() - 1);
        DecisionSheet sheet = new DecisionSheet(firing);
        Parameters params = new Parameters(date, service.folder().parameters()::lookup);
        AtomicBoolean halted = new AtomicBoolean();

        KieSession session = service.sessions().take();
        Watchdog.Watch watchdog = budget == null ? null : Watchdog.watch(session, budget, halted);
        boolean endedWell = false;
        try {
            SessionPseudoClock clock = session.getSessionClock();
            // Drools parses date-effective in the JVM's zone; noon keeps the day whatever the offset.
            clock.advanceTime(date.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli(),
                    TimeUnit.MILLISECONDS);
            // Each match is followed by the agenda filter Drools asks just before firing it (an accepted match fires)
            // rather than by an agenda listener: with a listener registered, Drools makes an event for every match
            // created, cancelled and fired, which raw Drools does not pay.
            AgendaFilter following = match -> {
                if (halted.get()) {
                    // The watchdog's halt may have come before the firing began, when Drools ignores it.
                    session.halt();
                    return false;
                }
                fired.add(service.fired(match.getRule()));
                if (trace != null) {
                    trace.fired(match);
                }
                return true;
            };
            session.setGlobal("decision", sheet);
            session.setGlobal("params", params);
            insertFacts(session, service, input);
            int firings = halted.get() ? 0 : session.fireAllRules(following, MAX_FIRINGS);
            if (halted.get()) {
                throw new TimedOut("deciding took longer than its time budget; the rules of service '"
                        + service.id() + "' were halted after " + fired.size() + " rule firings");
            }
            if (firings >= MAX_FIRINGS) {
                throw new RuleFailure("rules of service '" + service.id() + "' fired " + MAX_FIRINGS
                        + " times without ending; a rule probably re-triggers itself", null);
            }
            endedWell = true;
        } catch (RuleFailure | TimedOut e) {
            throw e;
        } catch (RuntimeException e) {
            if (root(e) instanceof ParameterTable.NotInForce notInForce) {
                throw new DateNotCovered(notInForce.getMessage());
            }
            FiredRule rule = firing.get();
            throw new RuleFailure("rule '" + (rule == null ? "?" : rule.name()) + "' of service '" + service.id()
                    + "' failed: " + rootMessage(e), e);
        } finally {
            // A session the watchdog halted or may still halt, or whose rules failed, goes to no other decision.
            boolean untouched = watchdog == null || watchdog.cancel();
            service.sessions().giveBack(session, endedWell && untouched);
        }
        try {
            return assemble(service, input, sheet, params, fired);
        } catch (ParameterTable.NotInForce e) {
            throw new DateNotCovered(e.getMessage()); // the BCA of the fee
        }
    }

    /**
     * Inserts an application's facts and its Form, those of the kinds the service's rules can match
     * ({@link MatchedFacts}), as every decision does (the bench baseline shares it).
     */
    public static void insertFacts(KieSession session, CompiledService service, ParsedApplication input) {
        MatchedFacts matched = service.matchedFacts();
        if (matched.application()) {
            session.insert(input.application());
        }
        if (matched.applicant()) {
            session.insert(input.applicant());
        }
        if (matched.household()) {
            session.insert(input.household());
        }
        insertAll(session, matched.members(), input.members());
        insertAll(session, matched.vehicles(), input.vehicles());
        insertAll(session, matched.properties(), input.properties());
        insertAll(session, matched.documents(), input.documents());
        if (!matched.form()) {
            return;
        }
        FactType formType = service.formType();
        try {
            Object form = formType.newInstance();
            // Declared types start with false and 0 in boxed fields; an unanswered question must read as null,
            // not as "no", so every field is set.
            for (String name : service.formFields().keySet()) {
                formType.set(form, name, input.formValues().get(name));
            }
            session.insert(form);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create the Form of service " + service.id(), e);
        }
    }

    private static void insertAll(KieSession session, boolean matched, List<?> facts) {
        if (matched) {
            for (Object fact : facts) {
                session.insert(fact);
            }
        }
    }

    private static Decision assemble(CompiledService service, ParsedApplication input, DecisionSheet sheet,
                                     Parameters params, List<FiredRule> fired) {
        ServiceDescriptor descriptor = service.descriptor();
        List<Reason> reasons = new ArrayList<>();
        Outcome outcome = null;
        for (DecisionSheet.Entry entry : sheet.entries()) {
            outcome = outcome == null ? entry.effect() : outcome.strongest(entry.effect());
            FiredRule rule = entry.rule();
            reasons.add(new Reason(entry.code(), entry.effect(),
                    service.reasonTexts().texts(entry.code(), entry.arguments()),
                    rule == null ? "" : rule.legalBasis(), rule == null ? "" : rule.name()));
        }
        List<String> missing = new ArrayList<>(input.missing());
        for (String path : sheet.missing()) {
            if (!missing.contains(path)) {
                missing.add(path);
            }
        }
        for (String path : input.missing()) {
            reasons.add(missingInputReason(descriptor, path));
        }
        if (!missing.isEmpty()) {
            outcome = outcome == null ? Outcome.INCOMPLETE : outcome.strongest(Outcome.INCOMPLETE);
        }
        if (outcome == null) {
            outcome = Outcome.REFERRED;
            reasons.add(engineReason("NO_RULE_DECIDED", Outcome.REFERRED));
        }
        if (!descriptor.automatic() && (outcome == Outcome.APPROVED || outcome == Outcome.REJECTED)) {
            outcome = Outcome.REFERRED;
            reasons.add(engineReason("OFFICER_DECIDES", Outcome.REFERRED));
        }
        Outcome finalOutcome = outcome;
        List<Reason> shown = reasonsOf(reasons, finalOutcome);
        // Nothing is charged on a rejection, and nothing is paid unless the application is approved (or an
        // officer, who sees what the rules computed, decides).
        Fee fee = finalOutcome == Outcome.REJECTED ? null : fee(service, input, sheet, params);
        List<Amount> amounts = finalOutcome != Outcome.APPROVED && finalOutcome != Outcome.REFERRED ? List.of()
                : amounts(sheet);
        LocalDate submissionDate = input.application().getSubmittedAt() == null ? input.application().getDate()
                : uz.qaror.internal.input.ApplicationReader.dayInTashkent(input.application().getSubmittedAt());
        return new Decision(input.application().getId(), service.id(), finalOutcome, shown, missing, fee, amounts,
                input.application().getSubmittedAt(), input.application().getDate(),
                Deadlines.dueDate(descriptor.deadline(), submissionDate, service.folder().workingDays()),
                service.version(), fired, params.used());
    }

    /**
     * The reasons a decision shows: those of its outcome; all of them when an officer decides what the rules would
     * have decided, so that the officer sees it. (Loops, not streams: this runs for every decision.)
     */
    private static List<Reason> reasonsOf(List<Reason> reasons, Outcome outcome) {
        List<Reason> shown = new ArrayList<>(reasons.size());
        boolean officerDecides = false;
        for (Reason reason : reasons) {
            if (reason.effect() == outcome) {
                shown.add(reason);
                officerDecides |= reason.code().equals("OFFICER_DECIDES");
            }
        }
        return outcome == Outcome.REFERRED && officerDecides ? reasons : shown;
    }

    /** The sums the rules gave, rounded half up to a whole soum, in the order first given. */
    private static List<Amount> amounts(DecisionSheet sheet) {
        List<Amount> amounts = new ArrayList<>(sheet.amounts().size());
        for (Map.Entry<String, BigDecimal> amount : sheet.amounts().entrySet()) {
            amounts.add(new Amount(amount.getKey(), amount.getValue().setScale(0, RoundingMode.HALF_UP), "soum"));
        }
        return amounts;
    }

    private static Reason missingInputReason(ServiceDescriptor descriptor, String path) {
        ServiceDescriptor.Input input = descriptor.inputs().stream().filter(i -> i.path().equals(path))
                .findFirst().orElse(null);
        Map<Language, String> texts = new TextsByLanguage(language -> ReasonTexts.texts(Map.of(), "MISSING_INPUT",
                Map.of("input", input == null ? path : input.label(language))).get(language));
        return new Reason("MISSING_INPUT", Outcome.INCOMPLETE, texts, "", "");
    }

    private static Reason engineReason(String code, Outcome effect) {
        return new Reason(code, effect, ReasonTexts.texts(Map.of(), code, Map.of()), "", "");
    }

    /** The fee, at the BCA in force on the decision date (which the decision then lists among its parameters). */
    private static Fee fee(CompiledService service, ParsedApplication input, DecisionSheet sheet, Parameters params) {
        Collection<String> options = sheet.charges();
        if (!service.fees().charges(options)) {
            return null;
        }
        return service.fees().charged(input.application().isOnline(), params.bca(), options);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = root(error);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
