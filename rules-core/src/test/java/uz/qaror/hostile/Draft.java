package uz.qaror.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An application being damaged: first its tree, then its serialised bytes. Knows the seed it came from (so that
 * a wrong type is chosen against the field's real type) and the catalog's services and form fields.
 */
final class Draft {

    /** Every place below the root. */
    static final Predicate<Slot> ANY_BELOW_ROOT = slot -> true;
    /** Places that hold a string. */
    static final Predicate<Slot> STRINGS = slot -> slot.get() != null && slot.get().isTextual();
    /** Places that hold a number. */
    static final Predicate<Slot> NUMBERS = slot -> slot.get() != null && slot.get().isNumber();
    /** Fields of objects (which have a name to damage). */
    static final Predicate<Slot> OBJECT_FIELDS = slot -> slot.name() != null;

    /** Writes whatever the generator builds: huge numbers as they are, deep trees without complaint. */
    private static final ObjectMapper WRITER = JsonMapper.builder().build();

    /** Places whose value in the seed is not null: every known field has one JSON type besides null. */
    final Predicate<Slot> seedValues = slot -> {
        JsonNode seed = seedValue(slot);
        return seed != null && !seed.isNull() && !seed.isMissingNode();
    };
    static final Predicate<Slot> SEED_VALUES = slot -> true; // marker: resolved by pick() against the seed

    private final JsonNode seed;
    private final List<String> serviceIds;
    private final Map<String, Map<String, String>> formFields;
    private JsonNode root;
    private byte[] bytes;
    private final Deque<String> markers = new ArrayDeque<>();
    private int nextMarker;

    Draft(JsonNode seed, List<String> serviceIds, Map<String, Map<String, String>> formFields) {
        this.seed = seed;
        this.root = seed.deepCopy();
        this.serviceIds = serviceIds;
        this.formFields = formFields;
    }

    JsonNode root() {
        return root;
    }

    List<String> serviceIds() {
        return serviceIds;
    }

    void replaceRoot(JsonNode value) {
        root = value;
    }

    /** The seed's value at a slot's path, or null where the seed has none. */
    JsonNode seedValue(Slot slot) {
        JsonNode node = seed;
        for (String part : slot.path().split("\\.")) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            if (!field.isEmpty()) {
                node = node.path(field);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.path(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node.isMissingNode() ? null : node;
    }

    /** A random place matching the filter, if any. */
    Optional<Slot> pick(SplittableRandom random, Predicate<Slot> filter) {
        Predicate<Slot> effective = filter == SEED_VALUES ? seedValues : filter;
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        slots.removeIf(effective.negate());
        return slots.isEmpty() ? Optional.empty() : Optional.of(slots.get(random.nextInt(slots.size())));
    }

    /** A random place matching the filter or, when there is none, a new field of the root (unknown: invalid). */
    Slot pickOrAdd(SplittableRandom random, Predicate<Slot> filter) {
        return pick(random, filter).orElseGet(() -> {
            ObjectNode object = object(null);
            String name = "added" + random.nextInt(1000);
            object.put(name, "x");
            return Slot.field(object, name, name);
        });
    }

    /** The object at a top-level field (the root itself for null), made an object if it is not one. */
    ObjectNode object(String field) {
        if (!(root instanceof ObjectNode)) {
            root = WRITER.createObjectNode();
        }
        ObjectNode top = (ObjectNode) root;
        if (field == null) {
            return top;
        }
        return top.get(field) instanceof ObjectNode existing ? existing : top.putObject(field);
    }

    /** A random object element of an array at {@code path} (root fields), made where missing. */
    ObjectNode element(SplittableRandom random, String... path) {
        ObjectNode parent = object(path.length == 1 ? null : path[0]);
        String last = path[path.length - 1];
        ArrayNode array = parent.get(last) instanceof ArrayNode existing ? existing : parent.putArray(last);
        List<ObjectNode> objects = new ArrayList<>();
        array.forEach(e -> {
            if (e instanceof ObjectNode o) {
                objects.add(o);
            }
        });
        return objects.isEmpty() ? array.addObject() : objects.get(random.nextInt(objects.size()));
    }

    /**
     * A form field of the current service declared with {@code type} (any type for null), or an undeclared name
     * when it declares none (an undeclared form field is invalid in itself).
     */
    String formField(SplittableRandom random, String type) {
        Map<String, String> fields = formFields.getOrDefault(root.path("service").asText(""), Map.of());
        List<String> names = fields.entrySet().stream()
                .filter(e -> type == null || type.equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
        return names.isEmpty() ? "undeclaredField" : names.get(random.nextInt(names.size()));
    }

    /** Puts a marker into a random string (inside it, or as the whole value) for a byte-level mutation. */
    void placeMarker(SplittableRandom random, Mutation.Marker kind) {
        String marker = "~~MARK" + nextMarker++ + "~~";
        markers.add(marker);
        Slot slot = pickOrAdd(random, STRINGS);
        if (kind == Mutation.Marker.WHOLE) {
            slot.set(WRITER.getNodeFactory().textNode(marker));
        } else {
            String text = slot.get().asText();
            int at = random.nextInt(text.length() + 1);
            slot.set(WRITER.getNodeFactory().textNode(text.substring(0, at) + marker + text.substring(at)));
        }
    }

    void serialise() {
        try {
            bytes = WRITER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a hostile application", e);
        }
    }

    byte[] bytes() {
        return bytes;
    }

    /** Replaces the next marker with raw bytes (inside its string); without a marker, puts them first. */
    void replaceMarker(SplittableRandom random, byte[] replacement) {
        String marker = markers.poll();
        byte[] needle = marker == null ? null : marker.getBytes(StandardCharsets.UTF_8);
        int at = needle == null ? -1 : indexOf(bytes, needle);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + replacement.length);
        if (at < 0) {
            out.writeBytes(replacement);
            out.writeBytes(bytes);
        } else {
            out.write(bytes, 0, at);
            out.writeBytes(replacement);
            out.write(bytes, at + needle.length, bytes.length - at - needle.length);
        }
        bytes = out.toByteArray();
    }

    void replaceMarker(SplittableRandom random, String replacement) {
        replaceMarker(random, replacement.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the string value that is the next marker (quotes included) with a JSON value. */
    void replaceMarkerWithValue(SplittableRandom random, String json) {
        String marker = markers.poll();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String quoted = "\"" + marker + "\"";
        text = marker != null && text.contains(quoted) ? text.replace(quoted, json) : json + text;
        bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** Edits the text as a whole (bytes that are not UTF-8 survive: they are kept as ISO-8859-1 characters). */
    void editText(UnaryOperator<String> edit) {
        bytes = edit.apply(new String(bytes, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Cuts the bytes strictly inside, so that something is always missing. */
    void cut(SplittableRandom random) {
        if (bytes.length > 1) {
            bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
        } else {
            bytes = "{".getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path.isEmpty() ? name : path + "." + name;
                slots.add(Slot.field(object, name, child));
                collect(object.get(name), child, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(Slot.element(array, i, child));
                collect(array.get(i), child, slots);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
