package uz.qaror.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** JSON written as UTF-8 bytes is its text encoded, whether it fits the generator's buffer or takes several. */
class ByteSinkTest {

    @Test
    void bytesOfAnySizeAreTheTextEncoded() {
        for (int length : new int[] {0, 1, 100, 3_990, 3_999, 4_000, 7_990, 8_000, 8_001, 16_385, 60_000}) {
            for (String unit : new String[] {"x", "\u02BB", "\u0437", "\uD83D\uDE00"}) {
                String text = unit.repeat(Math.max(0, length / unit.length()));
                DecisionJson.JsonWriter writer = g -> {
                    g.writeStartObject();
                    g.writeStringField("message", text);
                    g.writeEndObject();
                };
                assertThat(DecisionJson.utf8(writer)).as("%d of %s", length, unit)
                        .isEqualTo(DecisionJson.text(writer).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(DecisionJson.utf8(g -> { })).isEmpty();
    }
}
