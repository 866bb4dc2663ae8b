package uz.qaror;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import uz.qaror.internal.json.DecisionJson;

/**
 * The decision on one application: its outcome, the reasons with their legal basis, what is missing, the fee and
 * amounts as of the decision date, the legal deadline, and the version of the rules that decided it. Immutable;
 * every list is a copy.
 *
 * @param applicationId the application's {@code id}
 * @param service       the id of the service that decided
 * @param outcome       what the decision says
 * @param reasons       the reasons for the outcome, those the rules gave in order, then the engine's own
 *                      ({@code MISSING_INPUT}, {@code NO_RULE_DECIDED}, {@code OFFICER_DECIDES}): only those whose
 *                      effect is the outcome, except that a referral because the service is not automatic shows
 *                      every reason, for the officer to see what the rules found
 * @param missing       the paths of the inputs the applicant must supply ({@code form.x}, {@code documents.y}):
 *                      required inputs that are absent, then those rules required; when not empty, the outcome
 *                      is incomplete or rejected
 * @param fee           the fee to pay; {@code null} when the application is rejected or the service charges none
 * @param amounts       the sums the rules computed; empty unless the outcome is approved or referred
 * @param submittedAt   when the application was submitted
 * @param asOf          the date the rules and parameters were judged at (the submission date unless overridden)
 * @param dueDate       the legal deadline of the decision, counted from the submission day in Tashkent (working
 *                      days skip weekends and the catalog's public holidays); {@code null} when the service has
 *                      none
 * @param rulesVersion  a content hash of the service's rule files, descriptor, reason texts and parameters
 * @param firedRules    every rule firing, in order (a rule that fires twice is listed twice)
 * @param parameters    the dated parameters the rules and the fee read, in the order first read
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

    /**
     * Creates a decision; the engine makes them, and tests may make their own.
     *
     * @param applicationId see {@link #applicationId()}
     * @param service       see {@link #service()}
     * @param outcome       see {@link #outcome()}
     * @param reasons       see {@link #reasons()}
     * @param missing       see {@link #missing()}
     * @param fee           see {@link #fee()}
     * @param amounts       see {@link #amounts()}
     * @param submittedAt   see {@link #submittedAt()}
     * @param asOf          see {@link #asOf()}
     * @param dueDate       see {@link #dueDate()}
     * @param rulesVersion  see {@link #rulesVersion()}
     * @param firedRules    see {@link #firedRules()}
     * @param parameters    see {@link #parameters()}
     * @throws NullPointerException when {@code outcome} or a list is {@code null}
     */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        missing = List.copyOf(missing);
        amounts = List.copyOf(amounts);
        firedRules = List.copyOf(firedRules);
        parameters = List.copyOf(parameters);
    }

    /**
     * A sum the service pays or charges, computed by the rules as of the decision date.
     *
     * @param code  the name the rule gave it, such as {@code monthlyBenefit}
     * @param value the sum, rounded half up to a whole soum
     * @param unit  always {@code soum}
     */
    public record Amount(String code, BigDecimal value, String unit) {
    }

    /**
     * A rule that fired, with the legal basis it cites.
     *
     * @param name       the rule's name in its DRL file
     * @param legalBasis the rule's {@code @legalBasis}; empty when it has none
     */
    public record FiredRule(String name, String legalBasis) {
    }

    /**
     * A dated parameter a rule read: its value in force on the decision date and where that value comes from.
     *
     * @param id            the parameter's id, such as {@code bca}
     * @param value         its value in force, in the parameter's unit (soum for amounts)
     * @param effectiveFrom the first day that value is in force
     * @param legalBasis    the act that sets that value
     */
    public record ParameterUse(String id, BigDecimal value, LocalDate effectiveFrom, String legalBasis) {
    }

    /**
     * The decision as JSON, in the shape of {@code uz/qaror/decision.schema.json}.
     *
     * @param language the language of the reason texts
     * @return the JSON text, on one line
     */
    public String toJson(Language language) {
        return DecisionJson.write(this, language);
    }
}
