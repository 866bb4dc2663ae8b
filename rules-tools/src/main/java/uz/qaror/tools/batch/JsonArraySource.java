package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/**
 * One JSON array of applications, read element by element with a streaming parser. A syntax error inside the
 * array ends the stream: the elements after it cannot be told apart, so the batch reports it and stops.
 */
final class JsonArraySource extends StreamRecordSource {

    /** Thrown when the array itself is broken; names the line and column. */
    static final class BrokenArray extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenArray(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads one element and leaves the parser on the next: trailing tokens are the rest of the array. */
    private static final com.fasterxml.jackson.databind.ObjectReader ELEMENT_READER = Json.JSON.reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private long index;
    private boolean started;

    JsonArraySource(InputStream in, CountingInputStream counting, long size) throws IOException {
        super(counting, size);
        this.parser = Json.JSON.getFactory().createParser(in);
    }

    @Override
    public InputRecord next() throws IOException {
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new BrokenArray("the input is not a JSON array", null);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode element = ELEMENT_READER.readTree(parser);
            index++;
            return new InputRecord(index, "element " + index + " (line " + line + ")",
                    Json.JSON.writeValueAsString(element));
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new BrokenArray("the JSON array is broken after element " + index
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
    }



    @Override
    public void close() throws IOException {
        parser.close();
    }
}
