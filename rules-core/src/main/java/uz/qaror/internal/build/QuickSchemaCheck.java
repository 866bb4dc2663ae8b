package uz.qaror.internal.build;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.input.TreeSchema;

/**
 * A sufficient test of validity against a JSON schema, walking the document rather than the schema: when it says
 * yes, the full validator says yes too; when it says no, the full validator decides (and explains). Most
 * applications are valid, and networknt's yes costs about a quarter of a decision because it looks up every
 * property the schema declares in every object, present or not.
 *
 * <p>It understands only the keywords of Qaror's application schemas; a schema using any other gets no quick
 * test at all ({@link #of} is empty). Where two readings of a keyword could differ (an integer written
 * {@code 1.0}, a length counted in code points or in UTF-16 units, a number beyond a double), it answers no and
 * leaves the question to the full validator, so it can only be stricter, never looser.
 */
final class QuickSchemaCheck {

    /** Keywords that constrain nothing (annotations) or that are read through another ($defs through $ref). */
    private static final Set<String> IGNORED = Set.of("$schema", "$id", "title", "description", "$comment", "$defs");

    private final Node root;

    private QuickSchemaCheck(Node root) {
        this.root = root;
    }

    /** The quick test of a schema, or none when the schema uses a keyword it does not understand. */
    static Optional<QuickSchemaCheck> of(JsonNode schema) {
        try {
            return Optional.of(new QuickSchemaCheck(new Compiler(schema).compile(schema)));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** True only when the document certainly satisfies the schema. */
    boolean certainlyValid(JsonNode document) {
        return root.accepts(document);
    }

    /** The same test, followed as a tree is built. */
    TreeSchema treeSchema() {
        return root;
    }

    /** A double or float that is infinite or not a number, which has no decimal value to compare. */
    private static boolean notFinite(JsonNode number) {
        return (number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue());
    }

    /** A schema construct outside what the quick test understands. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Compiler {
        private final JsonNode rootSchema;
        private final Map<String, Node> definitions = new HashMap<>();

        Compiler(JsonNode rootSchema) {
            this.rootSchema = rootSchema;
        }

        Node compile(JsonNode schema) throws Unsupported {
            if (!schema.isObject()) {
                throw new Unsupported();
            }
            Node node = new Node();
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String keyword = field.getKey();
                if (IGNORED.contains(keyword)) {
                    continue;
                }
                read(node, keyword, field.getValue()); // any other keyword: Unsupported
            }
            node.boundsAsLongs();
            node.markRequired();
            node.markPureReference();
            return node;
        }

        /** One keyword into the node; a keyword not handled here is {@link Unsupported}. */
        private void read(Node node, String keyword, JsonNode value) throws Unsupported {
            switch (keyword) {
                case "type" -> node.types = types(value);
                case "required" -> node.required = strings(value);
                case "additionalProperties" -> {
                    if (!value.isBoolean()) {
                        throw new Unsupported();
                    }
                    node.closed = !value.booleanValue();
                }
                case "properties" -> {
                    if (!value.isObject()) {
                        throw new Unsupported();
                    }
                    node.properties = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = it.next();
                        node.properties.put(property.getKey(), new Property(compile(property.getValue()), false));
                    }
                }
                case "items" -> node.items = compile(value);
                case "$ref" -> node.reference = reference(value);
                case "enum" -> {
                    if (!value.isArray()) {
                        throw new Unsupported();
                    }
                    node.allowedTexts = new HashSet<>();
                    node.allowedOthers = new HashSet<>();
                    for (JsonNode allowed : value) {
                        if (allowed.isTextual()) {
                            node.allowedTexts.add(allowed.textValue());
                        } else {
                            node.allowedOthers.add(allowed);
                        }
                    }
                }
                case "minLength" -> node.minLength = count(value);
                case "maxLength" -> node.maxLength = count(value);
                case "pattern" -> {
                    try {
                        node.pattern = Pattern.compile(value.textValue());
                    } catch (PatternSyntaxException | NullPointerException e) {
                        throw new Unsupported();
                    }
                }
                case "minimum" -> node.minimum = bound(value);
                case "maximum" -> node.maximum = bound(value);
                default -> throw new Unsupported();
            }
        }

        /** Only references into this schema's own $defs, each compiled once. */
        private Node reference(JsonNode value) throws Unsupported {
            String ref = value.textValue();
            if (ref == null || !ref.startsWith("#/$defs/") || ref.indexOf('/', 8) >= 0 || ref.indexOf('~') >= 0) {
                throw new Unsupported();
            }
            String name = ref.substring(8);
            if (definitions.containsKey(name)) {
                Node known = definitions.get(name);
                if (known == null) {
                    // a definition that refers to itself: the quick test does not follow recursion
                    throw new Unsupported();
                }
                return known;
            }
            JsonNode definition = rootSchema.path("$defs").get(name);
            if (definition == null) {
                throw new Unsupported();
            }
            definitions.put(name, null);
            Node compiled = compile(definition);
            definitions.put(name, compiled);
            return compiled;
        }

        private static int types(JsonNode value) throws Unsupported {
            if (value.isTextual()) {
                return type(value.textValue());
            }
            if (!value.isArray() || value.isEmpty()) {
                throw new Unsupported();
            }
            int mask = 0;
            for (JsonNode type : value) {
                if (!type.isTextual()) {
                    throw new Unsupported();
                }
                mask |= type(type.textValue());
            }
            return mask;
        }

        private static int type(String name) throws Unsupported {
            return switch (name) {
                case "null" -> Node.NULL;
                case "boolean" -> Node.BOOLEAN;
                case "object" -> Node.OBJECT;
                case "array" -> Node.ARRAY;
                case "number" -> Node.NUMBER;
                case "integer" -> Node.INTEGER;
                case "string" -> Node.STRING;
                default -> throw new Unsupported();
            };
        }

        private static List<String> strings(JsonNode value) throws Unsupported {
            if (!value.isArray()) {
                throw new Unsupported();
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : value) {
                if (!name.isTextual()) {
                    throw new Unsupported();
                }
                names.add(name.textValue());
            }
            return List.copyOf(names);
        }

        private static int count(JsonNode value) throws Unsupported {
            if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < 0) {
                throw new Unsupported();
            }
            return value.intValue();
        }

