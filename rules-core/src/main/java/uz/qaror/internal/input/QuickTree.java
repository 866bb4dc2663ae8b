package uz.qaror.internal.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.InputLimits;

/**
 * An application's tree built straight from the parser, with what {@link InputScan} checks of a tree checked as
 * each value is made: the usual application (clean, within every limit) is then neither bound through Jackson's
 * general tree deserializer nor walked a second time (the walk was a fifth of the profile's samples of
 * reading the text).
 *
 * <p>A sufficient path, as the quick schema check is: it gives a tree only when that tree is the one
 * {@code ObjectReader.readTree} makes of the input (with {@code FAIL_ON_READING_DUP_TREE_KEY},
 * {@code FAIL_ON_TRAILING_TOKENS} and {@code USE_BIG_DECIMAL_FOR_FLOATS}) and the scan finds nothing wrong in it.
 * For anything else (not JSON, a field named twice, a value after the application, a root that is not an object,
 * a broken limit, a forbidden character, a number out of bounds) it gives null, and the input is read the general
 * way, which says what is wrong and where.
 *
 * <p>Given the schemas of services' applications, it also follows the schema of the service the application names
 * as the tree is built ({@link TreeSchema}): each value is asked of the schema of its place as it is made, so the
 * tree need not be walked again to be checked (that walk was a fifth of reading an application). A tree the schema
 * vouched for is one the quick schema check would vouch for too; any other is checked as before.
 */
final class QuickTree {

    private final InputLimits limits;
    private final JsonNodeFactory nodes;
    private final JsonParser parser;
    /** The size {@link InputScan} estimates, counted the same way. */
    private long size;
    /** The schemas of services' applications by id (null: none is followed). */
    private final Function<String, TreeSchema> schemas;
    /** The schema of the root, once its service is read and has one. */
    private TreeSchema rootSchema;
    /** Whether every value asked of its schema so far satisfied it; once not, no more are asked. */
    private boolean schemaHolds = true;

    private QuickTree(JsonParser parser, InputLimits limits, JsonNodeFactory nodes,
                      Function<String, TreeSchema> schemas) {
        this.parser = parser;
        this.limits = limits;
        this.nodes = nodes;
        this.schemas = schemas;
    }

    /**
     * The application's tree, or none when it must be read the general way (see the class comment), and the schema
     * that vouches for it: once the root's {@code service} is read, {@code schemas} gives that service's schema (or
     * null), which each value is then asked of as it is made (and those made before, whole). The parser is opened and
     * closed here, as closing it may find a limit broken too.
     *
     * @param schemas the schema of a service's applications by its id (null for a service without one), or null to
     *                follow none
     * @return the tree and the schema that vouched for it (null when none did); null when there is no quick tree
     */
    static Built read(ApplicationText.ParserOpener opener, InputLimits limits, JsonNodeFactory nodes,
                      Function<String, TreeSchema> schemas) {
        try (JsonParser parser = opener.open()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            QuickTree tree = new QuickTree(parser, limits, nodes, schemas);
            ObjectNode root = tree.object(1, null, null);
            if (root == null || parser.nextToken() != null || tree.size > limits.maxBytes()) {
                return null;
            }
            return new Built(root, tree.schemaHolds ? tree.rootSchema : null);
        } catch (IOException | RuntimeException e) {
            return null; // the general way meets the same problem and words it
        }
    }

    /** A tree built the quick way, and the schema that vouched for it as it was built (or null). */
    record Built(ObjectNode tree, TreeSchema vouchedBy) {
    }

