package uz.qaror.internal.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sufficient schema test followed while {@link QuickTree} builds an application's tree, so that the tree is not
 * walked again to be checked: each value is asked of the schema its place has, scalars as they are made, objects
 * and arrays field by field and item by item. The quick schema check of a service gives one; like it, it can only
 * say yes when the full validator would.
 */
public interface TreeSchema {

    /** Whether the whole value satisfies this schema (a container checked whole). */
    boolean accepts(JsonNode value);

    /** The same of a value whose type is known (a scalar as it is made): the value is not asked its type. */
    boolean accepts(JsonNode value, JsonNodeType type);

    /**
     * Whether a container of this schema is checked whole once built ({@link #accepts}) rather than followed
     * field by field: a schema that refers to another, or that enumerates its values.
     */
    boolean checksWhole();

    /** Whether this schema allows an object (to be followed field by field). */
    boolean allowsObject();

    /** Whether this schema allows an array (to be followed item by item). */
    boolean allowsArray();

    /** The schema of field {@code name} of an object of this schema; null when the object may not have it. */
    TreeSchema field(String name);

    /** The schema of each item of an array of this schema. */
    TreeSchema item();

    /** Whether an object of this schema whose fields each satisfied {@link #field} has what it must have. */
    boolean completes(ObjectNode object);
}
