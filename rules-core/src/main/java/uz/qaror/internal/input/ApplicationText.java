package uz.qaror.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.Problem;
import uz.qaror.internal.json.Json;

/**
 * The one way raw input becomes an application's tree, for every entry that receives bytes or text (the engine's
 * {@code evaluate}, the batch, a server): the size limit first, then strict UTF-8 (a byte that is not part of a
 * character is {@link Failure.Kind#MALFORMED_JSON} naming its offset, never silently replaced), then strict JSON
 * under the {@link InputLimits} (Jackson's {@link StreamReadConstraints}: depth, string, name and number length,
 * document length), then {@link #check(JsonNode) the walk} every tree gets (for most applications both at once, as
 * {@link QuickTree} builds the tree; the general way words every failure). Never throws for what the input holds.
 */
public final class ApplicationText {

    private final InputLimits limits;
    private final ObjectReader reader;
    private final JsonNodeFactory nodes;

    public ApplicationText(InputLimits limits) {
        this.limits = limits;
        this.reader = Json.applicationReader(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxBytes())
                .build());
        this.nodes = reader.getConfig().getNodeFactory();
    }

    public InputLimits limits() {
        return limits;
    }

    /**
     * A tree that passed every limit and check, or the failure that says why not; and the schema that vouched for
     * the tree as it was built, if one did.
     */
    public record Read(JsonNode application, Failure failure, TreeSchema vouchedBy) {

        /** A tree read, or a failure, that no schema vouched for. */
        public Read(JsonNode application, Failure failure) {
            this(application, failure, null);
        }

        static Read of(JsonNode application) {
            return new Read(application, null);
        }

        /** Whether {@code schema} vouched for the tree as it was built: then it needs no other check of it. */
        public boolean vouchedFor(TreeSchema schema) {
            return vouchedBy != null && vouchedBy == schema;
        }

        static Read failed(Failure.Kind kind, List<Problem> problems) {
            return new Read(null, new Failure(null, null, kind, problems));
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /** Reads an application from a stream: {@link #take} its bytes, then {@link #read(byte[])} them. */
    public Read read(InputStream in) throws IOException {
        return read(take(in));
    }

    /**
     * At most {@link InputLimits#maxBytes()} + 1 bytes of a stream, enough to tell an application too large;
     * the rest is left unread.
     */
    public byte[] take(InputStream in) throws IOException {
        return in.readNBytes(limits.maxBytes() + 1);
    }

    /** Reads an application from bytes that must be UTF-8. */
    public Read read(byte[] bytes) {
        return read(bytes, null);
    }

    /**
     * Reads an application from bytes that must be UTF-8, following the schema {@code schemas} gives its service
     * (see {@link QuickTree}) as its tree is built.
     */
    public Read read(byte[] bytes, Function<String, TreeSchema> schemas) {
        if (bytes.length > limits.maxBytes()) {
            return tooLarge();
        }
        // ASCII (most applications) is valid UTF-8 that decodes one to one: the parser reads the bytes as they are,
        // which costs less than making a string of them and reading its characters. Jackson's parser for bytes words
        // some problems otherwise than its parser for text, so bytes that fail are read again as text: the same input
        // fails the same way whichever entry it came by.
        if (AsciiBytes.all(bytes) && !zeroInFirstFour(bytes)) {
            Read read = parse(opener(bytes), schemas);
            return read.failed() ? parse(new String(bytes, StandardCharsets.UTF_8)) : read;
        }
        // The JDK's own decoding is much cheaper than a decoder's (a single copy) but replaces each malformed
        // sequence by U+FFFD; only text that has one needs the strict decoder, to name the byte at fault (or to find
        // a U+FFFD written as such, which the scan refuses as it always did).
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') < 0 ? parse(decoded, schemas) : strictlyDecoded(bytes);
    }

    /**
     * Whether a zero byte is among the first four: from such bytes Jackson's byte parser would guess UTF-16 or UTF-32
     * and read them as such, where UTF-8 makes them a control character, which the strict way refuses.
     */
    private static boolean zeroInFirstFour(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Bytes decoded as UTF-8 by a decoder that reports a malformed sequence, then parsed. */
    private Read strictlyDecoded(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            return Read.failed(Failure.Kind.MALFORMED_JSON, List.of(new Problem("$", String.format(
                    "not UTF-8: byte 0x%02X at offset %d is not part of a valid character", bytes[offset] & 0xFF,
                    offset))));
        }
        out.flip();
        return parse(out.toString());
    }

    /** Reads an application from text. */
    public Read read(String text) {
        return read(text, null);
    }

    /**
     * Reads an application from text, following the schema {@code schemas} gives its service (see
     * {@link QuickTree}) as its tree is built.
     */
    public Read read(String text, Function<String, TreeSchema> schemas) {
        if (utf8Length(text) > limits.maxBytes()) {
            return tooLarge();
        }
        return parse(text, schemas);
    }

    /** The checks every tree gets, however it was made: an object, within the limits, no invalid value. */
    public Read check(JsonNode application) {
        if (application == null || !application.isObject()) {
            return Read.failed(Failure.Kind.MALFORMED_JSON, List.of(new Problem("$", "an application is a JSON "
                    + "object, got " + (application == null || application.isMissingNode() ? "nothing"
                    : application.getNodeType().name().toLowerCase(java.util.Locale.ROOT)))));
        }
        InputScan.Found found = InputScan.scan(application, limits);
        if (found == null) {
            return Read.of(application);
        }
        return new Read(null, new Failure(safeText(application, "id"), safeText(application, "service"),
                found.kind(), found.problems()));
    }

    /**
     * A short, clean string field of the application (its id or service) for a failure's header, or null: a
     * failure must not carry what made the application fail.
     */
    public static String safeText(JsonNode application, String field) {
        JsonNode value = application.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.textValue();
        return text.length() <= 100 && Characters.firstForbidden(text) < 0 ? text : null;
    }

    /** The failure for text that is not JSON, naming the line and column where the parser stopped. */
    public static Failure malformed(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String message = e.getOriginalMessage() == null ? "unreadable"
                : withoutSetting(e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        return new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                List.of(new Problem("$", "not valid JSON: " + place(where) + Echo.bounded(message, 200))));
    }

    /**
     * A parser's message without the Jackson setting that refused the input, which means nothing to whoever wrote
     * the application: a duplicate key says the field named twice, a value after the application the token found.
     */
    static String withoutSetting(String message) {
        for (String setting : SETTINGS_NAMED) {
            int at = message.indexOf(setting);
            if (at > 0) {
                return message.substring(0, at);
            }
        }
        return message;
    }

    private static final List<String> SETTINGS_NAMED = List.of(" for `ObjectNode`: not allowed", " (bound as `");

    private static String place(JsonLocation where) {
        return where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
    }

    private Read parse(String text) {
        return parse(text, null);
    }

    private Read parse(String text, Function<String, TreeSchema> schemas) {
        // A byte-order mark is not part of the JSON.
        return parse(opener(text.startsWith("\uFEFF") ? text.substring(1) : text), schemas);
    }

    /** A parser over bytes of UTF-8 under this reader's constraints. */
    ParserOpener opener(byte[] bytes) {
        return () -> reader.createParser(bytes);
    }

    /** A parser over text under this reader's constraints. */
    ParserOpener opener(String text) {
        return () -> reader.createParser(text);
    }

    /** The node factory of this reader's trees (for the agreement test of {@link QuickTree}). */
    JsonNodeFactory nodes() {
        return nodes;
    }

    /** Opens a parser over input held in memory, which cannot fail to be read. */
    @FunctionalInterface
    interface ParserOpener {
        JsonParser open() throws IOException;
    }

    /**
     * Most applications are read the quick way ({@link QuickTree}, following the schema {@code schemas} gives, if
     * any); what it cannot vouch for, the general way.
     */
    private Read parse(ParserOpener opener, Function<String, TreeSchema> schemas) {
        QuickTree.Built quick = QuickTree.read(opener, limits, nodes, schemas);
        return quick != null ? new Read(quick.tree(), null, quick.vouchedBy()) : parseGenerally(opener);
    }

    /**
     * Jackson's tree, then {@link #check the walk}: every failure is worded here. (Package-private for the test of
     * its agreement with {@link QuickTree}.)
     */
    Read parseGenerally(ParserOpener opener) {
        JsonNode tree;
        // The parser is our own so that a broken limit can be placed: Jackson's exception does not say where.
        try (JsonParser parser = opener.open()) {
            try {
                tree = reader.readTree(parser); // trailing tokens fail too (FAIL_ON_TRAILING_TOKENS)
            } catch (StreamConstraintsException e) {
                return Read.failed(Failure.Kind.LIMIT_EXCEEDED, List.of(limitBroken(e, parser)));
            }
        } catch (JsonProcessingException e) {
            return new Read(null, malformed(e));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading from memory cannot fail", e);
        } catch (RuntimeException e) {
            // A number Jackson cannot hold (an exponent beyond an int) and the like.
            return Read.failed(Failure.Kind.MALFORMED_JSON, List.of(new Problem("$", "not valid JSON: "
                    + Echo.bounded(String.valueOf(e.getMessage()), 200))));
        }
        if (tree == null || tree.isMissingNode()) {
            return Read.failed(Failure.Kind.MALFORMED_JSON, List.of(new Problem("$", "the input is empty; it "
                    + "holds one application")));
        }
        return check(tree);
    }

    private Problem limitBroken(StreamConstraintsException e, JsonParser parser) {
        String path = pathOf(parser.getParsingContext());
        String message = String.valueOf(e.getMessage());
        if (message.contains("NestingDepth")) {
            return InputScan.depth(path, limits);
        }
        if (message.contains("MaxStringLength") || message.contains("MaxNameLength")) {
            return new Problem(path, "holds a string or field name of more than " + limits.maxStringLength()
                    + " characters (InputLimits.maxStringLength)");
        }
        if (message.contains("MaxNumberLength")) {
            return new Problem(path, "holds a number of more than " + limits.maxNumberLength()
                    + " characters (InputLimits.maxNumberLength)");
        }
        if (message.contains("DocumentLength")) {
            return InputScan.bytes(limits);
        }
        return new Problem(path, "breaks an input limit: " + Echo.bounded(message.lines().findFirst().orElse(""),
                200));
    }

    /** Where the parser was, as {@code household.members[3]}. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + Echo.name(c.getCurrentName()));
            }
        }
        parts.forEach(path::append);
        String text = path.toString();
        return text.isEmpty() ? "$" : text.startsWith(".") ? text.substring(1) : text;
    }

    private Read tooLarge() {
        return Read.failed(Failure.Kind.LIMIT_EXCEEDED, List.of(InputScan.bytes(limits)));
    }

    /**
     * The length of {@code text} in UTF-8, counted only when it could exceed the limit: a character takes at most
     * three bytes (a surrogate pair, two characters, four), so a text of up to a third of the limit's characters
     * fits whatever it holds, and most applications are spared a pass over every character.
     */
    private long utf8Length(String text) {
        if (text.length() > limits.maxBytes() || text.length() <= limits.maxBytes() / 3) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
