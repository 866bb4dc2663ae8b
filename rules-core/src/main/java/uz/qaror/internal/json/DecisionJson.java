package uz.qaror.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Fee;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Reason;
import uz.qaror.Result;

/**
 * The JSON form of decisions and failures, one shape for the CLI, batches and embedders, published as
 * {@code uz/qaror/decision.schema.json} (and docs/decision.schema.json).
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static String write(Result result, Language language) {
        try {
            return Json.JSON.writeValueAsString(toNode(result, language));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision is always serialisable", e);
        }
    }

    public static ObjectNode toNode(Result result, Language language) {
        if (result instanceof Decision decision) {
            return decision(decision, language);
        }
        return failure((Failure) result);
    }

    private static ObjectNode decision(Decision d, Language language) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("applicationId", d.applicationId());
        node.put("service", d.service());
        node.put("outcome", d.outcome().name());
        node.put("language", language.tag());
        ArrayNode reasons = node.putArray("reasons");
        for (Reason reason : d.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("code", reason.code());
            r.put("message", reason.message(language));
            r.put("legalBasis", reason.legalBasis());
            r.put("rule", reason.rule());
        }
        ArrayNode missing = node.putArray("missing");
        d.missing().forEach(missing::add);
        // Every key is always there (decision.schema.json): a service without a fee says so with null.
        node.set("fee", d.fee() == null ? NullNode.getInstance() : fee(d.fee()));
        node.set("amounts", amounts(d.amounts()));
        node.put("submittedAt", d.submittedAt() == null ? null
                : d.submittedAt().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        node.put("asOf", d.asOf().toString());
        node.put("dueDate", d.dueDate() == null ? null : d.dueDate().toString());
        node.put("rulesVersion", d.rulesVersion());
        ArrayNode fired = node.putArray("firedRules");
        for (Decision.FiredRule rule : d.firedRules()) {
            fired.addObject().put("name", rule.name()).put("legalBasis", rule.legalBasis());
        }
        ArrayNode parameters = node.putArray("parameters");
        for (Decision.ParameterUse use : d.parameters()) {
            parameters.addObject().put("id", use.id()).put("value", use.value())
                    .put("effectiveFrom", use.effectiveFrom().toString()).put("legalBasis", use.legalBasis());
        }
        return node;
    }

    /** A fee: totals in BCA and soum, the BCA value used, the legal basis and the components. */
    public static ObjectNode fee(Fee fee) {
        ObjectNode f = Json.JSON.createObjectNode();
        f.put("bca", fee.totalBca());
        f.put("soum", fee.totalSoum());
        f.put("bcaValue", fee.bcaValue());
        f.put("legalBasis", fee.legalBasis());
        ArrayNode components = f.putArray("components");
        for (Fee.Component c : fee.components()) {
            components.addObject().put("code", c.code()).put("bca", c.bca()).put("soum", c.soum())
                    .put("legalBasis", c.legalBasis());
        }
        return f;
    }

    /** Amounts by code, each with its value and unit. */
    public static ObjectNode amounts(java.util.List<Decision.Amount> amounts) {
        ObjectNode node = Json.JSON.createObjectNode();
        for (Decision.Amount amount : amounts) {
            node.putObject(amount.code()).put("value", amount.value()).put("unit", amount.unit());
        }
        return node;
    }

    /** Problems as a list of path and message. */
    public static ArrayNode problems(java.util.List<Problem> problems) {
        ArrayNode node = Json.JSON.createArrayNode();
        for (Problem problem : problems) {
            node.addObject().put("path", problem.path()).put("message", problem.message());
        }
        return node;
    }

    private static ObjectNode failure(Failure failure) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("applicationId", failure.applicationId());
        node.put("service", failure.service());
        ObjectNode error = node.putObject("error");
        error.put("kind", failure.kind().name());
        error.put("message", failure.describe());
        error.set("problems", problems(failure.problems()));
        return node;
    }
}
