package uz.qaror.internal.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;

import uz.qaror.internal.json.Json;

/**
 * A catalog YAML file in JSON form, for prebuilt rules to hold. Reading a service's YAML is most of what loading
 * its prebuilt rules costs (the YAML scanner reads a character at a time); JSON of the same content reads in a
 * tenth of the time. The form is made token by token, numbers in their own text (so {@code 1.10} stays two
 * decimals), and kept only when it reads back to a value equal to what the YAML gives: a file using YAML of its own
 * (hexadecimal numbers, say) simply has no JSON form and is read as YAML.
 */
final class YamlAsJson {

    private YamlAsJson() {
    }

    /** The JSON form of a YAML file read as {@code type}; null when it has none that reads the same. */
    static byte[] convert(byte[] yaml, JavaType type) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        ByteArrayOutputStream json = new ByteArrayOutputStream(yaml.length);
        try (JsonParser in = Json.YAML.getFactory().createParser(text);
             JsonGenerator out = Json.CATALOG_JSON.getFactory().createGenerator(json)) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    out.writeNumber(in.getText());
                } else {
                    out.copyCurrentEvent(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // a broken file has no JSON form; its YAML reading reports where it breaks
        }
        Object fromYaml;
        try {
            fromYaml = Json.YAML.readValue(text, type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Object fromJson = read(json.toByteArray(), type);
        return fromYaml != null && Objects.equals(fromYaml, fromJson) ? json.toByteArray() : null;
    }

    /** The value of a file's JSON form; null when it cannot be read as {@code type}. */
    static <T> T read(byte[] json, JavaType type) {
        try {
            return Json.CATALOG_JSON.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
