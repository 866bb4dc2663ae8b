package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.internal.catalog.Folders;

/**
 * A required input of every kind a descriptor may declare (a form answer, a document, the applicant's birth date and
 * sex, which the PINFL gives when the fields are absent, and any other field of the application) is listed as missing
 * exactly when the application lacks it, in the descriptor's order; and a form answer declared as an identifier is
 * checked as one.
 */
class RequiredInputsTest {

    /** An applicant with every required field, and the rest of an application with every required input. */
    private static final String APPLICANT = "{\"birthDate\": \"1990-03-15\", \"sex\": \"F\", \"citizenship\": \"UZ\"}";
    private static final String REST = ", \"household\": {\"members\": []}, \"form\": {\"note\": \"x\"}, "
            + "\"documents\": [{\"type\": \"passport-copy\"}]";

    @TempDir
    static Path catalog;
    private static DecisionEngine engine;

    @BeforeAll
    static void serviceRequiringEveryKind() throws Exception {
        Folders.copyTree(DecisionEngineTest.CATALOG, catalog);
        Path descriptor = catalog.resolve("services/silent/service.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("inputs: []", """
                inputs:
                  - {path: form.note, type: string, required: true}
                  - {path: applicant.citizenship, required: true}
                  - {path: documents.passport-copy, required: true}
                  - {path: applicant.sex, required: true}
                  - {path: household.members, required: true}
                  - {path: applicant.birthDate, required: true}
                  - {path: form.represented, type: pinfl}
                  - {path: form.count, type: integer}
                """));
        engine = DecisionEngine.fromDirectory(catalog);
    }

    private static Result evaluate(String applicant, String rest) {
        return engine.evaluate("""
                {"id": "R-1", "service": "silent", "submittedAt": "2025-06-01T10:00:00+05:00",
                 "applicant": %s%s}
                """.formatted(applicant, rest));
    }

    private static Decision decided(String applicant, String rest) {
        Result result = evaluate(applicant, rest);
        assertThat(result).as(applicant + rest).isInstanceOf(Decision.class);
        return (Decision) result;
    }

    @Test
    void everyRequiredInputAbsentIsMissingInTheDescriptorsOrder() {
        Decision decision = decided("{}", "");
        assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(decision.missing()).containsExactly("form.note", "applicant.citizenship",
                "documents.passport-copy", "applicant.sex", "household.members", "applicant.birthDate");
        assertThat(decided("{\"sex\": null, \"citizenship\": null}", ", \"household\": {\"members\": null}, "
                + "\"form\": {\"note\": null}, \"documents\": []").missing())
                .as("null is absent").containsExactly("form.note", "applicant.citizenship",
                        "documents.passport-copy", "applicant.sex", "household.members", "applicant.birthDate");
    }

    @Test
    void everyRequiredInputPresentIsNotMissing() {
        Decision decision = decided(APPLICANT, REST.replace("[{", "[{\"type\": \"other\"}, {"));
        assertThat(decision.missing()).isEmpty();
        assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
    }

    @Test
    void theBirthDateAndSexThePinflGivesAreNotMissing() {
        Decision decision = decided("{\"pinfl\": \"41503902610128\", \"citizenship\": \"UZ\"}", REST);
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void eachOneAbsentAloneIsTheOneMissing() {
        assertThat(decided(APPLICANT.replace("\"sex\": \"F\", ", ""), REST).missing()).containsExactly("applicant.sex");
        assertThat(decided(APPLICANT.replace("\"birthDate\": \"1990-03-15\", ", ""), REST).missing())
                .containsExactly("applicant.birthDate");
        assertThat(decided(APPLICANT.replace(", \"citizenship\": \"UZ\"", ""), REST).missing())
                .containsExactly("applicant.citizenship");
        assertThat(decided(APPLICANT, REST.replace("\"members\": []", "")).missing())
                .containsExactly("household.members");
        assertThat(decided(APPLICANT, REST.replace("\"note\": \"x\"", "\"count\": 2")).missing())
                .containsExactly("form.note");
        assertThat(decided(APPLICANT, REST.replace("passport-copy", "passport")).missing())
                .containsExactly("documents.passport-copy");
    }

    @Test
    void aFormAnswerDeclaredAsAnIdentifierIsCheckedAndOthersAreNot() {
        Result wrong = evaluate("{}", ", \"form\": {\"represented\": \"41503902610129\", \"note\": \"4150390261012\"}");
        assertThat(wrong).isInstanceOf(Failure.class);
        assertThat(((Failure) wrong).problems()).extracting(Problem::path).containsExactly("form.represented");
        assertThat(decided("{}", ", \"form\": {\"represented\": \"41503902610128\"}").missing())
                .doesNotContain("form.represented");
    }
}
