package uz.qaror.tools.testing;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;

/**
 * Whether two results of one application are the same decision, as their whole decision JSON in every language
 * (outcome, reasons, amounts, fee, fired rules in order, parameters, rulesVersion, a failure's kind and problems).
 * Used to check that two ways of building the same rules (prebuilt and compiled at run time) decide alike.
 */
public final class DecisionComparison {

    private DecisionComparison() {
    }

    /**
     * @return empty when the two are the same, else both JSON texts in the first language they differ in
     */
    public static Optional<String> difference(Result first, Result second) {
        for (Language language : Language.values()) {
            JsonNode a = withoutVolatileFields(DecisionJson.toNode(first, language));
            JsonNode b = withoutVolatileFields(DecisionJson.toNode(second, language));
            if (!a.equals(b)) {
                return Optional.of("(" + language + ")\n  first:  " + a + "\n  second: " + b);
            }
        }
        return Optional.empty();
    }

    /**
     * An internal error's problem names the frame that failed, which differs with the classes the rules were built
     * into: its kind is compared, not where it happened.
     */
    private static JsonNode withoutVolatileFields(ObjectNode node) {
        JsonNode error = node.path("error");
        if (error.path("kind").asText().equals(Failure.Kind.INTERNAL_ERROR.name())) {
            ((ObjectNode) error).remove("message");
            ((ObjectNode) error).remove("problems");
        }
        return node;
    }
}
