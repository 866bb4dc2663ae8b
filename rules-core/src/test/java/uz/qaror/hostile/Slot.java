package uz.qaror.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A place in an application's tree: a field of an object or an element of an array, with its JSON path. */
record Slot(JsonNode parent, String name, int index, String path) {

    static Slot field(ObjectNode parent, String name, String path) {
        return new Slot(parent, name, -1, path);
    }

    static Slot element(ArrayNode parent, int index, String path) {
        return new Slot(parent, null, index, path);
    }

    JsonNode get() {
        return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
        if (name != null) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set(index, value);
        }
    }

    void remove() {
        if (name != null) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ArrayNode) parent).remove(index);
        }
    }

    /** Renames a field in place (an element of an array has no name to change: it is replaced by an object). */
    void rename(String newName) {
        if (name == null) {
            ((ArrayNode) parent).set(index, parent.get(index) == null ? null
                    : ((ArrayNode) parent).objectNode().put(newName, 1));
            return;
        }
        ObjectNode object = (ObjectNode) parent;
        JsonNode value = object.remove(name);
        object.set(newName, value);
    }
}