    /**
     * The object whose start the parser is at, at {@code depth}, the field {@code name} of its parent (or null),
     * each field asked of {@code schema} (null: none).
     */
    private ObjectNode object(int depth, String name, TreeSchema schema) throws IOException {
        ObjectNode object = nodes.objectNode();
        boolean empty = true;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            empty = false;
            if (!clean(field)) {
                return null;
            }
            size += field.length() + 4;
            TreeSchema fieldSchema = null;
            if (schema != null && schemaHolds) {
                fieldSchema = schema.field(field);
                schemaHolds = fieldSchema != null;
            }
            JsonNode value = value(parser.nextToken(), depth + 1, field, name, fieldSchema);
            if (value == null || object.replace(field, value) != null) {
                return null;
            }
            if (depth == 1 && schema == null && field.equals("service")) {
                schema = rootSchemaOf(object, value);
            }
        }
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            return null;
        }
        if (schema != null && schemaHolds) {
            schemaHolds = schema.completes(object);
        }
        size += empty ? 2 : 1;
        return object;
    }

    /**
     * The schema of the root, whose {@code service} was just read: the fields read before it (and the service's
     * own) are asked of it whole, those after it as they are made. Null when there is none to follow.
     */
    private TreeSchema rootSchemaOf(ObjectNode root, JsonNode service) {
        TreeSchema schema = schemas == null || !service.isTextual() ? null : schemas.apply(service.textValue());
        if (schema == null || schema.checksWhole() || !schema.allowsObject()) {
            return null;
        }
        rootSchema = schema;
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext() && schemaHolds; ) {
            Map.Entry<String, JsonNode> field = fields.next();
            TreeSchema fieldSchema = schema.field(field.getKey());
            schemaHolds = fieldSchema != null && fieldSchema.accepts(field.getValue());
        }
        return schema;
    }

    /**
     * The array whose start the parser is at: the field {@code name} (null for an item) of an object that is the
     * field {@code parentName} of its own parent; each item asked of {@code items} (null: none).
     */
    private ArrayNode array(int depth, String name, String parentName, TreeSchema items) throws IOException {
        int max = InputScan.maxItems(limits, InputScan.arrayLimit(depth, name, parentName));
        ArrayNode array = nodes.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (array.size() == max) {
                return null;
            }
            JsonNode item = value(token, depth + 1, null, name, schemaHolds ? items : null);
            if (item == null) {
                return null;
            }
            size++;
            array.add(item);
        }
        size += array.isEmpty() ? 2 : 1;
        return array;
    }

    /**
     * The value whose first token is {@code token}, at {@code depth}: the field {@code name} (null for an item) of
     * a container that is itself the field {@code parentName} of its own parent (null for an item or the root),
     * asked of {@code schema} (null: none).
     */
    private JsonNode value(JsonToken token, int depth, String name, String parentName, TreeSchema schema)
            throws IOException {
        if (token == null || depth > limits.maxDepth()) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return container(token, depth, name, parentName, schema);
        }
        JsonNode scalar;
        JsonNodeType type;
        switch (token) {
            case VALUE_STRING -> {
                scalar = text(parser.getText());
                type = JsonNodeType.STRING;
            }
            case VALUE_NUMBER_INT -> {
                scalar = checked(switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                });
                type = JsonNodeType.NUMBER;
            }
            case VALUE_NUMBER_FLOAT -> {
                scalar = checked(nodes.numberNode(decimal(parser.getDecimalValue())));
                type = JsonNodeType.NUMBER;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                size += 4;
                scalar = nodes.booleanNode(token == JsonToken.VALUE_TRUE);
                type = JsonNodeType.BOOLEAN;
            }
            case VALUE_NULL -> {
                size += 4;
                scalar = nodes.nullNode();
                type = JsonNodeType.NULL;
            }
            default -> {
                return null;
            }
        }
        if (scalar != null && schema != null) {
            // the type is the token's: the node need not be asked it
            schemaHolds = schema.accepts(scalar, type);
        }
        return scalar;
    }

    /**
     * An object or an array, followed field by field or item by item when its schema allows, else asked of its
     * schema whole once built.
     */
    private JsonNode container(JsonToken token, int depth, String name, String parentName, TreeSchema schema)
            throws IOException {
        boolean object = token == JsonToken.START_OBJECT;
        boolean followed = schema != null && !schema.checksWhole();
        if (followed && !(object ? schema.allowsObject() : schema.allowsArray())) {
            schemaHolds = false;
            followed = false;
        }
        JsonNode container = object ? object(depth, name, followed ? schema : null)
                : array(depth, name, parentName, followed ? schema.item() : null);
        if (container != null && schema != null && !followed && schemaHolds) {
            schemaHolds = schema.accepts(container);
        }
        return container;
    }

    private JsonNode text(String text) {
        if (!clean(text)) {
            return null;
        }
        size += text.length() + 2;
        return nodes.textNode(text);
    }

    /** A string or field name within the length limit and without a forbidden character, as the scan wants them. */
    private boolean clean(String text) {
        return text.length() <= limits.maxStringLength() && Characters.firstForbidden(text) < 0;
    }

    private JsonNode checked(JsonNode number) {
        long length = InputScan.numberLength(number);
        if (length > limits.maxNumberLength() || Numbers.problem(number) != null) {
            return null;
        }
        size += length;
        return number;
    }

    /** A fraction as Jackson's tree holds it: without trailing zeros, when the node factory strips them. */
    private BigDecimal decimal(BigDecimal value) {
        if (!nodes.willStripTrailingBigDecimalZeroes()) {
            return value;
        }
        try {
            return value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return value; // Jackson keeps a value whose scale would overflow as it is
        }
    }
}
