package uz.qaror.hostile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One way to damage an application, and whether it certainly makes the application invalid. Mutations that may
 * leave a valid application ({@link #invalidates()} false) are applied first, so that none of them can undo an
 * invalidating one (dropping the very field another made wrong); byte-level mutations act on the serialised text
 * last. The values are what hostile users and careless clients send: wrong types, huge and deep values, control
 * characters, bad UTF-8, absurd numbers and dates, hostile service ids.
 */
public enum Mutation {

    /** A field set to null: an optional answer withheld, or a required one missing (incomplete). */
    NULL_FIELD(false, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.pick(random, Draft.ANY_BELOW_ROOT).ifPresent(slot -> slot.set(NULL));
        }
    },
    /** A field removed. */
    DROP_FIELD(false, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.pick(random, Draft.ANY_BELOW_ROOT).ifPresent(Slot::remove);
        }
    },
    /** The application sent to another service of the catalog. */
    OTHER_SERVICE(false, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            if (draft.root() instanceof ObjectNode root && !draft.serviceIds().isEmpty()) {
                root.put("service", draft.serviceIds().get(random.nextInt(draft.serviceIds().size())));
            }
        }
    },
    /** A plausible edge value in a numeric field: zero, a large but plausible amount, a fraction. */
    NUMBER_EDGE(false, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.pick(random, Draft.NUMBERS).ifPresent(slot -> slot.set(NUMBERS.numberNode(new BigDecimal(
                    oneOf(random, List.of("0", "1", "80", "999999999999999", "0.5", "1234567.89"))))));
        }
    },
    /** A household member repeated (within the default limit). */
    REPEAT_MEMBER(false, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            JsonNode members = draft.root().path("household").path("members");
            if (members instanceof ArrayNode array && !array.isEmpty() && array.size() < 40) {
                array.add(array.get(random.nextInt(array.size())).deepCopy());
            }
        }
    },

    /** A field of one JSON type given a value of another (never null, never another kind of number). */
    WRONG_TYPE(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            // The type is chosen against the seed's value at that place, not the current one: every known field
            // has one JSON type besides null, so another type is wrong whatever was done to the field before.
            Slot slot = draft.pickOrAdd(random, Draft.SEED_VALUES);
            slot.set(otherType(draft.seedValue(slot), random));
        }
    },
    /** A string longer than the default limit (1,000 characters). */
    LONG_STRING(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.pickOrAdd(random, Draft.STRINGS).set(NUMBERS.textNode("x".repeat(1_001 + random.nextInt(5_000))));
        }
    },
    /** A string of a megabyte or more. */
    HUGE_STRING(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.pickOrAdd(random, Draft.ANY_BELOW_ROOT).set(NUMBERS.textNode("a".repeat(1 << 20)));
        }
    },
    /** Arrays nested a hundred deep in place of a field. */
    DEEP_NESTING(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            ArrayNode deep = NUMBERS.arrayNode();
            ArrayNode inner = deep;
            for (int i = 0; i < 100; i++) {
                inner = inner.addArray();
            }
            draft.pickOrAdd(random, Draft.ANY_BELOW_ROOT).set(deep);
        }
    },
    /** A control, bidi-override, separator or replacement character inside a string. */
    CONTROL_CHARACTER(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            Slot slot = draft.pickOrAdd(random, Draft.STRINGS);
            String text = slot.get().asText();
            int at = random.nextInt(text.length() + 1);
            slot.set(NUMBERS.textNode(text.substring(0, at) + oneOf(random, FORBIDDEN) + text.substring(at)));
        }
    },
    /** A line break after a string's value, which a {@code $} in a pattern lets through. */
    TRAILING_LINE_BREAK(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            Slot slot = draft.pickOrAdd(random, Draft.STRINGS);
            slot.set(NUMBERS.textNode(slot.get().asText()
                    + oneOf(random, List.of("\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085"))));
        }
    },
    /** A control character in a field's name. */
    CONTROL_IN_KEY(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            Slot slot = draft.pickOrAdd(random, Draft.OBJECT_FIELDS);
            slot.rename(slot.name() + oneOf(random, FORBIDDEN));
        }
    },
    /** An absurd number in a numeric field: beyond any range, negative, too many decimals, an int's overflow. */
    ABSURD_NUMBER(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            String field = oneOf(random, List.of("applicant.serviceYears", "applicant.monthlyIncome",
                    "applicant.disabilityGroup", "household.bankBalance", "member.monthlyIncome", "vehicle.year",
                    "form"));
            List<String> values = switch (field) {
                case "applicant.serviceYears" -> List.of("4294967326", "1000000000000000000000000000000", "81",
                        "-1", "1e30000000", "30.5", "2147483678");
                case "applicant.disabilityGroup" -> List.of("4", "0", "4294967297", "1.5");
                case "vehicle.year" -> List.of("1899", "3000", "2147483648", "2015.5", "1e30000000");
                case "form" -> INVALID_FOR_ANY_NUMBER;
                default -> concat(INVALID_FOR_ANY_NUMBER, List.of("-1", "-0.01"));
            };
            BigDecimal value = new BigDecimal(oneOf(random, values));
            JsonNode number = value.scale() <= 0 && (long) value.precision() - value.scale() < 40
                    ? NUMBERS.numberNode(value.toBigIntegerExact()) : NUMBERS.numberNode(value);
            switch (field) {
                case "member.monthlyIncome" -> draft.element(random, "household", "members")
                        .put("monthlyIncome", number);
                case "vehicle.year" -> draft.element(random, "household", "vehicles").put("kind", "car")
                        .set("year", number);
                case "form" -> draft.object("form").set(draft.formField(random, null), number);
                default -> {
                    String[] parts = field.split("\\.");
                    draft.object(parts[0]).set(parts[1], number);
                }
            }
        }
    },
    /** An impossible or implausible date: year 0, before 1900, far future, five-digit years, 30 February. */
    HOSTILE_DATE(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            if (random.nextInt(3) == 0) {
                draft.object(null).put("submittedAt", oneOf(random, List.of("2100-01-01T10:00:00+05:00",
                        "9999-12-31T23:59:59+18:00", "1999-12-31T10:00:00+05:00", "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "2024-01-01T25:00:00+05:00", "2024-06-01T10:00:00+19:00",
                        "now", "2024-02-30", "+10000-01-01", "0000-01-01T00:00:00Z")));
                return;
            }
            String value = oneOf(random, List.of("0000-01-01", "1899-12-31", "+10000-01-01", "-0001-01-01",
                    "2024-02-30", "9999-12-31", "2999-01-01", "+999999999-12-31", "1990-1-1", "", "19900101"));
            switch (random.nextInt(4)) {
                case 0 -> draft.object("applicant").put("birthDate", value);
                case 1 -> draft.element(random, "household", "members").put("relation", "spouse")
                        .put("birthDate", value);
                case 2 -> draft.element(random, "documents").put("type", "certificate").put("issuedOn", value);
                default -> draft.object("form").put(draft.formField(random, "date"), value);
            }
        }
    },
    /** A service id that no service has and that must not reach the file system. */
    HOSTILE_SERVICE(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            String known = draft.serviceIds().isEmpty() ? "x" : draft.serviceIds().get(0);
            draft.object(null).put("service", oneOf(random, List.of("../x", "a\u0000b", "x/../../etc/passwd",
                    "a".repeat(1 << 20), "", " ", known.toUpperCase(java.util.Locale.ROOT), known + "\n",
                    known + "/", ".", "..", "services", "%2e%2e", known + "/../" + known, "/etc", "\\..\\x",
                    "b".repeat(300))));
        }
    },
    /** An application id that is empty, too long, or carries a control character. */
    HOSTILE_ID(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.object(null).put("id", oneOf(random, List.of("", "I".repeat(101), "A\u0000", "A\u202E1",
                    "A\u001B[31mRED")));
        }
    },
    /** An identifier with junk: PINFL, phone, passport, STIR, SOATO. */
    HOSTILE_IDENTIFIER(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            ObjectNode applicant = draft.object("applicant");
            switch (random.nextInt(5)) {
                case 0 -> applicant.put("pinfl", oneOf(random, List.of("3140598261012x", "", "3140598261012",
                        "314059826101222", "31405982610121", "\uFF13\uFF11\uFF14\uFF10\uFF15\uFF19\uFF18\uFF12\uFF16"
                                + "\uFF11\uFF10\uFF11\uFF12\uFF12", "71405982610122", "30000002610125")));
                case 1 -> applicant.put("phone", oneOf(random, List.of("+998 90 123 45 67x", "+998901234567\u202E",
                        "+998901234567\uFFFD", "+998 90 123 45 67 ext. 5", "+1 202 555 0100", "tel:+998901234567",
                        "+998901234567;ext=1", "+998 90 123 45 67#")));
                case 2 -> applicant.put("passport", oneOf(random, List.of("AA123456", "aa1234567", "AA1234567 ",
                        "AA12345678", "\u0410\u04101234567")));
                case 3 -> applicant.put("stir", oneOf(random, List.of("123456789", "41234567", "4123456789")));
                default -> applicant.putObject("address").put("soato", oneOf(random, List.of("1799", "17",
                        "1726x", "172627712345")));
            }
        }
    },
    /** A field the schema does not know, at the root, in the applicant, household or form. */
    UNKNOWN_FIELD(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            String parent = oneOf(random, java.util.Arrays.asList(null, "applicant", "household", "form"));
            draft.object(parent).put("notAField" + random.nextInt(1000), "x");
        }
    },
    /** A required envelope field removed. */
    REMOVE_REQUIRED(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.object(null).remove(oneOf(random, List.of("id", "service", "submittedAt", "applicant")));
        }
    },
    /** More household members, documents, vehicles or properties than the default limits allow. */
    BIG_ARRAY(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            ObjectNode household = draft.object("household");
            switch (random.nextInt(4)) {
                case 0 -> fill(household.putArray("members"), 51 + random.nextInt(random.nextBoolean() ? 100 : 5000),
                        () -> NUMBERS.objectNode().put("relation", "child"));
                case 1 -> fill(draft.object(null).putArray("documents"), 51 + random.nextInt(500),
                        () -> NUMBERS.objectNode().put("type", "certificate"));
                case 2 -> fill(household.putArray("vehicles"), 21 + random.nextInt(500),
                        () -> NUMBERS.objectNode().put("kind", "car"));
                default -> fill(household.putArray("properties"), 21 + random.nextInt(500),
                        () -> NUMBERS.objectNode().put("kind", "land"));
            }
        }
    },
    /** The application is not a JSON object. */
    NOT_AN_OBJECT(true, Stage.TREE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.replaceRoot(oneOf(random, List.of(NUMBERS.arrayNode(), NUMBERS.textNode("x"),
                    NUMBERS.numberNode(42), NUMBERS.nullNode(), NUMBERS.booleanNode(true))));
        }
    },
    /** A lone UTF-16 surrogate, written as a JSON escape inside a string. */
    LONE_SURROGATE(true, Stage.BYTES, Marker.INSIDE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.replaceMarker(random, oneOf(random, List.of("\\ud800", "\\udfff", "x\\ud83d")));
        }
    },
    /** Bytes that are not UTF-8 inside a string: a stray continuation, an overlong form, an encoded surrogate. */
    BAD_UTF8(true, Stage.BYTES, Marker.INSIDE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.replaceMarker(random, oneOf(random, List.of(new byte[] {(byte) 0xC3, 0x28},
                    new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80},
                    new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
                            (byte) 0x80, (byte) 0x80})));
        }
    },
    /** Arrays nested fifty thousand deep, in the text. */
    DEEP_TEXT(true, Stage.BYTES, Marker.WHOLE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            int depth = 50_000;
            draft.replaceMarkerWithValue(random, "[".repeat(depth) + "]".repeat(depth));
        }
    },
    /** A raw (unescaped) control byte inside a string. */
    RAW_CONTROL_BYTE(true, Stage.BYTES, Marker.INSIDE) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.replaceMarker(random, new byte[] {oneOf(random, List.of(0, 7, 10, 13, 27, 31)).byteValue()});
        }
    },
    /** The same key twice in the root object. */
    DUPLICATE_KEY(true, Stage.BYTES) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.editText(text -> text.startsWith("{") ? "{\"channel\":\"web\",\"channel\":\"web\","
                    + text.substring(1) : "{\"a\":1,\"a\":2}" + text);
        }
    },
    /** The text cut short. */
    TRUNCATE(true, Stage.BYTES) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.cut(random);
        }
    },
    /** Text after the application. */
    TRAILING_GARBAGE(true, Stage.BYTES) {
        @Override
        void apply(Draft draft, SplittableRandom random) {
            draft.editText(text -> text + oneOf(random, List.of("}", "x", ",{}", "]", "{\"id\":1}", "\"")));
        }
    };

    /** The forbidden characters a string may not hold anywhere: C0, DEL, C1, separators, bidi controls, U+FFFD. */
    static final List<String> FORBIDDEN = List.of("\u0000", "\u0001", "\t", "\n", "\r", "\u001B", "\u007F",
            "\u0085", "\u009B", "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069", "\uFFFD");

    /** Numbers no numeric field takes: beyond 10^15, more than 6 decimals, or absurd exponents. */
    private static final List<String> INVALID_FOR_ANY_NUMBER = List.of("1e30000000", "1e1000000000", "1e16",
            "1000000000000000000000000000000", "1e-7", "0.1234567", "-1e1000000000", "1E+2147483647", "-1e16");

    private static final JsonNodeFactory NUMBERS = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonNode NULL = NUMBERS.nullNode();

    /** When a mutation acts: on the tree, or on the serialised bytes. */
    enum Stage { TREE, BYTES }

    /** Where a byte-level mutation needs a marker in the tree: none, inside a string, or as a whole value. */
    enum Marker { NONE, INSIDE, WHOLE }

    private final boolean invalidates;
    private final Stage stage;
    private final Marker marker;

    Mutation(boolean invalidates, Stage stage) {
        this(invalidates, stage, Marker.NONE);
    }

    Mutation(boolean invalidates, Stage stage, Marker marker) {
        this.invalidates = invalidates;
        this.stage = stage;
        this.marker = marker;
    }

    /**
     * Whether the damage lives in the text alone (bad bytes, duplicate keys, a cut, trailing text, raw control
     * bytes, nesting too deep for a parser): a parsed tree cannot carry it, so such a record is given as bytes.
     */
    public boolean textOnly() {
        return stage == Stage.BYTES && this != LONE_SURROGATE;
    }

    /** Whether an application this mutation touched is certainly invalid, whatever else was done to it. */
    public boolean invalidates() {
        return invalidates;
    }

    Stage stage() {
        return stage;
    }

    abstract void apply(Draft draft, SplittableRandom random);

    Marker marker() {
        return marker;
    }

    static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void fill(ArrayNode array, int count, java.util.function.Supplier<JsonNode> element) {
        for (int i = 0; i < count; i++) {
            array.add(element.get());
        }
    }

    /** A value of another JSON type than {@code value}'s (numbers of any kind count as one type). */
    private static JsonNode otherType(JsonNode seedValue, SplittableRandom random) {
        List<JsonNode> candidates = new ArrayList<>(List.of(NUMBERS.textNode("1"), NUMBERS.numberNode(1),
                NUMBERS.booleanNode(false), NUMBERS.arrayNode().add(1), NUMBERS.objectNode().put("a", 1)));
        candidates.removeIf(c -> seedValue != null && c.getNodeType() == seedValue.getNodeType());
        return oneOf(random, candidates);
    }
}
