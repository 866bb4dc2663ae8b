package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import uz.qaror.InputLimits;
import uz.qaror.hostile.HostileApplications;
import uz.qaror.hostile.Mutation;

/**
 * The quick tree against the general way (Jackson's tree, then the scan): it gives a tree exactly when the general
 * way reads the input without a failure, and then the same tree, node for node and written out to the same text.
 * On every seed of the hostile-application corpus, on thousands of its mutations, from bytes and from text, and on
 * each limit at and one past its bound.
 */
class QuickTreeAgreementTest {

    private static final HostileApplications GENERATOR = HostileApplications.load(
            Path.of("../examples/applications"), Path.of("../rules-catalog/src/main/resources/qaror/catalog"));
    private static final ApplicationText DEFAULTS = new ApplicationText(InputLimits.defaults());
    private static final ObjectMapper WRITER = new ObjectMapper();

    @Example
    void everySeedIsReadTheQuickWayAsTheGeneralWayReadsIt() {
        for (int seed = 0; seed < GENERATOR.seedCount(); seed++) {
            byte[] bytes = GENERATOR.sample(seed, List.of(), 0).bytes();
            assertThat(agreed(DEFAULTS, bytes)).as("seed %d is read the quick way", seed).isTrue();
            assertThat(agreed(DEFAULTS, new String(bytes, StandardCharsets.UTF_8))).as("seed %d as text", seed)
                    .isTrue();
        }
    }

    @Property(tries = 3000)
    void givesATreeExactlyWhenTheGeneralWayDoesAndTheSameOne(@ForAll @IntRange(min = 0, max = 999) int seed,
                                                             @ForAll("mutations") List<Mutation> mutations,
                                                             @ForAll long randomSeed) {
        byte[] bytes = GENERATOR.sample(seed % GENERATOR.seedCount(), mutations, randomSeed).bytes();
        agreed(DEFAULTS, bytes);
        agreed(DEFAULTS, new String(bytes, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.of(Mutation.class).list().ofMinSize(1).ofMaxSize(3);
    }

    @Example
    void numbersAreTheNodesJacksonMakes() {
        for (String number : List.of("0", "-0", "7", "-2147483649", "2147483648", "999999999999999", "1.50",
                "1.000000000", "0.0", "-0.0", "1e3", "1E+3", "2.5e-3", "1000000000000000.0", "123.456789")) {
            assertThat(agreed(DEFAULTS, "{\"n\":" + number + ",\"list\":[" + number + "]}")).as(number).isTrue();
        }
        for (String number : List.of("1e16", "1e30000000", "1.0000001", "12345678901234567890", "-1e16")) {
            assertThat(agreed(DEFAULTS, "{\"n\":" + number + "}")).as(number).isFalse();
        }
    }

    @Example
    void whatTheScanRefusesIsLeftToTheGeneralWay() {
        for (String json : List.of("{\"a\":\"x\\u0001\"}", "{\"a\\n\":1}", "{\"a\":\"\\u202E\"}",
                "{\"a\":\"\\uD800\"}", "{\"a\":[\"\\uFFFD\"]}", "{\"a\":1,\"a\":2}", "{\"a\":1} {}", "{\"a\":1}x",
                "[1]", "\"text\"", "", "  ", "{\"a\":", "{\"a\":1,}", "{'a':1}")) {
            assertThat(agreed(DEFAULTS, json)).as(json).isFalse();
        }
        for (String json : List.of("{}", "{\"a\":{},\"b\":[],\"c\":[[],{}]}", "{\"a\":\"\\uD83D\\uDE00 ok\"}",
                "{\"a\":null,\"b\":true,\"c\":false}", "{\"a\":\"\\\"quoted\\\" \\\\ \\/\"}")) {
            assertThat(agreed(DEFAULTS, json)).as(json).isTrue();
        }
    }

    @Example
    void eachLimitAtItsBoundAndOnePast() {
        ApplicationText small = new ApplicationText(InputLimits.builder().maxMembers(2).maxDocuments(3)
                .maxVehicles(1).maxProperties(1).maxDepth(5).maxStringLength(10).maxNumberLength(5).maxBytes(400)
                .build());
        // arrays with limits of their own, and others (the largest of the four: 3)
        assertLimit(small, "{\"household\":{\"members\":[%s]}}", "{}", 2);
        assertLimit(small, "{\"documents\":[%s]}", "1", 3);
        assertLimit(small, "{\"household\":{\"vehicles\":[%s]}}", "1", 1);
        assertLimit(small, "{\"household\":{\"properties\":[%s]}}", "1", 1);
        assertLimit(small, "{\"other\":[%s]}", "1", 3);
        assertLimit(small, "{\"other\":{\"members\":[%s]}}", "1", 3);
        assertLimit(small, "{\"household\":{\"x\":{\"members\":[%s]}}}", "1", 3);
        // depth: a scalar counts as a level
        assertThat(agreed(small, "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}")).isTrue();
        assertThat(agreed(small, "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}")).isFalse();
        assertThat(agreed(small, "{\"a\":[[[1]]]}")).isTrue();
        assertThat(agreed(small, "{\"a\":[[[[1]]]]}")).isFalse();
        // strings, names and numbers
        assertThat(agreed(small, "{\"a\":\"1234567890\",\"1234567890\":1}")).isTrue();
        assertThat(agreed(small, "{\"a\":\"12345678901\"}")).isFalse();
        assertThat(agreed(small, "{\"12345678901\":1}")).isFalse();
        assertThat(agreed(small, "{\"a\":12345}")).isTrue();
        assertThat(agreed(small, "{\"a\":123456}")).isFalse();
        assertThat(agreed(small, "{\"a\":\"" + "x".repeat(10) + "\",\"b\":[" + "1,".repeat(2) + "1]}")).isTrue();
    }

    /** Arrays of {@code max} items pass the quick way; of {@code max + 1}, the general way refuses them. */
    private static void assertLimit(ApplicationText text, String template, String item, int max) {
        String atBound = template.formatted(String.join(",", java.util.Collections.nCopies(max, item)));
        String past = template.formatted(String.join(",", java.util.Collections.nCopies(max + 1, item)));
        assertThat(agreed(text, atBound)).as(atBound).isTrue();
        assertThat(agreed(text, past)).as(past).isFalse();
    }

    /** Asserts that the two ways agree on bytes; whether the quick way gave a tree. */
    private static boolean agreed(ApplicationText text, byte[] bytes) {
        return agreed(text, text.opener(bytes), "bytes");
    }

    /** Asserts that the two ways agree on text; whether the quick way gave a tree. */
    private static boolean agreed(ApplicationText text, String json) {
        return agreed(text, text.opener(json), "text");
    }

    private static boolean agreed(ApplicationText text, ApplicationText.ParserOpener opener, String from) {
        JsonNode quick = quickTree(opener, text);
        ApplicationText.Read general = text.parseGenerally(opener);
        assertThat(quick != null).as("quick tree from %s given exactly when the general way reads it (%s)", from,
                general.failed() ? general.failure().describe() : "read").isEqualTo(!general.failed());
        if (quick != null) {
            assertThat(quick).as("the same tree from " + from).isEqualTo(general.application());
            assertThat(written(quick)).as("written out from " + from).isEqualTo(written(general.application()));
        }
        return quick != null;
    }

    /** The quick way's tree, following no schema; null when there is none. */
    static JsonNode quickTree(ApplicationText.ParserOpener opener, ApplicationText text) {
        QuickTree.Built built = QuickTree.read(opener, text.limits(), text.nodes(), null);
        return built == null ? null : built.tree();
    }

    private static String written(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
