package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import uz.qaror.InputLimits;
import uz.qaror.hostile.CatalogSchemas;
import uz.qaror.hostile.HostileApplications;
import uz.qaror.hostile.Mutation;
import uz.qaror.internal.build.ApplicationSchema;

/**
 * The schema followed as the quick tree is built against the same quick test walking the finished tree: the tree
 * is vouched for exactly when the walk vouches for it, by the schema of the service it names, whatever the order of
 * its fields. On every seed of the hostile-application corpus (each valid for its own service), thousands of its
 * mutations (which also swap services), from bytes and from text, and on cases made to break each kind of
 * constraint before and after the service is named.
 */
class TreeSchemaAgreementTest {

    private static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
    private static final HostileApplications GENERATOR = HostileApplications.load(Path.of("../examples/applications"),
            CATALOG);
    private static final Map<String, ApplicationSchema> SCHEMAS = CatalogSchemas.of(CATALOG);
    private static final ApplicationText TEXT = new ApplicationText(InputLimits.defaults());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Example
    void everySeedIsVouchedForByItsServicesSchema() {
        assertThat(SCHEMAS).hasSize(30).allSatisfy((id, schema) -> assertThat(schema.treeSchema()).isNotNull());
        for (int seed = 0; seed < GENERATOR.seedCount(); seed++) {
            byte[] bytes = GENERATOR.sample(seed, List.of(), 0).bytes();
            assertThat(agreed(TEXT.opener(bytes), "seed " + seed)).as("seed %d is vouched for", seed).isTrue();
            assertThat(agreed(TEXT.opener(new String(bytes, StandardCharsets.UTF_8)), "seed " + seed)).isTrue();
        }
    }

    @Property(tries = 3000)
    void vouchedForExactlyWhenTheWalkVouches(@ForAll @IntRange(min = 0, max = 999) int seed,
                                            @ForAll("mutations") List<Mutation> mutations, @ForAll long randomSeed) {
        HostileApplications.Sample sample = GENERATOR.sample(seed % GENERATOR.seedCount(), mutations, randomSeed);
        agreed(TEXT.opener(sample.bytes()), sample.describe());
        agreed(TEXT.opener(new String(sample.bytes(), StandardCharsets.UTF_8)), sample.describe());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.of(Mutation.class).list().ofMinSize(1).ofMaxSize(3);
    }

    @Example
    void eachKindOfConstraintBrokenBeforeOrAfterTheServiceIsNamed() {
        ObjectNode valid = seed();
        assertThat(vouched(valid)).isTrue();
        assertThat(vouched(serviceFirst(valid))).isTrue();
        assertThat(vouched(serviceLast(valid))).isTrue();
        List<Consumer<ObjectNode>> breakages = List.of(
                a -> a.put("id", 5),                                             // a type
                a -> a.put("unknown", 1),                                        // a closed object
                a -> a.remove("submittedAt"),                                    // a required field of the root
                a -> a.put("channel", "fax"),                                    // an enumeration
                a -> ((ObjectNode) a.get("applicant")).put("sex", "X"),          // an enumeration in an object
                a -> ((ObjectNode) a.get("applicant")).put("citizenship", "uz"), // a pattern
                a -> ((ObjectNode) a.get("applicant")).put("citizenship", "UZB"), // a length
                a -> ((ObjectNode) a.get("applicant")).put("monthlyIncome", -1), // a minimum
                a -> a.putArray("documents").add(1),                             // an item of a referred schema
                a -> a.putArray("documents").addObject().put("number", "1"),     // a required field of an item
                a -> ((ObjectNode) a.get("applicant")).putObject("address").put("street", "x"), // closed, nested
                a -> ((ObjectNode) a.get("applicant")).put("serviceYears", 81),  // a maximum
                a -> ((ObjectNode) a.get("applicant")).put("serviceYears", 1.5), // an integer
                a -> a.putObject("household").putArray("members").addObject().put("relation", "cousin"), // by $ref
                a -> a.putArray("applicant"),                                    // an object's type
                a -> a.put("service", "no-such-service"));                        // a service that has no schema
        int vouched = 0;
        for (Consumer<ObjectNode> breakage : breakages) {
            for (UnaryOperator<ObjectNode> order : List.<UnaryOperator<ObjectNode>>of(
                    TreeSchemaAgreementTest::serviceFirst, TreeSchemaAgreementTest::serviceLast)) {
                ObjectNode broken = seed();
                breakage.accept(broken);
                vouched += vouched(order.apply(broken)) ? 1 : 0;
            }
        }
        assertThat(vouched).as("broken applications vouched for").isZero();
        ObjectNode nothingRequired = seed();
        nothingRequired.putObject("applicant");
        assertThat(vouched(serviceLast(nothingRequired))).as("an applicant need have nothing").isTrue();
        assertThat(vouched(seed().put("unknown", 1))).isFalse();
        assertThat(vouched(serviceLast(seed().put("id", 5)))).isFalse();
        assertThat(vouched(serviceFirst(seed().put("id", 5)))).isFalse();
        assertThat(vouched(seed().put("service", "no-such-service"))).isFalse();
    }

    /** Asserts that following the schema agrees with walking the tree; whether the tree was vouched for. */
    private static boolean agreed(ApplicationText.ParserOpener opener, String what) {
        QuickTree.Built built = QuickTree.read(opener, TEXT.limits(), TEXT.nodes(), TreeSchemaAgreementTest::tree);
        if (built == null) {
            return false;
        }
        JsonNode service = built.tree().get("service");
        ApplicationSchema schema = service != null && service.isTextual() ? SCHEMAS.get(service.textValue()) : null;
        boolean walked = schema != null && schema.quicklyValid(built.tree());
        assertThat(built.vouchedBy() != null).as("vouched for as the walk vouches: %s", what).isEqualTo(walked);
        if (walked) {
            assertThat(built.vouchedBy()).as(what).isSameAs(schema.treeSchema());
        }
        assertThat(built.tree()).as("the same tree followed or not: %s", what)
                .isEqualTo(QuickTreeAgreementTest.quickTree(opener, TEXT));
        return walked;
    }

    private static TreeSchema tree(String serviceId) {
        ApplicationSchema schema = SCHEMAS.get(serviceId);
        return schema == null ? null : schema.treeSchema();
    }

    private static boolean vouched(ObjectNode application) {
        return agreed(TEXT.opener(written(application)), application.toString());
    }

    private static ObjectNode seed() {
        try {
            return (ObjectNode) MAPPER.readTree(GENERATOR.sample(0, List.of(), 0).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode serviceFirst(ObjectNode application) {
        ObjectNode first = MAPPER.createObjectNode();
        first.set("service", application.get("service"));
        first.setAll(application);
        return first;
    }

    private static ObjectNode serviceLast(ObjectNode application) {
        JsonNode service = application.remove("service");
        application.set("service", service);
        return application;
    }

    private static String written(JsonNode application) {
        try {
            return MAPPER.writeValueAsString(application);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
