package uz.qaror.server;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small edits of serialised JSON objects, so that a line made by the batch machinery need not be parsed again. */
final class JsonLines {

    private JsonLines() {
    }

    /** The object {@code line} with {@code "decisionId"} as its first member. */
    static String withDecisionId(String line, String decisionId) {
        int rest = afterOpeningBrace(line.length(), i -> line.charAt(i));
        return member(decisionId) + (line.charAt(rest) == '}' ? "" : ",") + line.substring(rest);
    }

    /**
     * The object {@code utf8Line} (UTF-8, as a batch's workers write records) with {@code "decisionId"} as its first
     * member, as UTF-8: the record is not decoded to text and encoded again to be written.
     */
    static byte[] withDecisionId(byte[] utf8Line, String decisionId) {
        int rest = afterOpeningBrace(utf8Line.length, i -> (char) utf8Line[i]);
        byte[] member = (member(decisionId) + (utf8Line[rest] == '}' ? "" : ",")).getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[member.length + utf8Line.length - rest];
        System.arraycopy(member, 0, line, 0, member.length);
        System.arraycopy(utf8Line, rest, line, member.length, utf8Line.length - rest);
        return line;
    }

    /** The members' start of an object: the decision id, quoted. */
    private static String member(String decisionId) {
        return "{\"decisionId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(decisionId)) + "\"";
    }

    /** A character of a line by its index. */
    private interface Characters {
        char at(int index);
    }

    /** Where an object's first member (or its closing brace) starts, past its opening brace and white space. */
    private static int afterOpeningBrace(int length, Characters line) {
        if (length == 0 || line.at(0) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        int at = 1;
        while (at < length && Character.isWhitespace(line.at(at))) {
            at++;
        }
        if (at == length) {
            throw new IllegalArgumentException("not a JSON object: no closing brace");
        }
        return at;
    }
}
