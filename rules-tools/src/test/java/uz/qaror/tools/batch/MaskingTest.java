package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import uz.qaror.Failure;
import uz.qaror.Problem;
import uz.qaror.Result;

/** Masking works on any JSON shape and keeps no digit of an identifier. */
class MaskingTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PINFL = "31405982610122";

    @Provide
    Arbitrary<JsonNode> anything() {
        return shapes(3);
    }

    /** JSON values nested at most {@code depth} deep, holding identifier-like fields and values. */
    private Arbitrary<JsonNode> shapes(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true),
                NODES.numberNode(31405982610122L), NODES.textNode(PINFL), NODES.textNode("+998 90 123 45 67"),
                NODES.textNode(""));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> inner = shapes(depth - 1);
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of("pinfl", "phone", "passport", "stir",
                "members", "applicant", "household", "x"), inner).ofMaxSize(4).map(fields -> {
                    ObjectNode object = NODES.objectNode();
                    fields.forEach(object::set);
                    return object;
                });
        return Arbitraries.oneOf(leaves, arrays, objects);
    }

    @Property(tries = 200)
    void anyShapeIsMaskedWithoutFailingAndKeepsNoDigit(@ForAll("anything") JsonNode applicant,
                                                       @ForAll("anything") JsonNode household,
                                                       @ForAll("anything") JsonNode members) {
        ObjectNode application = NODES.objectNode();
        application.set("applicant", applicant);
        ObjectNode withMembers = NODES.objectNode();
        withMembers.set("members", members);
        application.set("household", household.isObject() ? withMembers : household);
        for (Masking masking : List.of(Masking.unlinked(), Masking.linkedBy(new byte[16]))) {
            Map<String, String> ids = masking.identifiers(application);
            ids.values().forEach(value -> assertThat(value).doesNotContain("3140598").doesNotContain("998 90"));
            Result failure = new Failure("id", "s", Failure.Kind.INVALID_FIELD,
                    List.of(new Problem("applicant.pinfl", "PINFL '" + PINFL + "' has a wrong check digit")));
            Failure redacted = (Failure) masking.redact(failure, application);
            assertThat(redacted.describe()).doesNotContain(PINFL).contains("has a wrong check digit");
        }
    }

    @Property(tries = 50)
    void unlinkedMasksKeepNoCharacterAndLinkedOnesMatchOnlyUnderOneKey(@ForAll("digits") String pinfl) {
        assertThat(Masking.unlinked().conceal("pinfl", pinfl)).matches("\\*+");
        Masking one = Masking.linkedBy("one key of sixteen bytes".getBytes());
        Masking other = Masking.linkedBy("another key, 16+ bytes".getBytes());
        assertThat(one.conceal("pinfl", pinfl)).isEqualTo(one.conceal("pinfl", pinfl))
                .isNotEqualTo(other.conceal("pinfl", pinfl)).startsWith("hmac-sha256:").hasSize(12 + 32);
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofLength(14);
    }
}
