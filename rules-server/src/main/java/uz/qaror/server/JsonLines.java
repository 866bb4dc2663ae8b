package uz.qaror.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small edits of serialised JSON objects, so that a line made by the batch machinery need not be parsed again. */
final class JsonLines {

    private JsonLines() {
    }

    /** The object {@code line} with {@code "decisionId"} as its first member. */
    static String withDecisionId(String line, String decisionId) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            throw new IllegalArgumentException("not a JSON object: " + line);
        }
        String member = "{\"decisionId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(decisionId))
                + "\"";
        String rest = line.substring(1).stripLeading();
        return rest.startsWith("}") ? member + rest : member + "," + rest;
    }
}
