package uz.qaror.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The project's mappers: JSON for applications and decisions, YAML for the files policy teams edit, and those
 * files' JSON form in prebuilt rules.
 */
public final class Json {

    /**
     * Strict JSON: duplicate keys and trailing tokens are errors, not silently resolved. What it writes never holds
     * a character that an application may not (see {@link OutputEscapes}).
     */
    public static final ObjectMapper JSON = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new OutputEscapes())
                    // a character beyond U+FFFF (an emoji in a name) written as itself in UTF-8, as text has it
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
            .addModule(new JavaTimeModule())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static final ObjectMapper YAML = catalogFiles(YAMLMapper.builder()).build();

    /**
     * The catalog's YAML files in the JSON form that prebuilt rules hold them in (parsed once, when the rules were
     * prebuilt): read with the YAML mapper's settings, so that a file gives the same values either way.
     */
    public static final ObjectMapper CATALOG_JSON = catalogFiles(JsonMapper.builder()).build();

    /** How the catalog's files are read, whichever form they are in. */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B catalogFiles(B builder) {
        return builder.addModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * A reader of applications as strict as {@link #JSON}, under the given limits (depth, string, name, number and
     * document length). A duplicate key is found as the tree is built, when a field replaces another
     * ({@code FAIL_ON_READING_DUP_TREE_KEY}): the parser's own detection keeps a set of the names of every object of
     * more than two fields, a quarter of the bytes of reading an application. Its message names a Java setting, which
     * {@code ApplicationText} leaves out.
     */
    public static ObjectReader applicationReader(StreamReadConstraints constraints) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build()
                .reader();
    }

    private Json() {
    }
}
