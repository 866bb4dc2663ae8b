package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uz.qaror.Failure;
import uz.qaror.InputLimits;

/** The one entry from raw input to a tree, as the engine, the batch and a server use it. */
class ApplicationTextTest {

    private final ApplicationText text = new ApplicationText(InputLimits.defaults());

    private static String failure(ApplicationText.Read read, Failure.Kind kind) {
        assertThat(read.failed()).isTrue();
        assertThat(read.failure().kind()).as(read.failure().describe()).isEqualTo(kind);
        return read.failure().describe();
    }

    @Test
    void readsAnApplicationFromBytesTextAndStreamsAlike() throws Exception {
        String json = "{\"id\": \"A\", \"service\": \"x\", \"applicant\": {\"lastName\": \"Karimova\"}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(text.read(json).application()).isEqualTo(text.read(bytes).application())
                .isEqualTo(text.read(new ByteArrayInputStream(bytes)).application());
        byte[] withMark = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        assertThat(text.read(withMark).failed()).as("a byte-order mark is no part of the JSON").isFalse();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThat(failure(text.read(bytes), Failure.Kind.MALFORMED_JSON))
                .isEqualTo("$: not UTF-8: byte 0xED at offset 6 is not part of a valid character");
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThat(failure(text.read(overlong), Failure.Kind.MALFORMED_JSON)).contains("offset 6");
    }

    @Test
    void strictJson() {
        assertThat(failure(text.read("{\"a\": 1, \"a\": 2}"), Failure.Kind.MALFORMED_JSON))
                .startsWith("$: not valid JSON: line 1, column ").endsWith(": Duplicate field 'a'");
        // at any depth, in objects of any size, null or not
        assertThat(failure(text.read("{\"household\": {\"members\": [{\"pinfl\": null, \"sex\": \"F\", \"age\": 3, "
                + "\"pinfl\": \"1\"}]}}"), Failure.Kind.MALFORMED_JSON)).endsWith(": Duplicate field 'pinfl'");
        assertThat(failure(text.read("{\"a\": null, \"a\": null}"), Failure.Kind.MALFORMED_JSON))
                .endsWith(": Duplicate field 'a'");
        assertThat(failure(text.read("{\"a\": {}, \"b\": [], \"a\": {}}"), Failure.Kind.MALFORMED_JSON))
                .endsWith(": Duplicate field 'a'");
        // the message is the user's, not a Java setting's
        assertThat(failure(text.read("{\"a\": 1} {\"b\": 2}"), Failure.Kind.MALFORMED_JSON))
                .endsWith(": Trailing token (of type START_OBJECT) found after value");
        assertThat(failure(text.read("[1]"), Failure.Kind.MALFORMED_JSON)).contains("got array");
        assertThat(failure(text.read("   "), Failure.Kind.MALFORMED_JSON)).contains("empty");
        assertThat(failure(text.read("{\"a\": 1E+2147483648}"), Failure.Kind.MALFORMED_JSON)).startsWith("$: ");
    }

    @Test
    void aBrokenLimitNamesThePlaceFromTextAsFromATree() {
        String deep = "{\"household\": {\"members\": [" + "[".repeat(20) + "]".repeat(20) + "]}}";
        assertThat(failure(text.read(deep), Failure.Kind.LIMIT_EXCEEDED))
                .startsWith("household.members[0]").contains("InputLimits.maxDepth");
        String longName = "{\"form\": {\"" + "n".repeat(1_001) + "\": 1}}";
        assertThat(failure(text.read(longName), Failure.Kind.LIMIT_EXCEEDED)).startsWith("form")
                .contains("InputLimits.maxStringLength");
    }
}
