package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Form inputs declared as identifiers ({@code type: pinfl | stir | passport | phone | soato}) are checked by the
 * engine exactly as the applicant's own identifiers: a valid one reaches the rules, an invalid one is an
 * INVALID_FIELD naming {@code form.<name>} with the same message the applicant's field would get.
 */
class FormIdentifiersTest {

    private static final DecisionEngine ENGINE = DecisionEngine.fromDirectory(DecisionEngineTest.CATALOG);

    private static Result evaluate(String applicant, String form) {
        return ENGINE.evaluate("""
                {"id": "I-1", "service": "identifiers", "submittedAt": "2025-06-01T10:00:00+05:00",
                 "applicant": {"birthDate": "1990-01-01"%s}, "form": %s}
                """.formatted(applicant, form));
    }

    private static Decision decided(String form) {
        Result result = evaluate("", form);
        assertThat(result).isInstanceOf(Decision.class);
        return (Decision) result;
    }

    private static Failure failed(String applicant, String form) {
        Result result = evaluate(applicant, form);
        assertThat(result).isInstanceOf(Failure.class);
        return (Failure) result;
    }

    @ParameterizedTest(name = "{0} {1} is accepted and the rules read {2}")
    @CsvSource(textBlock = """
            representedPinfl,    41503902610128,    41503902610128
            companyStir,         201234567,         201234567
            representedPassport, AB1234567,         AB1234567
            contactPhone,        +998 90 123 45 67, +998901234567
            targetSoato,         1726277,           1726277
            """)
    void aValidIdentifierReachesTheRules(String field, String value, String seen) {
        Decision decision = decided("{\"" + field + "\": \"" + value + "\"}");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.reasons().get(0).message(Language.EN)).contains(seen);
    }

    @ParameterizedTest(name = "{0} {2} is an INVALID_FIELD at form.{0}, worded as at applicant.{1}")
    @CsvSource(textBlock = """
            representedPinfl,    pinfl,         41503902610127
            representedPinfl,    pinfl,         4150390261012
            companyStir,         stir,          101234567
            representedPassport, passport,      ab1234567
            contactPhone,        phone,         +7 495 123 45 67
            targetSoato,         address.soato, 1799401
            """)
    void anInvalidIdentifierIsAnInvalidFieldNamingTheFormPath(String field, String applicantField, String value) {
        Failure failure = failed("", "{\"" + field + "\": \"" + value + "\"}");
        assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).extracting(Problem::path).containsExactly("form." + field);

        String nested = applicantField.equals("address.soato") ? ", \"address\": {\"soato\": \"" + value + "\"}"
                : ", \"" + applicantField + "\": \"" + value + "\"";
        Failure own = failed(nested, "{}");
        assertThat(own.problems()).hasSize(1);
        assertThat(failure.problems().get(0).message()).isEqualTo(own.problems().get(0).message());
    }

    @ParameterizedTest(name = "{1} for {0} is an INVALID_FIELD at form.{0}")
    @CsvSource({
            "representedPinfl, ''", "companyStir, ''", "representedPassport, ''", "contactPhone, ''",
            "targetSoato, ''", "representedPinfl, 41503902610128", "targetSoato, 1726",
    })
    void anEmptyOrNumericAnswerIsInvalid(String field, String json) {
        String value = json.isEmpty() ? "\"\"" : json; // a number, not a string of digits
        Failure failure = failed("", "{\"" + field + "\": " + value + "}");
        assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).extracting(Problem::path).containsExactly("form." + field);
    }

    @ParameterizedTest(name = "a plain string input is not checked: {0}")
    @CsvSource({"41503902610127", "not an identifier"})
    void aStringInputStaysUnchecked(String value) {
        Decision decision = decided("{\"note\": \"" + value + "\"}");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.reasons().get(0).message(Language.EN)).contains(value);
    }

    @Test
    void aMisspeltTypeIsNamedWithTheTypesADescriptorMayUse() throws Exception {
        ServiceDescriptor descriptor = uz.qaror.internal.json.Json.YAML.readValue("""
                id: x
                inputs: [{path: form.representedPinfl, type: pinfI}]
                """, ServiceDescriptor.class);
        assertThat(uz.qaror.internal.build.FormDeclaration.check(descriptor, "services/x/service.yaml"))
                .extracting(Diagnostic::toString).containsExactly("services/x/service.yaml:1:1: error: input "
                        + "'form.representedPinfl' has type 'pinfI'; use one of [boolean, date, enum, integer, "
                        + "number, passport, phone, pinfl, soato, stir, string]");
    }

    @Test
    void everyInvalidIdentifierIsNamed() {
        Failure failure = failed("", """
                {"representedPinfl": "1", "companyStir": "1", "representedPassport": "1", "contactPhone": "1",
                 "targetSoato": "1"}""");
        assertThat(failure.problems()).extracting(Problem::path).containsExactlyInAnyOrder("form.representedPinfl",
                "form.companyStir", "form.representedPassport", "form.contactPhone", "form.targetSoato");
    }
}
