package uz.qaror.internal.input;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 */
final class QuickTree {

    private final InputLimits limits;
    private final JsonNodeFactory nodes;
    private final JsonParser parser;
    /** The size {@link InputScan} estimates, counted the same way. */
    private long size;

    private QuickTree(JsonParser parser, InputLimits limits, JsonNodeFactory nodes) {
        this.parser = parser;
        this.limits = limits;
        this.nodes = nodes;
    }

    /**
     * The application's tree, or null when it must be read the general way (see the class comment); the parser is
     * opened and closed here, as closing it may find a limit broken too.
     */
    static JsonNode read(ApplicationText.ParserOpener opener, InputLimits limits, JsonNodeFactory nodes) {
        try (JsonParser parser = opener.open()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            QuickTree tree = new QuickTree(parser, limits, nodes);
            ObjectNode root = tree.object(1, null);
            if (root == null || parser.nextToken() != null || tree.size > limits.maxBytes()) {
                return null;
            }
            return root;
        } catch (IOException | RuntimeException e) {
            return null; // the general way meets the same problem and words it
        }
    }

    /** The object whose start the parser is at, at {@code depth}, the field {@code name} of its parent (or null). */
    private ObjectNode object(int depth, String name) throws IOException {
        ObjectNode object = nodes.objectNode();
        boolean empty = true;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            empty = false;
            if (!clean(field)) {
                return null;
            }
            size += field.length() + 4;
            JsonNode value = value(parser.nextToken(), depth + 1, field, name);
            if (value == null || object.replace(field, value) != null) {
                return null;
            }
        }
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            return null;
        }
        size += empty ? 2 : 1;
        return object;
    }

    /**
     * The array whose start the parser is at: the field {@code name} (null for an item) of an object that is the
     * field {@code parentName} of its own parent.
     */
    private ArrayNode array(int depth, String name, String parentName) throws IOException {
        int max = InputScan.maxItems(limits, InputScan.arrayLimit(depth, name, parentName));
        ArrayNode array = nodes.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (array.size() == max) {
                return null;
            }
            JsonNode item = value(token, depth + 1, null, name);
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
     * a container that is itself the field {@code parentName} of its own parent (null for an item or the root).
     */
    private JsonNode value(JsonToken token, int depth, String name, String parentName) throws IOException {
        if (token == null || depth > limits.maxDepth()) {
            return null;
        }
        return switch (token) {
            case START_OBJECT -> object(depth, name);
            case START_ARRAY -> array(depth, name, parentName);
            case VALUE_STRING -> text(parser.getText());
            case VALUE_NUMBER_INT -> checked(switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            });
            case VALUE_NUMBER_FLOAT -> checked(nodes.numberNode(decimal(parser.getDecimalValue())));
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                size += 4;
                yield token == JsonToken.VALUE_NULL ? nodes.nullNode()
                        : nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> null;
        };
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