        private static BigDecimal bound(JsonNode value) throws Unsupported {
            if (!value.isNumber() || notFinite(value)) {
                throw new Unsupported();
            }
            return value.decimalValue();
        }
    }

    /** A declared property: its schema, and whether the object that declares it requires it. */
    private record Property(Node schema, boolean required) {
    }

    /**
     * One schema, compiled: each constraint null (or -1, or 0 for types) when the schema does not have it. As a
     * {@link TreeSchema} it asks of each value what {@link #accepts} asks of it in the tree.
     */
    private static final class Node implements TreeSchema {
        /** The schema without constraints: what a field that is not declared (in an open object) satisfies. */
        static final Node ANYTHING = new Node();

        static final int NULL = 1;
        static final int BOOLEAN = 2;
        static final int OBJECT = 4;
        static final int ARRAY = 8;
        static final int NUMBER = 16;
        static final int INTEGER = 32;
        static final int STRING = 64;

        int types;
        List<String> required;
        boolean closed;
        Map<String, Property> properties;
        /** How many of the required names are declared properties (counted while an object's fields are read). */
        int requiredDeclared;
        /** The required names that are not declared properties (looked up in the object). */
        String[] requiredElsewhere = {};
        /** Every required name once. */
        String[] requiredNames = {};
        Node items;
        Node reference;
        /** Whether the schema is a reference and nothing else: then a value satisfies it as it satisfies that one. */
        boolean pureReference;
        /** The strings an enum allows: a string value is allowed exactly when its text is one of them. */
        Set<String> allowedTexts;
        /**
         * The other values an enum allows (numbers, null...), as a set: equal nodes hash alike, so it holds a value
         * exactly when a list of them would (a person's disability group was looked for in a list, item by item).
         */
        Set<JsonNode> allowedOthers;
        int minLength = -1;
        int maxLength = -1;
        Pattern pattern;
        BigDecimal minimum;
        BigDecimal maximum;
        /**
         * Whether every bound there is is a whole number a long holds; then these are the bounds (or none: the ends).
         */
        boolean boundsAreLongs = true;
        long minimumLong = Long.MIN_VALUE;
        long maximumLong = Long.MAX_VALUE;

        /** Splits the required names into declared properties, marked as such, and the rest, once all are read. */
        void markRequired() {
            if (required == null) {
                return;
            }
            List<String> elsewhere = new ArrayList<>();
            requiredNames = new LinkedHashSet<>(required).toArray(String[]::new);
            for (String name : requiredNames) {
                Property property = properties == null ? null : properties.get(name);
                if (property == null) {
                    elsewhere.add(name);
                } else {
                    properties.put(name, new Property(property.schema(), true));
                    requiredDeclared++;
                }
            }
            requiredElsewhere = elsewhere.toArray(String[]::new);
        }

        void markPureReference() {
            pureReference = reference != null && types == 0 && required == null && !closed && properties == null
                    && items == null && allowedTexts == null && minLength < 0 && maxLength < 0 && pattern == null
                    && minimum == null && maximum == null;
        }

        /** The schema a value of this one is followed by: the one referred to, when this is only a reference. */
        Node followed() {
            return pureReference ? reference.followed() : this;
        }

        /** The bounds as longs, once all keywords are read: a long compares with a whole bound as the decimal would. */
        void boundsAsLongs() {
            try {
                minimumLong = minimum == null ? Long.MIN_VALUE : minimum.longValueExact();
                maximumLong = maximum == null ? Long.MAX_VALUE : maximum.longValueExact();
            } catch (ArithmeticException fractionalOrBeyondALong) {
                boundsAreLongs = false;
            }
        }

        @Override
        public boolean checksWhole() {
            return reference != null || allowedTexts != null;
        }

        @Override
        public boolean allowsObject() {
            return types == 0 || (types & OBJECT) != 0;
        }

        @Override
        public boolean allowsArray() {
            return types == 0 || (types & ARRAY) != 0;
        }

        @Override
        public TreeSchema field(String name) {
            Property property = properties == null ? null : properties.get(name);
            if (property != null) {
                return property.schema().followed();
            }
            return closed ? null : ANYTHING;
        }

        @Override
        public TreeSchema item() {
            return items == null ? ANYTHING : items.followed();
        }

        @Override
        public boolean completes(ObjectNode object) {
            for (String name : requiredNames) {
                if (object.get(name) == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean accepts(JsonNode value) {
            // the node's type asked once: each question of a node is a call the JIT cannot inline, as a tree holds
            // nodes of many classes
            return accepts(value, value.getNodeType());
        }

        @Override
        public boolean accepts(JsonNode value, JsonNodeType type) {
            if (types != 0 && !ofType(type, value)) {
                return false;
            }
            if (allowedTexts != null && !(type == JsonNodeType.STRING ? allowedTexts.contains(value.textValue())
                    : allowedOthers.contains(value))) {
                return false;
            }
            if (reference != null && !reference.accepts(value)) {
                return false;
            }
            return switch (type) {
                case STRING -> acceptsText(value.textValue());
                case NUMBER -> acceptsNumber(value);
                case OBJECT -> acceptsObject(value);
                case ARRAY -> acceptsArray(value);
                case NULL, BOOLEAN -> true;
                default -> false;
            };
        }

        private boolean ofType(JsonNodeType type, JsonNode value) {
            return switch (type) {
                case NULL -> (types & NULL) != 0;
                case BOOLEAN -> (types & BOOLEAN) != 0;
                case OBJECT -> (types & OBJECT) != 0;
                case ARRAY -> (types & ARRAY) != 0;
                case STRING -> (types & STRING) != 0;
                // 1.0 is an integer to some readings and not to others: only integral nodes are certain
                case NUMBER -> (types & NUMBER) != 0 || ((types & INTEGER) != 0 && value.isIntegralNumber());
                default -> false;
            };
        }

        private boolean acceptsText(String text) {
            if (minLength >= 0 || maxLength >= 0) {
                // both counts within the bounds, whichever one the full validator uses
                int units = text.length();
                int codePoints = text.codePointCount(0, units);
                if (minLength >= 0 && Math.min(units, codePoints) < minLength) {
                    return false;
                }
                if (maxLength >= 0 && Math.max(units, codePoints) > maxLength) {
                    return false;
                }
            }
            return pattern == null || pattern.matcher(text).find();
        }

        private boolean acceptsNumber(JsonNode value) {
            if (minimum == null && maximum == null) {
                return true;
            }
            if (notFinite(value)) {
                return false;
            }
            if ((value.isInt() || value.isLong()) && boundsAreLongs) {
                // most numbers are whole and their bounds too: compared as longs, without a BigDecimal each
                long number = value.longValue();
                return number >= minimumLong && number <= maximumLong;
            }
            BigDecimal number = value.decimalValue();
            return (minimum == null || number.compareTo(minimum) >= 0)
                    && (maximum == null || number.compareTo(maximum) <= 0);
        }

        private boolean acceptsObject(JsonNode value) {
            for (int i = 0; i < requiredElsewhere.length; i++) {
                if (value.get(requiredElsewhere[i]) == null) {
                    return false;
                }
            }
            if (properties == null) {
                return !closed || value.isEmpty();
            }
            // A required property among the declared ones is counted as the fields go by, not looked up: an
            // object's names are distinct, so it has them all when it has as many as are required.
            int requiredSeen = 0;
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Property property = properties.get(field.getKey());
                if (property == null) {
                    if (closed) {
                        return false;
                    }
                } else if (!property.schema().accepts(field.getValue())) {
                    return false;
                } else if (property.required()) {
                    requiredSeen++;
                }
            }
            return requiredSeen == requiredDeclared;
        }

        private boolean acceptsArray(JsonNode value) {
            if (items == null) {
                return true;
            }
            for (JsonNode item : value) {
                if (!items.accepts(item)) {
                    return false;
                }
            }
            return true;
        }
    }
}
