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
    void bytesAreReadAsAStrictDecoderReadsThem() throws Exception {
        // valid and broken UTF-8 of every kind: stray continuation bytes, cut sequences, overlong forms, encoded
        // surrogates, code points beyond U+10FFFF, and U+FFFD itself written as such
        byte[][] pieces = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {'a'}, {(byte) 0xD0, (byte) 0xB9}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(4); k >= 0; k--) {
                value.write(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = ("{\"a\": \"" + new String(value.toByteArray(), StandardCharsets.ISO_8859_1) + "\"}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
            ApplicationText.Read read = text.read(bytes);
            try {
                String decoded = strict.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                ApplicationText.Read expected = text.read(decoded);
                assertThat(read.failed()).isEqualTo(expected.failed());
                assertThat(read.failed() ? read.failure().describe() : read.application())
                        .isEqualTo(expected.failed() ? expected.failure().describe() : expected.application());
            } catch (java.nio.charset.CharacterCodingException e) {
                malformed++;
                assertThat(failure(read, Failure.Kind.MALFORMED_JSON)).startsWith("$: not UTF-8: byte 0x");
            }
        }
        assertThat(malformed).isBetween(1_000, 19_000);
    }

    /** What reading gives: the tree, or the failure as a user reads it. */
    private static Object outcome(ApplicationText.Read read) {
        return read.failed() ? read.failure().kind() + " " + read.failure().describe() : read.application();
    }

    /**
     * ASCII bytes are parsed as they are, not as a string made of them; whatever they hold, the tree or the failure
     * (its kind, place, line and column) is the one their text gives: every example application cut at every byte,
     * with each byte in turn replaced by bytes that break JSON, and under limits small enough to break.
     */
    @Test
    void asciiBytesAreReadAsTheirTextIs() throws Exception {
        ApplicationText small = new ApplicationText(InputLimits.builder().maxBytes(900).maxDepth(4)
                .maxStringLength(30).maxNumberLength(8).build());
        byte[] breakers = {'x', '}', ']', '[', '{', ',', ':', '"', '\\', ' ', '\n', '0', '-', 0, 1, 0x1F, 0x7F};
        int compared = 0;
        int failed = 0;
        try (java.util.stream.Stream<java.nio.file.Path> examples =
                     java.nio.file.Files.list(java.nio.file.Path.of("../examples/applications"))) {
            for (java.nio.file.Path example : examples.sorted().toList()) {
                byte[] bytes = java.nio.file.Files.readAllBytes(example);
                if (!new String(bytes, StandardCharsets.ISO_8859_1).chars().allMatch(c -> c < 0x80)) {
                    continue;
                }
                java.util.List<byte[]> variants = new java.util.ArrayList<>();
                for (int cut = 0; cut <= bytes.length; cut += 1 + cut / 64) {
                    variants.add(java.util.Arrays.copyOf(bytes, cut));
                }
                for (int at = 0; at < bytes.length; at += 7) {
                    byte[] broken = bytes.clone();
                    broken[at] = breakers[at % breakers.length];
                    variants.add(broken);
                }
                for (byte[] variant : variants) {
                    String asText = new String(variant, StandardCharsets.UTF_8);
                    for (ApplicationText reader : new ApplicationText[] {text, small}) {
                        ApplicationText.Read read = reader.read(variant);
                        assertThat(outcome(read)).as("%s: %s", example.getFileName(), asText)
                                .isEqualTo(outcome(reader.read(asText)));
                        compared++;
                        failed += read.failed() ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
        assertThat(failed).as("most variants are broken, some are not").isBetween(compared / 2, compared - 100);
    }

    /**
     * Bytes that Jackson would take for UTF-16 or UTF-32 (zero bytes among the first four), all of them ASCII, are
     * still read as UTF-8: a control character, refused, never a JSON text in another encoding.
     */
    @Test
    void jsonInUtf16OrUtf32IsNotReadAsJson() {
        String json = "{\"id\": \"A\", \"service\": \"x\"}";
        for (String encoding : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = json.getBytes(java.nio.charset.Charset.forName(encoding));
            assertThat(failure(text.read(bytes), Failure.Kind.MALFORMED_JSON)).as(encoding)
                    .isEqualTo(text.read(new String(bytes, StandardCharsets.UTF_8)).failure().describe());
        }
    }

    @Test
    void textIsMeasuredInUtf8BytesAtEverySizeAroundTheLimit() {
        // a limit of 3,000 bytes; the text's own characters are 1, 2, 3 or (a surrogate pair) 4 bytes each
        ApplicationText small = new ApplicationText(InputLimits.builder().maxBytes(3_000).maxStringLength(3_000).build());
        for (String character : new String[] {"a", "\u00e9", "\u20ac", "\uD83D\uDE00"}) {
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            for (int count = 900; count <= 3_000 / bytes + 1; count++) {
                String json = "{\"a\":\"" + character.repeat(count) + "\"}";
                int size = json.getBytes(StandardCharsets.UTF_8).length;
                ApplicationText.Read read = small.read(json);
                boolean refusedForSize = read.failed() && read.failure().describe().contains("larger than 3000 bytes");
                assertThat(refusedForSize).as("%d bytes of %s", size, character).isEqualTo(size > 3_000);
                assertThat(small.read(json.getBytes(StandardCharsets.UTF_8)).failed()).as("as bytes")
                        .isEqualTo(refusedForSize);
            }
        }
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
