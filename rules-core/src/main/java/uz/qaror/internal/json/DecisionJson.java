package uz.qaror.internal.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
import uz.qaror.Outcome;
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

    /** The result as JSON in UTF-8, written straight from it. */
    public static byte[] writeUtf8(Result result, Language language) {
        return utf8(g -> writeObject(g, result, language));
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

    /**
     * What a writer writes, as JSON in UTF-8 with Qaror's mapper's settings: for a record that goes to a stream of
     * bytes, made without a string between (a string of a decision in Uzbek or Russian is one of two bytes per
     * character, and encoding it again cost more than writing it as bytes at once).
     */
    public static byte[] utf8(JsonWriter writer) {
        ByteSink out = new ByteSink();
        try (JsonGenerator generator = Json.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new IllegalStateException("JSON written to memory cannot fail", e);
        }
        return out.toByteArray();
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

    /** The outcomes' names and the languages' tags, by ordinal, as written (quoted once, copied after that). */
    private static final SerializableString[] OUTCOMES = Arrays.stream(Outcome.values())
            .map(outcome -> new SerializedString(outcome.name())).toArray(SerializableString[]::new);
    private static final SerializableString[] LANGUAGE_TAGS = Arrays.stream(Language.values())
            .map(language -> new SerializedString(language.tag())).toArray(SerializableString[]::new);

    /**
     * The names of decision.schema.json's fields, quoted once: a generator with Qaror's escapes otherwise escapes
     * each name a character at a time, some forty names in every decision.
     */
    private static final class Names {
        static final SerializableString AMOUNTS = new SerializedString("amounts");
        static final SerializableString APPLICATION_ID = new SerializedString("applicationId");
        static final SerializableString AS_OF = new SerializedString("asOf");
        static final SerializableString BCA = new SerializedString("bca");
        static final SerializableString BCA_VALUE = new SerializedString("bcaValue");
        static final SerializableString CODE = new SerializedString("code");
        static final SerializableString COMPONENTS = new SerializedString("components");
        static final SerializableString DUE_DATE = new SerializedString("dueDate");
        static final SerializableString EFFECTIVE_FROM = new SerializedString("effectiveFrom");
        static final SerializableString ERROR = new SerializedString("error");
        static final SerializableString FEE = new SerializedString("fee");
        static final SerializableString FIRED_RULES = new SerializedString("firedRules");
        static final SerializableString ID = new SerializedString("id");
        static final SerializableString KIND = new SerializedString("kind");
        static final SerializableString LANGUAGE = new SerializedString("language");
        static final SerializableString LEGAL_BASIS = new SerializedString("legalBasis");
        static final SerializableString MESSAGE = new SerializedString("message");
        static final SerializableString MISSING = new SerializedString("missing");
        static final SerializableString NAME = new SerializedString("name");
        static final SerializableString OUTCOME = new SerializedString("outcome");
        static final SerializableString PARAMETERS = new SerializedString("parameters");
        static final SerializableString PATH = new SerializedString("path");
        static final SerializableString PROBLEMS = new SerializedString("problems");
        static final SerializableString REASONS = new SerializedString("reasons");
        static final SerializableString RULE = new SerializedString("rule");
        static final SerializableString RULES_VERSION = new SerializedString("rulesVersion");
        static final SerializableString SERVICE = new SerializedString("service");
        static final SerializableString SOUM = new SerializedString("soum");
        static final SerializableString SUBMITTED_AT = new SerializedString("submittedAt");
        static final SerializableString UNIT = new SerializedString("unit");
        static final SerializableString VALUE = new SerializedString("value");

        private Names() {
        }
    }

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
        string(g, Names.APPLICATION_ID, d.applicationId());
        RULE_TEXTS.field(g, Names.SERVICE, d.service());
        g.writeFieldName(Names.OUTCOME);
        g.writeString(OUTCOMES[d.outcome().ordinal()]);
        g.writeFieldName(Names.LANGUAGE);
        g.writeString(LANGUAGE_TAGS[language.ordinal()]);
        g.writeFieldName(Names.REASONS);
        g.writeStartArray();
        for (Reason reason : d.reasons()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, Names.CODE, reason.code());
            if (reason.messages() instanceof TextsByLanguage texts && texts.fixed()) {
                RULE_TEXTS.field(g, Names.MESSAGE, reason.message(language));
            } else {
                string(g, Names.MESSAGE, reason.message(language)); // filled with the application's values
            }
            RULE_TEXTS.field(g, Names.LEGAL_BASIS, reason.legalBasis());
            RULE_TEXTS.field(g, Names.RULE, reason.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(Names.MISSING);
        g.writeStartArray();
        for (String path : d.missing()) {
            g.writeString(path);
        }
        g.writeEndArray();
        // Every key is always there (decision.schema.json): a service without a fee says so with null.
        g.writeFieldName(Names.FEE);
        if (d.fee() == null) {
            g.writeNull();
        } else {
            fee(g, d.fee());
        }
        g.writeFieldName(Names.AMOUNTS);
        amounts(g, d.amounts());
        string(g, Names.SUBMITTED_AT, d.submittedAt() == null ? null : IsoForm.offsetDateTime(d.submittedAt()));
        string(g, Names.AS_OF, IsoForm.date(d.asOf()));
        string(g, Names.DUE_DATE, d.dueDate() == null ? null : IsoForm.date(d.dueDate()));
        RULE_TEXTS.field(g, Names.RULES_VERSION, d.rulesVersion());
        g.writeFieldName(Names.FIRED_RULES);
        g.writeStartArray();
        for (Decision.FiredRule rule : d.firedRules()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, Names.NAME, rule.name());
            RULE_TEXTS.field(g, Names.LEGAL_BASIS, rule.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(Names.PARAMETERS);
        g.writeStartArray();
        for (Decision.ParameterUse use : d.parameters()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, Names.ID, use.id());
            decimalField(g, Names.VALUE, use.value());
            string(g, Names.EFFECTIVE_FROM, IsoForm.date(use.effectiveFrom()));
            RULE_TEXTS.field(g, Names.LEGAL_BASIS, use.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void fee(JsonGenerator g, Fee fee) throws IOException {
        g.writeStartObject();
        decimalField(g, Names.BCA, fee.totalBca());
        decimalField(g, Names.SOUM, fee.totalSoum());
        decimalField(g, Names.BCA_VALUE, fee.bcaValue());
        RULE_TEXTS.field(g, Names.LEGAL_BASIS, fee.legalBasis());
        g.writeFieldName(Names.COMPONENTS);
        g.writeStartArray();
        for (Fee.Component c : fee.components()) {
            g.writeStartObject();
            RULE_TEXTS.field(g, Names.CODE, c.code());
            decimalField(g, Names.BCA, c.bca());
            decimalField(g, Names.SOUM, c.soum());
            RULE_TEXTS.field(g, Names.LEGAL_BASIS, c.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void amounts(JsonGenerator g, List<Decision.Amount> amounts) throws IOException {
        g.writeStartObject();
        for (Decision.Amount amount : amounts) {
            g.writeObjectFieldStart(amount.code());
            decimalField(g, Names.VALUE, amount.value());
            RULE_TEXTS.field(g, Names.UNIT, amount.unit());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A text field, null as null. */
    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /** A decimal field, null as null (as a tree's put writes it). */
    private static void decimalField(JsonGenerator g, SerializableString name, BigDecimal value)
            throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void failure(JsonGenerator g, Failure failure) throws IOException {
        string(g, Names.APPLICATION_ID, failure.applicationId());
        string(g, Names.SERVICE, failure.service());
        g.writeFieldName(Names.ERROR);
        g.writeStartObject();
        string(g, Names.KIND, failure.kind().name());
        string(g, Names.MESSAGE, failure.describe());
        g.writeFieldName(Names.PROBLEMS);
        problems(g, failure.problems());
        g.writeEndObject();
    }

    private static void problems(JsonGenerator g, List<Problem> problems) throws IOException {
        g.writeStartArray();
        for (Problem problem : problems) {
            g.writeStartObject();
            string(g, Names.PATH, problem.path());
            string(g, Names.MESSAGE, problem.message());
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
