package uz.qaror.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.input.Characters;

/**
 * The engine's contract against hostile applications (mutations of the example applications and of the catalog's
 * test-case bases, see {@link Mutation}), through each of its entries: a result for every input and never an
 * exception; no decision on an application that a mutation made invalid, which gets a failure blamed on the
 * input; never a failure blamed on the rules, on a timeout or on the engine (the catalog's rules are sound);
 * messages bounded and free of control characters; every call well within seconds. The longer run is
 * {@code uz.qaror.bench.HostileRun} (see bench/README.md).
 */
class HostileApplicationsFuzzTest {

    static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
    static final HostileApplications GENERATOR = HostileApplications.load(Path.of("../examples/applications"),
            CATALOG);
    static final DecisionEngine ENGINE = prepared();
    /** Parses trees as an embedder's own mapper might: Jackson's defaults, nothing stricter. */
    static final ObjectMapper PLAIN = new ObjectMapper();
    /** A hang, not a speed target (speed is measured in bench/): a call this long breaks the contract. */
    static final long BOUND_NANOS = 10_000_000_000L;

    /** How the application reaches the engine. */
    enum Entry { BYTES, TEXT, TREE }

    private static DecisionEngine prepared() {
        DecisionEngine engine = DecisionEngine.fromDirectory(CATALOG);
        assertThat(engine.prepareAll()).isEmpty();
        return engine;
    }

    @Property(tries = 3000)
    void everyRecordGetsAResultAndNoInvalidOneIsDecided(@ForAll @IntRange(min = 0, max = 999) int seed,
                                                        @ForAll("mutations") List<Mutation> mutations,
                                                        @ForAll long randomSeed, @ForAll Entry entry) {
        HostileApplications.Sample sample = GENERATOR.sample(seed % GENERATOR.seedCount(), mutations, randomSeed);
        long start = System.nanoTime();
        Result result = evaluate(sample, entry);
        long took = System.nanoTime() - start;

        assertThat(result).as(sample.describe()).isNotNull();
        assertThat(took).as("nanoseconds for " + sample.describe()).isLessThan(BOUND_NANOS);
        if (result instanceof Failure failure) {
            assertThat(failure.kind().isInputProblem()).as(failure.kind() + " " + failure.describe() + " for "
                    + sample.describe()).isTrue();
            String said = failure.describe();
            assertThat(said.length()).as("a bounded message").isLessThan(25_000);
            assertThat(Characters.firstForbidden(said)).as("no control character echoed: " + said).isNegative();
        } else {
            assertThat(sample.invalid()).as("decided " + ((Decision) result).outcome() + ": " + sample.describe())
                    .isFalse();
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.of(Mutation.class).list().ofMinSize(1).ofMaxSize(3);
    }

    private static Result evaluate(HostileApplications.Sample sample, Entry entry) {
        byte[] bytes = sample.bytes();
        Entry effective = entry == Entry.TREE && !sample.asTree() ? Entry.BYTES : entry;
        switch (effective) {
            case TEXT:
                return ENGINE.evaluate(new String(bytes, StandardCharsets.UTF_8));
            case TREE:
                JsonNode tree;
                try {
                    tree = PLAIN.readTree(bytes);
                } catch (java.io.IOException notJson) {
                    return ENGINE.evaluate(new ByteArrayInputStream(bytes));
                }
                return ENGINE.evaluate(tree);
            default:
                return ENGINE.evaluate(new ByteArrayInputStream(bytes));
        }
    }
}
