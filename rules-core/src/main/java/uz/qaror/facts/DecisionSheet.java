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
 * The global {@code decision} that rules write to; the engine makes one for each decision and reads it when the
 * rules have run. Not thread-safe, and need not be: only the deciding thread's rules call it. Each call is
 * recorded with the rule that made it and that rule's legal basis. Reason codes name texts in the service's
 * {@code reasons.json}; the optional arguments are name/value pairs that fill {@code {name}} placeholders in those
 * texts:
 * {@code decision.reject("APPLICANT_UNDER_AGE", "age", $age)}. A code with no text in {@code reasons.json} or among
 * the engine's own shows as the code itself. How the calls combine into one outcome is told at
 * {@link Outcome}; in a service whose descriptor is not {@code automatic}, an approval or rejection becomes a
 * referral to an officer.
 */
public final class DecisionSheet {

    /**
     * One statement a rule made.
     *
     * @param effect    the outcome the rule asked for
     * @param code      the reason code
     * @param arguments the placeholder values by name, in the order given
     * @param rule      the rule that made the statement, with its legal basis
     */
    public record Entry(Outcome effect, String code, Map<String, Object> arguments, FiredRule rule) {
    }

    private final Supplier<FiredRule> currentRule;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    private final Set<String> charges = new LinkedHashSet<>();

    /**
     * Creates an empty sheet; the engine makes one for each decision, and tests may make their own.
     *
     * @param currentRule the rule firing at the time of a call, recorded with its entry
     */
    public DecisionSheet(Supplier<FiredRule> currentRule) {
        this.currentRule = currentRule;
    }

    /**
     * The application meets every condition this rule checks: approve, unless another rule says otherwise.
     *
     * @param code      the reason code, a key of the service's {@code reasons.json}
     * @param arguments name/value pairs for the text's placeholders
     * @throws IllegalArgumentException when {@code arguments} are not in pairs
     */
    public void approve(String code, Object... arguments) {
        record(Outcome.APPROVED, code, arguments);
    }

    /**
     * The law excludes this application: reject; a rejection stands over every other outcome.
     *
     * @param code      the reason code, a key of the service's {@code reasons.json}
     * @param arguments name/value pairs for the text's placeholders
     * @throws IllegalArgumentException when {@code arguments} are not in pairs
     */
    public void reject(String code, Object... arguments) {
        record(Outcome.REJECTED, code, arguments);
    }

    /**
     * An officer must decide: refer, unless a rule rejects or input is missing.
     *
     * @param code      the reason code, a key of the service's {@code reasons.json}
     * @param arguments name/value pairs for the text's placeholders
     * @throws IllegalArgumentException when {@code arguments} are not in pairs
     */
    public void refer(String code, Object... arguments) {
        record(Outcome.REFERRED, code, arguments);
    }

    /**
     * The applicant must supply an input: the application is incomplete unless a rule rejects it. The input is
     * listed in {@link uz.qaror.Decision#missing()}.
     *
     * @param input     the input's path, such as {@code form.x} or {@code documents.y}
     * @param code      the reason code, a key of the service's {@code reasons.json}
     * @param arguments name/value pairs for the text's placeholders
     * @throws IllegalArgumentException when {@code arguments} are not in pairs
     */
    public void require(String input, String code, Object... arguments) {
        missing.add(input);
        record(Outcome.INCOMPLETE, code, arguments);
    }

    /**
     * A sum the service pays or charges, in soum. Sums of the same code add up; the decision shows them rounded
     * half up to a whole soum, and only when it approves or refers.
     *
     * @param code  what the sum is, such as {@code monthlyBenefit}
     * @param value the sum in soum
     * @throws NumberFormatException when {@code value} is not a finite number
     */
    public void amount(String code, Number value) {
        amounts.merge(code, new BigDecimal(value.toString()), BigDecimal::add);
    }

    /**
     * Adds an optional fee component declared in the descriptor's {@code fee.options}; adding one twice charges
     * it once. An option the descriptor does not declare makes the decision fail ({@code RULE_FAILED}) unless it
     * rejects, when no fee is charged.
     *
     * @param option the option's code
     */
    public void charge(String option) {
        charges.add(option);
    }

    /** {@return whether a rule has rejected the application so far} */
    public boolean isRejected() {
        return entries.stream().anyMatch(e -> e.effect() == Outcome.REJECTED);
    }

    /** {@return the statements made so far, in order; a read-only view} */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** {@return the input paths rules have required so far, in order; a read-only view} */
    public Set<String> missing() {
        return Collections.unmodifiableSet(missing);
    }

    /** {@return the sums in soum by code, in the order first given; a read-only view} */
    public Map<String, BigDecimal> amounts() {
        return Collections.unmodifiableMap(amounts);
    }

    /** {@return the fee options charged so far, in order; a read-only view} */
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
