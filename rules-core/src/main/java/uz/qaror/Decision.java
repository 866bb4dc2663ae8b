package uz.qaror;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import uz.qaror.internal.json.DecisionJson;

/**
 * The decision on one application: its outcome, the reasons with their legal basis, what is missing, the fee and
 * amounts as of the decision date, the legal deadline, and the version of the rules that decided it.
 *
 * @param asOf         the date the rules and parameters were judged at (the submission date unless overridden)
 * @param rulesVersion a content hash of the service's rule files, descriptor, reason texts and parameters
 */
public record Decision(
        String applicationId,
        String service,
        Outcome outcome,
        List<Reason> reasons,
        List<String> missing,
        Fee fee,
        List<Amount> amounts,
        OffsetDateTime submittedAt,
        LocalDate asOf,
        LocalDate dueDate,
        String rulesVersion,
        List<FiredRule> firedRules,
        List<ParameterUse> parameters) implements Result {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        missing = List.copyOf(missing);
        amounts = List.copyOf(amounts);
        firedRules = List.copyOf(firedRules);
        parameters = List.copyOf(parameters);
    }

    /** A sum the service pays or charges, computed by the rules in soum as of the decision date. */
    public record Amount(String code, BigDecimal value, String unit) {
    }

    /** A rule that fired, with the legal basis it cites. */
    public record FiredRule(String name, String legalBasis) {
    }

    /** A dated parameter a rule read: its value in force on the decision date and where that value comes from. */
    public record ParameterUse(String id, BigDecimal value, LocalDate effectiveFrom, String legalBasis) {
    }

    /** The decision as JSON, with reason texts in the given language. */
    public String toJson(Language language) {
        return DecisionJson.write(this, language);
    }
}
