package uz.qaror.internal.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;

import uz.qaror.Diagnostic;
import uz.qaror.internal.input.Echo;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.json.YamlPositions;

/** Reads a YAML file of the catalog, turning parse errors into diagnostics that point at the line. */
final class YamlFiles {

    private YamlFiles() {
    }

    static <T> T read(byte[] content, String displayName, JavaType type) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            T value = Json.YAML.readValue(text, type);
            if (value == null) {
                throw new CatalogException(Diagnostic.error(displayName, 1, 1, "the file is empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                // A value bound to a record is checked after the parser has read on, to the end of the file: its
                // place comes from the parser's positions of the text, by the value's path.
                YamlPositions.Position where = YamlPositions.parse(text).at(mapping);
                throw new CatalogException(Diagnostic.error(displayName, where.line(), where.column(), explain(e)));
            }
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            int column = where == null ? 0 : where.getColumnNr();
            // A file's content may appear in a parser's message: an excerpt at most, escaped.
            throw new CatalogException(Diagnostic.error(displayName, line, column, Echo.bounded(explain(e), 300)));
        } catch (IOException e) {
            throw new CatalogException(Diagnostic.error(displayName, 0, 0, "cannot read: "
                    + e.getClass().getSimpleName()));
        }
    }

    private static String explain(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'; known keys: " + unknown.getKnownPropertyIds();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException invalid
                && invalid.getCause() != null) {
            // A value's own check (e.g. regimes out of order) says what is wrong; Jackson's wrapper adds nothing.
            return invalid.getCause().getMessage() + path(invalid);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException bad) {
            return Echo.quote(String.valueOf(bad.getValue())) + " is not a valid " + bad.getTargetType().getSimpleName()
                    + path(bad);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            return "wrong type" + path(mismatch) + ": " + firstLine(mismatch.getOriginalMessage());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at '" + path + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
