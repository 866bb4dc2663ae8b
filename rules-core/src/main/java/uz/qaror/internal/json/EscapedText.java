package uz.qaror.internal.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.SerializableString;

/**
 * A text escaped for JSON once, with Qaror's escapes, and copied as it is wherever it is written after that (see
 * {@link EscapedTexts}). Only for texts without surrogates: a byte generator escapes a lone one that a character
 * generator writes as it is, so one escaped form could not serve both.
 */
final class EscapedText implements SerializableString {

    private final String value;
    private final char[] escaped;
    /** Made when first asked for: decisions are written as characters, streams of bytes are rare. */
    private volatile byte[] escapedUtf8;

    EscapedText(String value) {
        if (!suits(value)) {
            throw new IllegalArgumentException("a text with a surrogate is written as any other");
        }
        String escapedValue = escape(value);
        this.value = value;
        this.escaped = escapedValue.toCharArray();
    }

    /** Whether a text can be escaped once: whether it has no surrogate. */
    static boolean suits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text as Qaror's mapper writes it inside quotes: one home for the escapes ({@link OutputEscapes}). */
    private static String escape(String text) {
        String quoted = DecisionJson.text(generator -> generator.writeString(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private byte[] utf8() {
        byte[] bytes = escapedUtf8;
        if (bytes == null) {
            bytes = new String(escaped).getBytes(StandardCharsets.UTF_8);
            escapedUtf8 = bytes;
        }
        return bytes;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        // A token buffer (a decision written as a tree) reads a value it holds by its toString.
        return value;
    }

    @Override
    public int charLength() {
        return value.length();
    }

    @Override
    public char[] asQuotedChars() {
        return escaped.clone();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] asQuotedUTF8() {
        return utf8().clone();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(utf8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        int length = escaped.length;
        if (offset + length > buffer.length) {
            return -1;
        }
        System.arraycopy(escaped, 0, buffer, offset, length);
        return length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(asUnquotedUTF8(), buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        int length = value.length();
        if (offset + length > buffer.length) {
            return -1;
        }
        value.getChars(0, length, buffer, offset);
        return length;
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] bytes = utf8();
        out.write(bytes);
        return bytes.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        byte[] bytes = asUnquotedUTF8();
        out.write(bytes);
        return bytes.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(utf8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(asUnquotedUTF8(), buffer);
    }

    /** Jackson's contract: -1 when the bytes do not fit, and nothing written. */
    private static int copy(byte[] bytes, byte[] buffer, int offset) {
        if (offset + bytes.length > buffer.length) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
        if (bytes.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(bytes);
        return bytes.length;
    }
}
