package uz.qaror.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import uz.qaror.Decision.FiredRule;
import uz.qaror.Outcome;

/**
 * The global {@code decision} that rules write to. Each call is recorded with the rule that made it and that
 * rule's legal basis. Reason codes name texts in the service's {@code reasons.json}; the optional arguments are
 * name/value pairs that fill {@code {name}} placeholders in those texts:
 * {@code decision.reject("APPLICANT_UNDER_AGE", "age", $age)}.
 */
public final class DecisionSheet {

    /** One statement a rule made. */
    public record Entry(Outcome effect, String code, Map<String, Object> arguments, FiredRule rule) {
    }

    private final Supplier<FiredRule> currentRule;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    private final Set<String> charges = new LinkedHashSet<>();

    public DecisionSheet(Supplier<FiredRule> currentRule) {
        this.currentRule = currentRule;
    }

    /** The application meets every condition this rule checks: approve, unless another rule says otherwise. */
    public void approve(String code, Object... arguments) {
        record(Outcome.APPROVED, code, arguments);
    }

    /** The law excludes this application. */
    public void reject(String code, Object... arguments) {
        record(Outcome.REJECTED, code, arguments);
    }

    /** An officer must decide. */
    public void refer(String code, Object... arguments) {
        record(Outcome.REFERRED, code, arguments);
    }

    /** The applicant must supply {@code input} (a field path such as {@code form.x} or {@code documents.y}). */
    public void require(String input, String code, Object... arguments) {
        missing.add(input);
        record(Outcome.INCOMPLETE, code, arguments);
    }

    /** A sum the service pays or charges, in soum. */
    public void amount(String code, Number value) {
        amounts.merge(code, new BigDecimal(value.toString()), BigDecimal::add);
    }

    /** Adds an optional fee component declared in the descriptor's {@code fee.options}. */
    public void charge(String option) {
        charges.add(option);
    }

    public boolean isRejected() {
        return entries.stream().anyMatch(e -> e.effect() == Outcome.REJECTED);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public Set<String> missing() {
        return Collections.unmodifiableSet(missing);
    }

    public Map<String, BigDecimal> amounts() {
        return Collections.unmodifiableMap(amounts);
    }

    public Set<String> charges() {
        return Collections.unmodifiableSet(charges);
    }

    private void record(Outcome effect, String code, Object[] arguments) {
        if (arguments.length % 2 != 0) {
            throw new IllegalArgumentException("reason " + code + ": arguments must be name/value pairs");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length; i += 2) {
            named.put(String.valueOf(arguments[i]), arguments[i + 1]);
        }
        entries.add(new Entry(effect, code, named, currentRule.get()));
    }
}
