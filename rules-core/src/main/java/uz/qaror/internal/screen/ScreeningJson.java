package uz.qaror.internal.screen;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;

/**
 * The JSON form of screening results, one shape for the library, the CLI, re-screening and Spark. Texts come in
 * one language ({@code name}, {@code message}, {@code label}) or in several, keyed by language tag
 * ({@code names}, {@code messages}, {@code labels}).
 */
public final class ScreeningJson {

    private ScreeningJson() {
    }

    public static String write(ScreeningResult result, List<Language> languages) {
        try {
            return Json.JSON.writeValueAsString(toNode(result, languages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a screening result is always serialisable", e);
        }
    }

    public static ObjectNode toNode(ScreeningResult result, List<Language> languages) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("householdId", result.householdId());
        node.put("asOf", result.asOf().toString());
        if (languages.size() == 1) {
            node.put("language", languages.get(0).tag());
        }
        ArrayNode answers = node.putArray("answers");
        result.answers().forEach(answer -> answers.add(answer(answer, languages)));
        node.set("problems", DecisionJson.problems(result.problems()));
        node.put("problemKind", result.problemKind() == null ? null : result.problemKind().name());
        ArrayNode ignored = node.putArray("ignored");
        result.ignored().forEach(ignored::add);
        return node;
    }

    public static ObjectNode answer(ScreeningAnswer answer, List<Language> languages) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("service", answer.service());
        text(node, "name", languages, answer::name);
        node.put("status", answer.status().name());
        ArrayNode reasons = node.putArray("reasons");
        for (Reason reason : answer.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("code", reason.code());
            text(r, "message", languages, reason::message);
            r.put("legalBasis", reason.legalBasis());
        }
        ArrayNode needs = node.putArray("needs");
        for (ScreeningAnswer.Needed needed : answer.needs()) {
            ObjectNode n = needs.addObject();
            n.put("path", needed.path());
            text(n, "label", languages, needed::label);
        }
        node.set("amounts", DecisionJson.amounts(answer.amounts()));
        if (answer.fee() != null) {
            node.set("fee", DecisionJson.fee(answer.fee()));
        }
        node.put("rulesVersion", answer.rulesVersion());
        if (!answer.problems().isEmpty()) {
            node.set("problems", DecisionJson.problems(answer.problems()));
        }
        return node;
    }

    /** {@code field: text} in one language, {@code fields: {tag: text, ...}} in several. */
    private static void text(ObjectNode node, String field, List<Language> languages,
                             Function<Language, String> text) {
        if (languages.size() == 1) {
            node.put(field, text.apply(languages.get(0)));
        } else {
            ObjectNode texts = node.putObject(field + "s");
            languages.forEach(language -> texts.put(language.tag(), text.apply(language)));
        }
    }
}
