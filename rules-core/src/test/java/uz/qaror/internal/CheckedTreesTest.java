package uz.qaror.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.json.DecisionJson;

/**
 * A batch or a request reads its text with the engine's own limits, which checks the tree; the engine then decides
 * it without walking it again, exactly as it decides any tree. A tree read under other limits is checked again.
 */
class CheckedTreesTest {

    private static final Path CATALOG = Path.of("src/test/resources/test-catalog");

    private static String application(String form, String id) {
        return """
                {"id": "%s", "service": "demo-benefit", "submittedAt": "2024-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "1990-01-01"}, "form": %s}
                """.formatted(id, form);
    }

    private static String json(Result result) {
        return DecisionJson.toNode(result, Language.EN).toString();
    }

    @Test
    void aTreeReadWithTheEnginesLimitsIsDecidedAsAnyTree() {
        DecisionEngine engine = DecisionEngine.fromDirectory(CATALOG);
        ApplicationText reader = new ApplicationText(engine.inputLimits());
        java.util.Set<String> outcomes = new java.util.TreeSet<>();
        for (String text : List.of(application("{\"income\": 900000}", "A-1"),
                application("{\"income\": 5000000}", "A-2"), application("{}", "A-1"),
                application("{\"income\": \"much\"}", "A-1"), application("{\"income\": 900000, \"x\": 1}", "A-1"))) {
            ApplicationText.Read read = reader.read(text);
            assertThat(read.failed()).isFalse();
            Result checked = Internals.evaluateChecked(engine, read.application(), engine.inputLimits(), null);
            assertThat(json(checked)).as(text).isEqualTo(json(engine.evaluate(read.application())));
            outcomes.add(checked instanceof uz.qaror.Decision decision ? decision.outcome().name() : "FAILED");
        }
        // approvals, refusals, an incomplete application and invalid ones alike
        assertThat(outcomes).containsExactly("APPROVED", "FAILED", "INCOMPLETE", "REJECTED");
    }

    @Test
    void aTreeReadUnderOtherLimitsIsCheckedUnderTheEngines() {
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(CATALOG)
                .inputLimits(InputLimits.builder().maxStringLength(20).build()).build();
        InputLimits looser = InputLimits.defaults();
        ApplicationText.Read read = new ApplicationText(looser)
                .read(application("{\"income\": 900000}", "A-1-and-more-than-twenty-characters"));
        assertThat(read.failed()).isFalse();
        Result result = Internals.evaluateChecked(engine, read.application(), looser, null);
        assertThat(result).isInstanceOf(Failure.class);
        assertThat(((Failure) result).kind()).isEqualTo(Failure.Kind.LIMIT_EXCEEDED);
        assertThat(json(result)).isEqualTo(json(engine.evaluate(read.application())));
    }
}
