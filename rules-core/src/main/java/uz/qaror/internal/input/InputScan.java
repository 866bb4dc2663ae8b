package uz.qaror.internal.input;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.Problem;

/**
 * One walk over an application's tree before anything else reads it: the {@link InputLimits} (depth, string,
 * name and number length, array sizes, size), then what no field may hold whatever its type: a forbidden
 * character ({@link Characters}) in a string or a field name, a number out of {@link Numbers}' bounds. A broken
 * limit stops the walk ({@link Failure.Kind#LIMIT_EXCEEDED}, the first one named); other problems are all
 * collected ({@link Failure.Kind#INVALID_FIELD}).
 */
final class InputScan {

    private final InputLimits limits;
    private final List<Problem> invalid = new ArrayList<>();
    private int invalidCount;
    private Problem limit;
    private long size;

    private InputScan(InputLimits limits) {
        this.limits = limits;
    }

    /** What is wrong with a tree: a limit broken, or invalid values; null when nothing is. */
    static Found scan(JsonNode root, InputLimits limits) {
        InputScan scan = new InputScan(limits);
        scan.visit(root, null, null, -1, 1);
        if (scan.limit != null) {
            return new Found(Failure.Kind.LIMIT_EXCEEDED, List.of(scan.limit));
        }
        if (scan.invalidCount > 0) {
            return new Found(Failure.Kind.INVALID_FIELD, ProblemList.capped(scan.invalid, scan.invalidCount));
        }
        return null;
    }

    /** The kind of failure and its problems. */
    record Found(Failure.Kind kind, List<Problem> problems) {
    }

    /**
     * Where a value is, written out ({@code household.members[0].pinfl}) only when a problem names it: most
     * applications have none, and writing every field's path cost a tenth of a decision.
     */
    private record Where(Where parent, String name, int index) {
        static final Where ROOT = new Where(null, null, -1);

        Where field(String fieldName) {
            return new Where(this, fieldName, -1);
        }

        Where item(int itemIndex) {
            return new Where(this, null, itemIndex);
        }

        /** The name of the limit of the array here when it has one of its own (members, documents...), or null. */
        String arrayLimit() {
            int depth = parent == null ? 1 : parent == ROOT ? 2 : parent.parent == ROOT ? 3 : 4;
            return InputScan.arrayLimit(depth, name, parent == null ? null : parent.name);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            if (name == null) {
                return parent + "[" + index + "]";
            }
            return parent.parent == null ? Echo.name(name) : parent + "." + Echo.name(name);
        }
    }

