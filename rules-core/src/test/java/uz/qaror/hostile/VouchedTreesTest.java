package uz.qaror.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.TreeSchema;
import uz.qaror.internal.json.DecisionJson;

/**
 * An application whose tree its service's schema vouched for as it was read (as {@code evaluate} of text or bytes,
 * a batch and the HTTP service read them) is decided exactly as the same tree checked against the schema after it
 * was read: on every seed of the hostile corpus and thousands of its samples, valid and invalid, the result is the
 * same. A tree vouched for by another service's schema is checked against its own.
 */
class VouchedTreesTest {

    private static final DecisionEngine ENGINE = HostileApplicationsFuzzTest.ENGINE;
    private static final HostileApplications GENERATOR = HostileApplicationsFuzzTest.GENERATOR;
    private static final ApplicationText READER = new ApplicationText(ENGINE.inputLimits());

    @Test
    void decidedAsTheSameTreeCheckedAfterItWasRead() {
        SplittableRandom random = new SplittableRandom(2026);
        int vouched = 0;
        int invalid = 0;
        for (int i = 0; i < 3_000; i++) {
            HostileApplications.Sample sample = i < GENERATOR.seedCount()
                    ? GENERATOR.sample(i, java.util.List.of(), 0) : GENERATOR.sample(random);
            ApplicationText.Read read = READER.read(sample.bytes(), Internals.readySchemas(ENGINE));
            if (read.failed()) {
                continue;
            }
            Result followed = Internals.evaluateChecked(ENGINE, read.application(), ENGINE.inputLimits(),
                    read.vouchedBy());
            Result checked = Internals.evaluateChecked(ENGINE, read.application(), ENGINE.inputLimits(), null);
            assertThat(json(followed)).as(sample.describe()).isEqualTo(json(checked));
            vouched += read.vouchedBy() != null ? 1 : 0;
            invalid += checked instanceof Failure failure && failure.kind() == Failure.Kind.INVALID_FIELD ? 1 : 0;
        }
        assertThat(vouched).as("trees vouched for").isGreaterThan(GENERATOR.seedCount());
        assertThat(invalid).as("invalid applications among them").isGreaterThan(100);
    }

    @Test
    void anotherServicesSchemaVouchesForNothing() {
        byte[] bytes = GENERATOR.sample(0, java.util.List.of(), 0).bytes();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        ApplicationText.Read read = READER.read(bytes, Internals.readySchemas(ENGINE));
        assertThat(read.vouchedBy()).isNotNull();
        // the same application made invalid for its own service (an applicant's field its schema does not have)
        ApplicationText.Read broken = READER.read(text.replaceFirst("\"applicant\"\\s*:\\s*\\{",
                "\"applicant\": {\"nickname\": \"x\", "));
        assertThat(broken.failed()).isFalse();
        assertThat(broken.vouchedBy()).isNull();
        String own = broken.application().get("service").textValue();
        for (String other : ENGINE.serviceIds()) {
            if (other.equals(own)) {
                continue;
            }
            TreeSchema theirs = Internals.compiled(ENGINE, other).schema().treeSchema();
            Result result = Internals.evaluateChecked(ENGINE, broken.application(), ENGINE.inputLimits(), theirs);
            assertThat(result).as(other).isInstanceOf(Failure.class);
            assertThat(((Failure) result).kind()).as(other).isEqualTo(Failure.Kind.INVALID_FIELD);
        }
    }

    private static String json(Result result) {
        return DecisionJson.toNode(result, Language.EN).toString();
    }
}
