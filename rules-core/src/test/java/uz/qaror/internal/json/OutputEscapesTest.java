package uz.qaror.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputEscapesTest {

    @ParameterizedTest
    @ValueSource(chars = {'\u007F', '\u0085', '\u009B', '\u2028', '\u2029', '\u202A', '\u202E', '\u2066', '\u2069',
            '\uFFFD', '\uFFFE'})
    void charactersThatReorderOrBreakAScreenAreWrittenEscaped(char c) throws Exception {
        String text = "paid " + c + "000 5";
        String json = Json.JSON.writeValueAsString(Map.of("message", text));

        assertThat(json).doesNotContain(String.valueOf(c)).contains(String.format("\\u%04X", (int) c));
        assertThat(Json.JSON.readTree(json).get("message").asText()).isEqualTo(text);
    }

    @Test
    void lettersOfEveryLanguageAndEmojiStayAsTheyAre() throws Exception {
        String text = "Arizangiz qabul qilindi, Ариза қабул қилинди, Заявление принято \uD83D\uDE00";
        String json = Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("message", text));

        assertThat(json).contains(text);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u007F', '\u0085', '\u2028', '\u202E', '\u2066', '\uFFFD', '\uFFFF', 'a', '\u0439'})
    void decisionTextIsWhatTheMapperWritesWhereverTheCharacterIs(char c) throws Exception {
        String text = "x" + c + "\"\n\uD83D\uDE00";
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("code" + c, text);
        record.put("nested", Map.of("k", text));

        String written = DecisionJson.text(g -> {
            g.writeStartObject();
            g.writeStringField("code" + c, text);
            g.writeObjectFieldStart("nested");
            g.writeStringField("k", text);
            g.writeEndObject();
            g.writeEndObject();
        });

        assertThat(written).isEqualTo(Json.JSON.writeValueAsString(record));
        assertThat(Json.JSON.readTree(written).get("code" + c).asText()).isEqualTo(text);
    }
}
