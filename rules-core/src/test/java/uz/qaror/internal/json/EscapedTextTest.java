package uz.qaror.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.junit.jupiter.api.Test;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.Result;
import uz.qaror.internal.run.TextsByLanguage;

/**
 * A text of the rules escaped once must be written exactly as Jackson writes it a character at a time with Qaror's
 * escapes, into every kind of generator: characters (a decision as text), bytes (a stream) and a token buffer (a
 * decision as a tree).
 */
class EscapedTextTest {

    private static final SerializedString X = new SerializedString("x");

    /** Every class of character the escapes treat differently, alone and among letters. */
    private static final List<String> TEXTS = List.of("", "CoM-134 of 15.02.2019 (fee: 4.5% BCA)",
            "quote \" backslash \\ slash /", "tab\tline\nfeed\rend", "nul \u0000 bell \u0007 unit \u001F",
            "del \u007F c1 \u0085 \u009B", "separators \u2028 \u2029", "bidi \u202A \u202E \u2066 \u2069",
            "replacement \uFFFD non-characters \uFFFE \uFFFF", "O\u2018zbekiston Respublikasi Vazirlar Mahkamasi",
            "Ўзбекистон Республикаси Вазирлар Маҳкамасининг қарори", "Постановление Кабинета Министров",
            "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "x".repeat(5_000));

    @Test
    void aTextOfTheRulesIsWrittenAsJacksonEscapesItACharacterAtATime() {
        EscapedTexts texts = new EscapedTexts(100);
        for (String text : TEXTS) {
            for (int time = 1; time <= 2; time++) { // the second time from what the first remembered
                DecisionJson.JsonWriter escaped = g -> texts.field(g, new SerializedString("legalBasis"), text);
                DecisionJson.JsonWriter plain = g -> g.writeStringField("legalBasis", text);
                assertThat(asText(escaped)).as("%s, time %d", text, time).isEqualTo(asText(plain));
                assertThat(asBytes(escaped)).as("%s, time %d", text, time).isEqualTo(asBytes(plain));
                assertThat(asTree(escaped)).as("%s, time %d", text, time).isEqualTo(asTree(plain));
            }
        }
        // all but the two with a lone surrogate and the one with a pair
        assertThat(texts.remembered()).isEqualTo(TEXTS.size() - 3);
        // why not: a byte generator escapes a lone surrogate that a character generator writes as it is
        assertThat(asBytes(g -> texts.field(g, X, "lone \uD800 high")))
                .isEqualTo("{\"x\":\"lone \\uD800 high\"}");
        assertThat(asText(g -> texts.field(g, X, "lone \uD800 high"))).isEqualTo("{\"x\":\"lone \uD800 high\"}");
    }

    @Test
    void aTextAtTheEndOfAFullBufferOrAfterNullStaysInItsPlace() throws IOException {
        EscapedTexts texts = new EscapedTexts(100);
        // 1,990 characters first, so that the next text does not fit the generator's buffer of 2,000
        String filler = "f".repeat(1_990);
        String text = "CoM-550 of 20.10.2023 (late registration of a birth) [E: 1 year] \u2028";
        DecisionJson.JsonWriter escapedAtTheEdge = g -> {
            g.writeStartObject();
            g.writeStringField("filler", filler);
            texts.field(g, new SerializedString("legalBasis"), text);
            texts.field(g, new SerializedString("rule"), null);
            texts.field(g, new SerializedString("again"), text);
            g.writeEndObject();
        };
        DecisionJson.JsonWriter plainAtTheEdge = g -> {
            g.writeStartObject();
            g.writeStringField("filler", filler);
            g.writeStringField("legalBasis", text);
            g.writeStringField("rule", null);
            g.writeStringField("again", text);
            g.writeEndObject();
        };

        assertThat(DecisionJson.text(escapedAtTheEdge)).isEqualTo(viaStringWriter(plainAtTheEdge));
        assertThat(asBytes(escapedAtTheEdge)).isEqualTo(asBytes(plainAtTheEdge));
        assertThat(texts.remembered()).isEqualTo(1);
    }

    @Test
    void beyondTheCapTextsAreWrittenAsAnyOtherAndNotRemembered() {
        EscapedTexts texts = new EscapedTexts(50);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String text = "Resolution No. " + i + " \u2028";
            written.add(asText(g -> texts.field(g, new SerializedString("legalBasis"), text)));
            assertThat(written.get(i)).isEqualTo(asText(g -> g.writeStringField("legalBasis", text)));
        }
        assertThat(texts.remembered()).isEqualTo(50);
        assertThat(written.get(79)).isEqualTo("{\"legalBasis\":\"Resolution No. 79 \\u2028\"}");
    }

    @Test
    void everyExampleDecisionInEveryLanguageIsWhatItsTreeWritesAsAnyValue() throws IOException {
        DecisionEngine engine = DecisionEngine.fromDirectory(
                Path.of("../rules-catalog/src/main/resources/qaror/catalog"));
        int compared = 0;
        int fixedMessages = 0;
        int filledMessages = 0;
        try (Stream<Path> examples = Files.list(Path.of("../examples/applications"))) {
            for (Path example : examples.sorted().toList()) {
                Result result = engine.evaluate(Files.readString(example));
                if (result instanceof Decision decision) {
                    for (Reason reason : decision.reasons()) {
                        if (reason.messages() instanceof TextsByLanguage texts && texts.fixed()) {
                            fixedMessages++;
                        } else {
                            filledMessages++;
                        }
                    }
                }
                for (Language language : Language.values()) {
                    // the tree is read back from what was written, then written by the mapper a character at a time
                    String tree = Json.JSON.writeValueAsString(DecisionJson.toNode(result, language));
                    assertThat(DecisionJson.write(result, language)).as("%s %s", example, language)
                            .isEqualTo(tree);
                    // and as UTF-8 bytes at once, the same text encoded
                    assertThat(DecisionJson.writeUtf8(result, language)).as("%s %s", example, language)
                            .isEqualTo(tree.getBytes(StandardCharsets.UTF_8));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(30 * Language.values().length);
        // both ways of writing a reason's message were compared
        assertThat(fixedMessages).isPositive();
        assertThat(filledMessages).isPositive();
    }

    private static String asText(DecisionJson.JsonWriter field) {
        return DecisionJson.text(inObject(field));
    }

    private static String viaStringWriter(DecisionJson.JsonWriter writer) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.JSON.createGenerator(out)) {
            writer.write(generator);
        }
        return out.toString();
    }

    /** The bytes as text, or how writing failed. */
    private static String asBytes(DecisionJson.JsonWriter field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            inObject(field).write(generator);
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String asTree(DecisionJson.JsonWriter field) {
        TokenBuffer buffer = new TokenBuffer(Json.JSON, false);
        try {
            inObject(field).write(buffer);
            return Json.JSON.readTree(buffer.asParser()).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecisionJson.JsonWriter inObject(DecisionJson.JsonWriter field) {
        return g -> {
            g.writeStartObject();
            field.write(g);
            g.writeEndObject();
        };
    }
}
