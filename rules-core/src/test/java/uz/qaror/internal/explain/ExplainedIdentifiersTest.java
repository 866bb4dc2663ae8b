package uz.qaror.internal.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uz.qaror.DecisionEngine;
import uz.qaror.internal.json.Json;

/**
 * An explanation shows the facts a rule matched and the values it bound, and never a person's identifiers: not the
 * applicant's, and not one given as a form answer (a represented person's PINFL), however a rule reads it.
 */
class ExplainedIdentifiersTest {

    private static final DecisionEngine ENGINE =
            DecisionEngine.fromDirectory(Path.of("src/test/resources/test-catalog"));

    @Test
    void identifiersInFormAnswersAndBindingsAreConcealed() throws Exception {
        JsonNode application = Json.JSON.readTree("""
                {"id": "I-1", "service": "identifiers", "submittedAt": "2025-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "1990-03-15", "pinfl": "41503902610128", "phone": "+998901234567"},
                 "form": {"representedPinfl": "32207852610127", "companyStir": "201234567",
                          "representedPassport": "AB1234567", "contactPhone": "+998 90 765 43 21",
                          "targetSoato": "1726277", "note": "urgent"}}
                """);

        Explainer.Explained explained = Explainer.explain(ENGINE, application, null);
        assertThat(explained.explanation()).as("explained %s", explained.result()).isNotNull();
        Explanation explanation = explained.explanation();

        String shown = explanation.steps().toString();
        assertThat(shown).contains("1726277", "urgent")
                .doesNotContain("32207852610127", "201234567", "AB1234567", "+998907654321", "41503902610128",
                        "+998901234567");
        assertThat(shown).contains(Concealment.CONCEALED);
    }
}
