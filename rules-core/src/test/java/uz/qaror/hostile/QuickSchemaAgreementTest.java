package uz.qaror.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import uz.qaror.internal.build.ApplicationSchema;
import uz.qaror.internal.json.Json;

/**
 * The quick schema test against networknt's validator, on the hostile-application corpus and on every seed: it
 * never vouches for an application networknt rejects, and it vouches for every application networknt accepts
 * that Qaror's own reader parsed, but for one reading it leaves to networknt: a whole number written with a
 * fraction or an exponent ({@code 1.0}, {@code 1E+3}) is an integer to networknt, not to the quick test.
 */
class QuickSchemaAgreementTest {

    static final HostileApplications GENERATOR = HostileApplicationsFuzzTest.GENERATOR;
    static final Map<String, ApplicationSchema> SCHEMAS = CatalogSchemas.of(HostileApplicationsFuzzTest.CATALOG);
    static final ApplicationSchema ENVELOPE = ApplicationSchema.envelope();
    static final ObjectMapper PLAIN = new ObjectMapper();

    @Example
    void everyServiceSchemaAndTheEnvelopeHaveAQuickTest() {
        assertThat(SCHEMAS).hasSize(30);
        assertThat(SCHEMAS.values()).allMatch(ApplicationSchema::hasQuickCheck);
        assertThat(ENVELOPE.hasQuickCheck()).isTrue();
    }

    @Example
    void everySeedIsVouchedForExactlyWhenNetworkntAcceptsIt() {
        int vouched = 0;
        for (int seed = 0; seed < GENERATOR.seedCount(); seed++) {
            byte[] bytes = GENERATOR.sample(seed, List.of(), 0).bytes();
            JsonNode tree = strict(bytes);
            for (ApplicationSchema schema : SCHEMAS.values()) {
                assertThat(schema.quicklyValid(tree)).as("seed %d", seed).isEqualTo(schema.fullyValid(tree));
                vouched += schema.quicklyValid(tree) ? 1 : 0;
            }
        }
        // each seed is valid for its own service at least
        assertThat(vouched).isGreaterThanOrEqualTo(GENERATOR.seedCount());
    }

    @Property(tries = 4000)
    void neverVouchesForWhatNetworkntRejectsNorMissesWhatItAccepts(
            @ForAll @IntRange(min = 0, max = 999) int seed, @ForAll("mutations") List<Mutation> mutations,
            @ForAll long randomSeed) {
        HostileApplications.Sample sample = GENERATOR.sample(seed % GENERATOR.seedCount(), mutations, randomSeed);
        JsonNode strict = strict(sample.bytes());
        JsonNode plain = plain(sample.bytes());
        for (ApplicationSchema schema : schemasFor(strict != null ? strict : plain, randomSeed)) {
            if (strict != null && !holdsAWholeNumberWrittenAsADecimal(strict)) {
                boolean full = schema.fullyValid(strict);
                assertThat(schema.quicklyValid(strict)).as("%s: %s", sample.describe(), excerpt(sample.bytes()))
                        .isEqualTo(full);
            }
            if (plain != null && schema.quicklyValid(plain)) {
                assertThat(schema.fullyValid(plain)).as("vouched for, parsed by plain Jackson: " + sample.describe())
                        .isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.of(Mutation.class).list().ofMinSize(0).ofMaxSize(3);
    }

    /** The schema of the service the application names, and one other picked at random. */
    private static List<ApplicationSchema> schemasFor(JsonNode tree, long randomSeed) {
        List<ApplicationSchema> all = List.copyOf(SCHEMAS.values());
        ApplicationSchema other = all.get(new SplittableRandom(randomSeed).nextInt(all.size()));
        ApplicationSchema named = tree == null ? null : SCHEMAS.get(tree.path("service").asText());
        return named == null ? List.of(other, ENVELOPE) : List.of(named, other);
    }

    /** A number such as {@code 2015.0} or {@code 1E+30000000} anywhere in the document. */
    private static boolean holdsAWholeNumberWrittenAsADecimal(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue().stripTrailingZeros().scale() <= 0;
        }
        for (JsonNode child : node) {
            if (holdsAWholeNumberWrittenAsADecimal(child)) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private static JsonNode strict(byte[] bytes) {
        try {
            return Json.JSON.readTree(bytes);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static JsonNode plain(byte[] bytes) {
        try {
            return PLAIN.readTree(bytes);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
