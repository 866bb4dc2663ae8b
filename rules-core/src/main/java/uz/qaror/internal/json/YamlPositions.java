package uz.qaror.internal.json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Where each value of a YAML document is written, as the YAML parser reports it: for every JSON Pointer, the line
 * and column of its first token (for a member of a mapping, its key). Diagnostics about a value read from YAML
 * point at the line the author can open, also when the value was read into an object long after the parser
 * passed it (Jackson then reports the end of the document).
 */
public final class YamlPositions {

    /** A place in the text: 1-based line and column. */
    public record Position(int line, int column) {
    }

    private static final Position START = new Position(1, 1);

    private final Map<JsonPointer, Position> positions;

    private YamlPositions(Map<JsonPointer, Position> positions) {
        this.positions = positions;
    }

    /**
     * The positions of a YAML text; as far as it parses, when it does not (the parse error has its own place).
     */
    public static YamlPositions parse(String yaml) {
        Map<JsonPointer, Position> positions = new HashMap<>();
        try (JsonParser parser = Json.YAML.getFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // A container's own context is the one it opens; its place is in the context holding it.
                JsonStreamContext holder = token.isStructStart() ? context.getParent() : context;
                JsonPointer pointer = holder == null ? JsonPointer.empty() : holder.pathAsPointer();
                JsonLocation where = parser.currentTokenLocation();
                positions.putIfAbsent(pointer, new Position(where.getLineNr(), where.getColumnNr()));
            }
        } catch (IOException e) {
            // Keep the positions read so far; the reader of the document reports the error itself.
        }
        return new YamlPositions(positions);
    }

    /** The position of a value, or of the nearest enclosing value written in the text; 1:1 at worst. */
    public Position at(JsonPointer pointer) {
        for (JsonPointer at = pointer; at != null; at = at.head()) {
            Position position = positions.get(at);
            if (position != null) {
                return position;
            }
            if (at.matches()) {
                break;
            }
        }
        return START;
    }

    /** The position of a value by its pointer text, such as {@code /cases/3/name}. */
    public Position at(String pointer) {
        return at(JsonPointer.compile(pointer));
    }

    /** The position of the value a mapping exception is about: its path, as far as the text has it. */
    public Position at(JsonMappingException error) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference reference : error.getPath()) {
            pointer = reference.getFieldName() != null ? pointer.appendProperty(reference.getFieldName())
                    : pointer.appendIndex(Math.max(reference.getIndex(), 0));
        }
        return at(pointer);
    }
}
