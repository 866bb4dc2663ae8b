package uz.qaror.internal.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Fee;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Reason;
import uz.qaror.Result;
import uz.qaror.internal.run.TextsByLanguage;

/**
 * The JSON form of decisions and failures, one shape for the CLI, batches and embedders, published as
 * {@code uz/qaror/decision.schema.json} (and docs/decision.schema.json).
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    /** The result as JSON text, written straight from it (no tree in between). */
    public static String write(Result result, Language language) {
        return text(g -> writeObject(g, result, language));
    }

    /** What a writer writes, as JSON text with Qaror's mapper's settings (its escapes among them). */
    public static String text(JsonWriter writer) {
        TextSink out = new TextSink();
        try (JsonGenerator generator = Json.JSON.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new IllegalStateException("JSON written to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The result as a JSON tree, for callers that add to it; the same fields, in the same order, as written. */
    public static ObjectNode toNode(Result result, Language language) {
        return tree(g -> writeObject(g, result, language));
    }

    /**
     * The rules' texts, escaped once: tens per service and language written, so the cap holds those of 700 services
     * written in one or two languages; at a few hundred bytes a text, it is a few tens of MB at most.
     */
    private static final EscapedTexts RULE_TEXTS = new EscapedTexts(65_536);

    /** Reads what a writer wrote with the numbers as the result holds them: 0.50 BCA stays 0.50. */
    private static final ObjectReader TREE_READER = Json.JSON.reader()
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private static void writeObject(JsonGenerator generator, Result result, Language language) throws IOException {
        generator.writeStartObject();
        writeFields(generator, result, language);
        generator.writeEndObject();
    }

    /**
     * The result's fields, inside an object the caller has started (a batch's record puts its number and source
     * first): the one place that knows the shape of decision.schema.json.
     */
    public static void writeFields(JsonGenerator generator, Result result, Language language) throws IOException {
        if (result instanceof Decision decision) {
            decision(generator, decision, language);
        } else {
            failure(generator, (Failure) result);
        }
    }

    private static void decision(JsonGenerator g, Decision d, Language language) throws IOException {
        g.writeStringField("applicationId", d.applicationId());
        RULE_TEXTS.field(g, "service", d.service());
        g.writeStringField("outcome", d.outcome().name());
        g.writeStringField("language", language.tag());
        g.writeArrayFieldStart("reasons");
        for (Reason reason : d.reasons()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, "code", reason.code());
            if (reason.messages() instanceof TextsByLanguage texts && texts.fixed()) {
                RULE_TEXTS.field(g, "message", reason.message(language));
            } else {
                g.writeStringField("message", reason.message(language)); // filled with the application's values
            }
            RULE_TEXTS.field(g, "legalBasis", reason.legalBasis());
            RULE_TEXTS.field(g, "rule", reason.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("missing");
        for (String path : d.missing()) {
            g.writeString(path);
        }
        g.writeEndArray();
        // Every key is always there (decision.schema.json): a service without a fee says so with null.
        g.writeFieldName("fee");
        if (d.fee() == null) {
            g.writeNull();
        } else {
            fee(g, d.fee());
        }
        g.writeFieldName("amounts");
        amounts(g, d.amounts());
        g.writeStringField("submittedAt", d.submittedAt() == null ? null
                : d.submittedAt().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        g.writeStringField("asOf", d.asOf().toString());
        g.writeStringField("dueDate", d.dueDate() == null ? null : d.dueDate().toString());
        RULE_TEXTS.field(g, "rulesVersion", d.rulesVersion());
        g.writeArrayFieldStart("firedRules");
        for (Decision.FiredRule rule : d.firedRules()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, "name", rule.name());
            RULE_TEXTS.field(g, "legalBasis", rule.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("parameters");
        for (Decision.ParameterUse use : d.parameters()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, "id", use.id());
            decimalField(g, "value", use.value());
            g.writeStringField("effectiveFrom", use.effectiveFrom().toString());
            RULE_TEXTS.field(g, "legalBasis", use.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void fee(JsonGenerator g, Fee fee) throws IOException {
        g.writeStartObject();
        decimalField(g, "bca", fee.totalBca());
        decimalField(g, "soum", fee.totalSoum());
        decimalField(g, "bcaValue", fee.bcaValue());
        RULE_TEXTS.field(g, "legalBasis", fee.legalBasis());
        g.writeArrayFieldStart("components");
        for (Fee.Component c : fee.components()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, "code", c.code());
            decimalField(g, "bca", c.bca());
            decimalField(g, "soum", c.soum());
            RULE_TEXTS.field(g, "legalBasis", c.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void amounts(JsonGenerator g, List<Decision.Amount> amounts) throws IOException {
        g.writeStartObject();
        for (Decision.Amount amount : amounts) {
            g.writeObjectFieldStart(amount.code());
            decimalField(g, "value", amount.value());
            RULE_TEXTS.field(g, "unit", amount.unit());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A decimal field, null as null (as a tree's put writes it). */
    private static void decimalField(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void failure(JsonGenerator g, Failure failure) throws IOException {
        g.writeStringField("applicationId", failure.applicationId());
        g.writeStringField("service", failure.service());
        g.writeObjectFieldStart("error");
        g.writeStringField("kind", failure.kind().name());
        g.writeStringField("message", failure.describe());
        g.writeFieldName("problems");
        problems(g, failure.problems());
        g.writeEndObject();
    }

    private static void problems(JsonGenerator g, List<Problem> problems) throws IOException {
        g.writeStartArray();
        for (Problem problem : problems) {
            g.writeStartObject();
            g.writeStringField("path", problem.path());
            g.writeStringField("message", problem.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A fee as a tree: totals in BCA and soum, the BCA value used, the legal basis and the components. */
    public static ObjectNode fee(Fee fee) {
        return tree(g -> fee(g, fee));
    }

    /** Amounts by code as a tree, each with its value and unit. */
    public static ObjectNode amounts(List<Decision.Amount> amounts) {
        return tree(g -> amounts(g, amounts));
    }

    /** Problems as a list of path and message. */
    public static ArrayNode problems(List<Problem> problems) {
        return tree(g -> problems(g, problems));
    }

    /** What one of the writers above writes, as a tree. */
    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T tree(JsonWriter writer) {
        TokenBuffer buffer = new TokenBuffer(Json.JSON, false);
        try {
            writer.write(buffer);
            return (T) TREE_READER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("a decision is always serialisable", e);
        }
    }

    /** Writes JSON to a generator: a decision's fields, a batch's record. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator generator) throws IOException;
    }
}
