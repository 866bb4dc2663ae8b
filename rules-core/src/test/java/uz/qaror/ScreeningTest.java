package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.catalog.Folders;
import uz.qaror.internal.json.Json;

/** Screening a household on the small test catalog, with the real engine. */
class ScreeningTest {

    static final DecisionEngine ENGINE = DecisionEngine.fromDirectory(DecisionEngineTest.CATALOG);
    static final LocalDate DATE = LocalDate.of(2024, 6, 1);

    static JsonNode household(String json) {
        try {
            return Json.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ScreeningResult screen(DecisionEngine engine, String json) {
        return engine.screen(household(json), DATE);
    }

    static ScreeningAnswer answer(ScreeningResult result, String service) {
        return result.answer(service).orElseThrow(() -> new AssertionError("no answer for " + service + ": "
                + result));
    }

    @Test
    void eligibleOnlyWhereARuleApprovesWithItsAmountsAndFee() {
        ScreeningResult result = screen(ENGINE, """
                {"id": "HH-1", "applicant": {"birthDate": "1990-01-01"}, "form": {"income": 900000}}""");
        assertThat(result.screened()).isTrue();
        assertThat(result.asOf()).isEqualTo(DATE);
        assertThat(result.answers()).extracting(ScreeningAnswer::service)
                .containsExactly("demo-benefit", "identifiers", "silent");
        ScreeningAnswer benefit = answer(result, "demo-benefit");
        assertThat(benefit.status()).isEqualTo(ScreeningStatus.ELIGIBLE);
        assertThat(benefit.amounts()).extracting(Decision.Amount::code).containsExactly("benefit");
        assertThat(benefit.fee().totalBca()).isEqualByComparingTo("0.045");
        assertThat(benefit.rulesVersion()).hasSize(12);
        assertThat(benefit.name(Language.RU)).isEqualTo("Тестовое пособие");
        // A service whose rules say nothing is an officer's, never eligible by silence.
        assertThat(answer(result, "silent").status()).isEqualTo(ScreeningStatus.OFFICER);
    }

    @Test
    void eachServiceIsDecidedAsTheApplicationTheHouseholdWouldMake() {
        ScreeningResult result = screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}, "form": {"income": 900000, "express": true}}""");
        Decision decision = ENGINE.decide("""
                {"id": "x", "service": "demo-benefit", "submittedAt": "2024-06-01T12:00:00+05:00", "channel": "web",
                 "applicant": {"birthDate": "1990-01-01"}, "form": {"income": 900000, "express": true}}""");
        ScreeningAnswer benefit = answer(result, "demo-benefit");
        assertThat(benefit.status()).isEqualTo(ScreeningStatus.of(decision.outcome()));
        assertThat(benefit.amounts()).isEqualTo(decision.amounts());
        assertThat(benefit.fee()).isEqualTo(decision.fee());
        assertThat(benefit.reasons()).isEqualTo(decision.reasons());
    }

    @Test
    void rejectionAndMissingInputsWithTheirLabels() {
        ScreeningAnswer high = answer(screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}, "form": {"income": 5000000}}"""), "demo-benefit");
        assertThat(high.status()).isEqualTo(ScreeningStatus.NOT_ELIGIBLE);
        assertThat(high.reasons()).extracting(Reason::code).containsExactly("INCOME_TOO_HIGH");
        assertThat(high.fee()).isNull();

        ScreeningAnswer unknown = answer(screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}}"""), "demo-benefit");
        assertThat(unknown.status()).isEqualTo(ScreeningStatus.NEEDS);
        assertThat(unknown.needs()).extracting(ScreeningAnswer.Needed::path).containsExactly("form.income");
        assertThat(unknown.needs().get(0).label(Language.EN)).isEqualTo("monthly income");
        assertThat(unknown.needs().get(0).label(Language.UZ)).isEqualTo("oylik daromad");
        assertThat(unknown.amounts()).isEmpty();
    }

    @Test
    void aServiceThatDoesNotConcernTheHouseholdIsNotApplicableAndUnknownFactsNeverExclude(@TempDir Path dir)
            throws Exception {
        Folders.copyTree(DecisionEngineTest.CATALOG, dir);
        Path descriptor = dir.resolve("services/demo-benefit/service.yaml");
        Files.writeString(descriptor, Files.readString(descriptor)
                + "concerns:\n  anyOf:\n    - {sex: F, age: {min: 55}}\n    - {sex: M, age: {min: 60}}\n");
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);

        ScreeningAnswer young = answer(screen(engine, """
                {"applicant": {"birthDate": "1990-01-01", "sex": "F"}, "form": {"income": 1}}"""), "demo-benefit");
        assertThat(young.status()).isEqualTo(ScreeningStatus.NOT_APPLICABLE);
        assertThat(young.reasons()).extracting(Reason::code).containsExactly("NOT_CONCERNED");
        assertThat(young.reasons().get(0).message(Language.EN))
                .contains("one of: age 55.., sex F | age 60.., sex M");
        assertThat(young.rulesVersion()).isNull();

        ScreeningAnswer woman = answer(screen(engine, """
                {"applicant": {"birthDate": "1965-01-01", "sex": "F"}, "form": {"income": 1}}"""), "demo-benefit");
        assertThat(woman.status()).isEqualTo(ScreeningStatus.ELIGIBLE);
        ScreeningAnswer man = answer(screen(engine, """
                {"applicant": {"birthDate": "1965-01-01", "sex": "M"}, "form": {"income": 1}}"""), "demo-benefit");
        assertThat(man.status()).isEqualTo(ScreeningStatus.NOT_APPLICABLE);

        // No birth date: the concerns cannot exclude, so the rules run and ask for it.
        ScreeningAnswer unknownAge = answer(screen(engine, """
                {"applicant": {"sex": "M"}, "form": {"income": 1}}"""), "demo-benefit");
        assertThat(unknownAge.status()).isEqualTo(ScreeningStatus.NEEDS);
        assertThat(unknownAge.needs()).extracting(ScreeningAnswer.Needed::path).contains("applicant.birthDate");
    }

    @Test
    void aBrokenConcernsDeclarationIsADiagnosticOfTheService(@TempDir Path dir) throws Exception {
        Folders.copyTree(DecisionEngineTest.CATALOG, dir);
        Path descriptor = dir.resolve("services/demo-benefit/service.yaml");
        Files.writeString(descriptor, Files.readString(descriptor)
                + "concerns:\n  age: {min: 30, max: 20}\n  hasMember: {relation: cousin}\n  answers: [colour]\n");
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);
        ScreeningAnswer broken = answer(screen(engine, """
                {"applicant": {"birthDate": "1990-01-01"}}"""), "demo-benefit");
        assertThat(broken.status()).isEqualTo(ScreeningStatus.ERROR);
        assertThat(broken.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("concerns.age: min 30 is above max 20"))
                .anyMatch(m -> m.contains("concerns.hasMember.relation: 'cousin' is not a relation"))
                .anyMatch(m -> m.contains("concerns.answers: 'colour' is not a form input"));
        assertThat(answer(screen(engine, """
                {"applicant": {"birthDate": "1990-01-01"}}"""), "silent").status()).isEqualTo(ScreeningStatus.OFFICER);
    }

    @Test
    void anInvalidHouseholdIsReportedOnceAndNotScreened() {
        ScreeningResult result = screen(ENGINE, """
                {"applicant": {"pinfl": "31405982610121"}, "service": "demo-benefit"}""");
        assertThat(result.screened()).isFalse();
        assertThat(result.answers()).isEmpty();
        assertThat(result.problems()).extracting(Problem::path).containsExactly("service");

        ScreeningResult pinfl = screen(ENGINE, """
                {"applicant": {"pinfl": "31405982610121"}}""");
        assertThat(pinfl.problems()).extracting(Problem::path).containsExactly("applicant.pinfl");
        assertThat(pinfl.problems().get(0).message()).contains("check digit");
        assertThat(pinfl.problemKind()).isEqualTo(Failure.Kind.INVALID_FIELD);

        assertThat(screen(ENGINE, "[]").problems().get(0).message()).contains("a household is a JSON object");
        assertThat(ENGINE.screen((JsonNode) null, DATE).problems().get(0).message()).contains("got nothing");
        assertThat(screen(ENGINE, "{}").problems()).extracting(Problem::path).containsExactly("applicant");
    }

    @Test
    void aHouseholdOverTheEnginesInputLimitsIsOneFailureOfThatKindNotAnErrorPerService() throws Exception {
        DecisionEngine limited = DecisionEngine.builder().rulesDirectory(DecisionEngineTest.CATALOG)
                .inputLimits(InputLimits.builder().maxMembers(2).build()).build();
        ScreeningResult crowded = screen(limited, """
                {"applicant": {"birthDate": "1990-01-01"}, "household": {"members": [
                  {"relation": "child"}, {"relation": "child"}, {"relation": "child"}]}}""");
        assertThat(crowded.screened()).isFalse();
        assertThat(crowded.answers()).isEmpty();
        assertThat(crowded.problemKind()).isEqualTo(Failure.Kind.LIMIT_EXCEEDED);
        assertThat(crowded.problems()).extracting(Problem::path).containsExactly("household.members");

        ScreeningResult control = screen(ENGINE, "{\"applicant\": {\"birthDate\": \"1990-01-01\"}, "
                + "\"form\": {\"income\": \"12\\u0000\"}}");
        assertThat(control.problemKind()).isEqualTo(Failure.Kind.INVALID_FIELD);
        assertThat(control.answers()).isEmpty();
        assertThat(Json.JSON.readTree(control.toJson(Language.EN)).get("problemKind").asText())
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void servicesAndLifeEventsChooseWhatIsScreened() {
        JsonNode household = household("{\"applicant\": {\"birthDate\": \"1990-01-01\"}}");
        ScreeningResult chosen = ENGINE.screen(ScreeningRequest.builder().household(household).asOf(DATE)
                .services(List.of("silent")).build());
        assertThat(chosen.answers()).extracting(ScreeningAnswer::service).containsExactly("silent");
        ScreeningResult event = ENGINE.screen(ScreeningRequest.builder().household(household).asOf(DATE)
                .lifeEvent("test").build());
        assertThat(event.answers()).extracting(ScreeningAnswer::service).containsExactly("demo-benefit");

        ScreeningResult unknown = ENGINE.screen(ScreeningRequest.builder().household(household)
                .services(List.of("demo-benefitt")).build());
        assertThat(unknown.problems().get(0).message()).contains("unknown service 'demo-benefitt'")
                .contains("nearest: demo-benefit");
        assertThat(unknown.problemKind()).as("an unknown service asked for is one, as for an application")
                .isEqualTo(Failure.Kind.UNKNOWN_SERVICE);
        ScreeningResult noEvent = ENGINE.screen(ScreeningRequest.builder().household(household)
                .lifeEvent("moon-landing").build());
        assertThat(noEvent.problems().get(0).message()).contains("no service screened has life event").contains("test");
        assertThat(noEvent.problemKind()).isEqualTo(Failure.Kind.INVALID_FIELD);
    }

    @Test
    void answersGoToTheServicesThatAskThemAndOthersAreListed() {
        ScreeningResult result = screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}, "form": {"income": 1, "colour": "red"}}""");
        assertThat(result.ignored()).containsExactly("form.colour");
        assertThat(answer(result, "demo-benefit").status()).isEqualTo(ScreeningStatus.ELIGIBLE);

        ScreeningResult invalid = screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}, "form": {"income": 1, "kind": "c"}}""");
        ScreeningAnswer error = answer(invalid, "demo-benefit");
        assertThat(error.status()).isEqualTo(ScreeningStatus.ERROR);
        assertThat(error.problems()).extracting(Problem::path).containsExactly("form.kind");
        assertThat(answer(invalid, "silent").status()).isEqualTo(ScreeningStatus.OFFICER);
    }

    @Test
    void answersKnownForOneServiceGoToItAlone() {
        ScreeningResult result = screen(ENGINE, """
                {"applicant": {"birthDate": "1990-01-01"}, "form": {"income": 5000000, "kind": "c"},
                 "forms": {"demo-benefit": {"income": 1, "kind": "a", "colour": 2}, "silent": {}, "unknown": {}}}""");
        assertThat(answer(result, "demo-benefit").status()).isEqualTo(ScreeningStatus.ELIGIBLE);
        assertThat(result.ignored()).containsExactly("forms.demo-benefit.colour", "forms.unknown");

        assertThat(screen(ENGINE, """
                {"applicant": {}, "forms": {"demo-benefit": 1}}""").problems()).extracting(Problem::path)
                .containsExactly("forms.demo-benefit");
    }

    @Test
    void theResultAsJson() throws Exception {
        ScreeningResult result = screen(ENGINE, """
                {"id": "HH-7", "applicant": {"birthDate": "1990-01-01"}}""");
        JsonNode json = Json.JSON.readTree(result.toJson(Language.EN));
        assertThat(json.get("householdId").asText()).isEqualTo("HH-7");
        assertThat(json.get("asOf").asText()).isEqualTo("2024-06-01");
        JsonNode benefit = json.get("answers").get(0);
        assertThat(benefit.get("service").asText()).isEqualTo("demo-benefit");
        assertThat(benefit.get("name").asText()).isEqualTo("Demo benefit");
        assertThat(benefit.get("status").asText()).isEqualTo("NEEDS");
        assertThat(benefit.get("needs").get(0).get("label").asText()).isEqualTo("monthly income");
        assertThat(benefit.get("reasons").get(0).get("message").asText()).contains("monthly income");
    }
}