    /**
     * Visits a value: the field {@code name} or the item {@code index} of {@code parent} (the root when the parent
     * is null). Its {@link Where} is made only for an object or array, whose items need it, and for a problem:
     * most values are strings and numbers without one (a Where for each was a twentieth of a decision's garbage).
     */
    private void visit(JsonNode node, Where parent, String name, int index, int depth) {
        if (limit != null) {
            return;
        }
        if (depth > limits.maxDepth()) {
            limit = depth(at(parent, name, index).toString(), limits);
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                Where where = at(parent, name, index);
                size += node.isEmpty() ? 2 : 1; // the braces, less the comma the last field has not
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext() && limit == null) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String fieldName = field.getKey();
                    if (fieldName.length() > limits.maxStringLength()) {
                        limit = new Problem(where.field(fieldName).toString(), "is a field name of "
                                + fieldName.length() + " characters; at most "
                                + limits.maxStringLength() + " are accepted (InputLimits.maxStringLength)");
                        return;
                    }
                    forbidden(fieldName, where, fieldName, -1, "its name");
                    size += fieldName.length() + 4;
                    visit(field.getValue(), where, fieldName, -1, depth + 1);
                }
            }
            case ARRAY -> {
                Where where = at(parent, name, index);
                String limitName = where.arrayLimit();
                int max = maxItems(limits, limitName);
                if (node.size() > max) {
                    limit = new Problem(where.toString(), "holds " + node.size() + " items; at most " + max
                            + " are accepted"
                            + (limitName == null ? " in an array" : "") + " (InputLimits."
                            + (limitName == null ? "maxOtherArrayItems" : limitName) + ")");
                    return;
                }
                size += node.isEmpty() ? 2 : 1; // the brackets, less the comma the last item has not
                for (int i = 0; i < node.size() && limit == null; i++) {
                    size++;
                    visit(node.get(i), where, null, i, depth + 1);
                }
            }
            case STRING -> {
                String text = node.textValue();
                if (text.length() > limits.maxStringLength()) {
                    limit = string(at(parent, name, index).toString(), text.length(), limits);
                    return;
                }
                forbidden(text, parent, name, index, "it");
                size += text.length() + 2;
            }
            case NUMBER -> {
                long length = numberLength(node);
                if (length > limits.maxNumberLength()) {
                    limit = number(at(parent, name, index).toString(), length, limits);
                    return;
                }
                String problem = Numbers.problem(node);
                if (problem != null) {
                    invalid(new Problem(at(parent, name, index).toString(), problem));
                }
                size += length;
            }
            default -> size += 4; // true, null (false is one more, a comma one fewer)
        }
        if (size > limits.maxBytes() && limit == null) {
            limit = bytes(limits);
        }
    }

    /** Where the field {@code name} or the item {@code index} of {@code parent} is; the root for no parent. */
    private static Where at(Where parent, String name, int index) {
        if (parent == null) {
            return Where.ROOT;
        }
        return name != null ? parent.field(name) : parent.item(index);
    }

    /**
     * The name of the limit of an array at {@code depth} (the root is 1) that is the field {@code name} (null for an
     * item) of an object that is itself the field {@code parentName} of its parent: the documents, and the
     * household's members, vehicles and properties have limits of their own; null for any other array.
     */
    static String arrayLimit(int depth, String name, String parentName) {
        if (depth == 2) {
            return "documents".equals(name) ? "maxDocuments" : null;
        }
        if (depth != 3 || name == null || !"household".equals(parentName)) {
            return null;
        }
        return switch (name) {
            case "members" -> "maxMembers";
            case "vehicles" -> "maxVehicles";
            case "properties" -> "maxProperties";
            default -> null;
        };
    }

    /** The most items an array may hold under the limit named (null: {@link InputLimits#maxOtherArrayItems()}). */
    static int maxItems(InputLimits limits, String limitName) {
        if (limitName == null) {
            return limits.maxOtherArrayItems();
        }
        return switch (limitName) {
            case "maxMembers" -> limits.maxMembers();
            case "maxDocuments" -> limits.maxDocuments();
            case "maxVehicles" -> limits.maxVehicles();
            default -> limits.maxProperties();
        };
    }

    private void forbidden(String text, Where parent, String name, int index, String what) {
        int first = Characters.firstForbidden(text);
        if (first >= 0) {
            String character = Characters.describe(text, first);
            invalid(new Problem(at(parent, name, index).toString(), what.equals("it")
                    ? "contains " + character + " at character " + (first + 1) + "; " + RULE
                    : what + " contains " + character + "; " + RULE));
        }
    }

    private static final String RULE = "text may not hold control characters, line breaks, bidirectional-text "
            + "controls or U+FFFD";

    private void invalid(Problem problem) {
        invalidCount++;
        if (invalid.size() < ProblemList.MAX) {
            invalid.add(problem);
        }
    }

    /** Characters of a number as written (for a tree, the digits it holds; an estimate for huge integers). */
    static long numberLength(JsonNode number) {
        if (number.isBigInteger()) {
            return (long) (number.bigIntegerValue().bitLength() * 0.30103) + 1;
        }
        if (number.isBigDecimal()) {
            return number.decimalValue().precision();
        }
        return number.isIntegralNumber() ? digits(number.longValue())
                : Double.toString(number.doubleValue()).length();
    }

    /** The characters of {@code Long.toString(value)}, without writing it. */
    static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int length = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            length++;
        }
        return length;
    }

    static Problem depth(String path, InputLimits limits) {
        return new Problem(path, "nests deeper than " + limits.maxDepth() + " levels (InputLimits.maxDepth)");
    }

    static Problem string(String path, long length, InputLimits limits) {
        return new Problem(path, "is a string of " + length + " characters; at most " + limits.maxStringLength()
                + " are accepted (InputLimits.maxStringLength)");
    }

    static Problem number(String path, long length, InputLimits limits) {
        return new Problem(path, "is a number of " + length + " characters; at most " + limits.maxNumberLength()
                + " are accepted (InputLimits.maxNumberLength)");
    }

    static Problem bytes(InputLimits limits) {
        return new Problem("$", "the application is larger than " + limits.maxBytes()
                + " bytes (InputLimits.maxBytes)");
    }
}
