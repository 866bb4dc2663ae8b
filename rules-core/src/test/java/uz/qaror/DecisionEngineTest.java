package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's behaviour on a small test catalog, with the real Drools engine. */
class DecisionEngineTest {

    static final Path CATALOG = Path.of("src/test/resources/test-catalog");
    static final DecisionEngine ENGINE = DecisionEngine.fromDirectory(CATALOG);

    static String application(String service, String submittedAt, String birthDate, String form) {
        return """
                {"id": "A-1", "service": "%s", "submittedAt": "%s", "channel": "web",
                 "applicant": {"birthDate": "%s"}, "form": %s}
                """.formatted(service, submittedAt, birthDate, form);
    }

    static Decision decide(String form) {
        return ENGINE.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "1990-01-01", form));
    }

    @Test
    void approvesOnlyWhenARuleApproves() {
        Decision decision = decide("{\"income\": 900000}");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("ELIGIBLE");
        assertThat(decision.reasons().get(0).legalBasis()).isEqualTo("Test act art. 1");
        assertThat(decision.reasons().get(0).rule()).isEqualTo("Adult with income under the threshold");
        assertThat(decision.firedRules()).extracting(Decision.FiredRule::name)
                .containsExactly("Adult with income under the threshold");
    }

    @Test
    void aServiceWhereNoRuleDecidesRefersToAnOfficer() {
        Decision decision = ENGINE.decide(application("silent", "2024-06-01T10:00:00+05:00", "1990-01-01", "{}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("NO_RULE_DECIDED");
        assertThat(decision.firedRules()).hasSize(1);
    }

    @Test
    void rejectionStandsOverMissingInputAndReferral() {
        Decision decision = ENGINE.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "2010-01-01",
                "{\"income\": 5000000, \"kind\": \"b\"}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("INCOME_TOO_HIGH");
        assertThat(decision.missing()).containsExactly("documents.certificate");
        assertThat(decision.fee()).as("nothing is charged on a rejection").isNull();
    }

    @Test
    void amountsAreOnlyGivenWithAnApproval() {
        Decision incomplete = ENGINE.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "1990-01-01",
                "{\"income\": 100, \"kind\": \"b\"}"));
        assertThat(incomplete.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(incomplete.amounts()).isEmpty();
        assertThat(incomplete.fee()).isNotNull();
    }

    @Test
    void missingInputStandsOverReferral() {
        Decision decision = ENGINE.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "2010-01-01",
                "{\"income\": 100, \"kind\": \"b\"}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("CERTIFICATE_MISSING");
    }

    @Test
    void absentRequiredInputMakesTheApplicationIncomplete() {
        Decision decision = decide("{}");
        assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(decision.missing()).containsExactly("form.income");
        assertThat(decision.reasons().get(0).message(Language.EN)).contains("monthly income");
    }

    @Test
    void anUnansweredQuestionIsNullNotNo() {
        // "express" is a boolean the applicant did not answer: the rule "Express" must not see false or true,
        // and no fee option may be charged.
        Decision decision = decide("{\"income\": 1}");
        assertThat(decision.fee().components()).extracting(Fee.Component::code).containsExactly("duty");
        assertThat(decision.firedRules()).extracting(Decision.FiredRule::name)
                .doesNotContain("Express", "Express answer seen");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void parametersAreReadAsOfTheSubmissionDate() {
        String form = "{\"income\": 1100000}";
        assertThat(ENGINE.decide(application("demo-benefit", "2024-12-31T23:59:00+05:00", "1990-01-01", form))
                .outcome()).isEqualTo(Outcome.REJECTED);
        Decision next = ENGINE.decide(application("demo-benefit", "2025-01-01T00:01:00+05:00", "1990-01-01", form));
        assertThat(next.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(next.parameters()).extracting(Decision.ParameterUse::id).contains("threshold", "bca");
        assertThat(next.parameters().stream().filter(p -> p.id().equals("threshold")).findFirst().orElseThrow()
                .legalBasis()).isEqualTo("Test act 2");
    }

    @Test
    void datedRulesApplyByTheSubmissionDate() {
        Decision before = ENGINE.decide(application("demo-benefit", "2024-12-31T12:00:00+05:00", "1990-01-01",
                "{\"income\": 1}"));
        Decision after = ENGINE.decide(application("demo-benefit", "2025-01-01T12:00:00+05:00", "1990-01-01",
                "{\"income\": 1}"));
        assertThat(before.amounts()).extracting(Decision.Amount::code).containsExactly("benefit");
        assertThat(after.amounts()).extracting(Decision.Amount::code).containsExactly("benefit", "bonus");
    }

    @Test
    void asOfOverridesTheSubmissionDate() {
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(CATALOG)
                .asOf(java.time.LocalDate.of(2025, 3, 1)).build();
        Decision decision = engine.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "1990-01-01",
                "{\"income\": 1100000}"));
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.asOf()).isEqualTo(java.time.LocalDate.of(2025, 3, 1));
    }

    @Test
    void feeIsInBcaAndSoumWithTheOnlineRateAndOptions() {
        Decision decision = decide("{\"income\": 1, \"express\": true}");
        assertThat(decision.fee().totalBca()).isEqualByComparingTo("1.845");
        // BCA 340,000 on 2024-06-01, online: 0.045 x 340,000 = 15,300 and 1.8 x 340,000 = 612,000
        assertThat(decision.fee().totalSoum()).isEqualByComparingTo("627300");
        assertThat(decision.amounts().get(0).value()).isEqualByComparingTo(new BigDecimal("680000"));
        // Two working days from Saturday 1 June 2024: Sunday and the test calendar's holiday on 3 June are
        // skipped, so Tuesday 4 and Wednesday 5 June.
        assertThat(decision.dueDate()).isEqualTo(java.time.LocalDate.of(2024, 6, 5));
    }

    @Test
    void optionsHaveTheirOnlineRateAndEachComponentItsAct() {
        Decision online = decide("{\"income\": 1, \"express\": true}");
        assertThat(online.fee().components()).extracting(Fee.Component::code, Fee.Component::bca,
                Fee.Component::legalBasis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("duty", new BigDecimal("0.045"), "Test fee act"),
                org.assertj.core.groups.Tuple.tuple("express", new BigDecimal("1.8"), "Test express act"));
        Decision atCentre = ENGINE.decide(application("demo-benefit", "2024-06-01T10:00:00+05:00", "1990-01-01",
                "{\"income\": 1, \"express\": true}").replace("\"web\"", "\"center\""));
        assertThat(atCentre.fee().components()).extracting(Fee.Component::bca)
                .containsExactly(new BigDecimal("0.05"), new BigDecimal("2"));
        assertThat(atCentre.fee().totalSoum()).isEqualByComparingTo("697000");
        assertThat(online.toJson(Language.EN).replace(" ", "")).contains("\"code\":\"express\",\"bca\":1.8,"
                + "\"soum\":612000,\"legalBasis\":\"Testexpressact\"");
    }

    @Test
    void workingDayDeadlinesSkipDatedHolidays() {
        Decision decision = ENGINE.decide(application("demo-benefit", "2024-06-07T10:00:00+05:00", "1990-01-01",
                "{\"income\": 1}"));
        // Friday 7 June + 2 working days: the weekend and the dated holiday of Monday 10 June are skipped.
        assertThat(decision.dueDate()).isEqualTo(java.time.LocalDate.of(2024, 6, 12));
    }

    @Test
    void aBrokenCalendarNamesTheFileAndEntry(@TempDir Path dir) throws Exception {
        copy(CATALOG, dir);
        Files.writeString(dir.resolve("calendar.yaml"), "fixed: [\"13-40\"]\n");
        Failure failure = (Failure) DecisionEngine.fromDirectory(dir).evaluate(application("demo-benefit",
                "2024-06-07T10:00:00+05:00", "1990-01-01", "{\"income\": 1}"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.RULES_BROKEN);
        assertThat(failure.describe()).contains("calendar.yaml").contains("'13-40' is not a day of the year");
    }

    @Test
    void reasonPlaceholdersAreFilledInEveryLanguage() {
        Decision decision = decide("{\"income\": 5000000}");
        assertThat(decision.reasons().get(0).message(Language.EN)).isEqualTo("Income 5,000,000 is too high");
        assertThat(decision.reasons().get(0).message(Language.RU)).isEqualTo("Доход 5\u00A0000\u00A0000");
    }

    @Test
    void malformedJsonIsAFailureNamingLineAndColumn() {
        Result result = ENGINE.evaluate("{\"id\": \"x\",\n \"service\": }");
        assertThat(result).isInstanceOf(Failure.class);
        Failure failure = (Failure) result;
        assertThat(failure.kind()).isEqualTo(Failure.Kind.MALFORMED_JSON);
        assertThat(failure.describe()).contains("line 2, column");
    }

    @Test
    void unknownServiceNamesTheNearestIds() {
        Failure failure = (Failure) ENGINE.evaluate(application("demo-benefitt", "2024-06-01T10:00:00+05:00",
                "1990-01-01", "{}"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.UNKNOWN_SERVICE);
        assertThat(failure.describe()).contains("nearest: demo-benefit");
    }

    @Test
    void wrongTypesAndBadDatesAreNamedByPath() {
        Failure failure = (Failure) ENGINE.evaluate(application("demo-benefit", "yesterday", "1990-02-30",
                "{\"income\": \"a lot\", \"kind\": \"c\", \"colour\": 1}"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).extracting(Problem::path)
                .contains("form.income", "form.kind", "form.colour");
        Failure dates = (Failure) ENGINE.evaluate(application("demo-benefit", "yesterday", "1990-02-30",
                "{\"income\": 1}"));
        assertThat(dates.problems()).extracting(Problem::path).contains("submittedAt", "applicant.birthDate");
    }

    @Test
    void missingEnvelopeFieldsAreNamed() {
        Failure failure = (Failure) ENGINE.evaluate("{\"service\": \"demo-benefit\"}");
        assertThat(failure.problems()).extracting(Problem::path).contains("id", "submittedAt", "applicant");
    }

    @Test
    void invalidPinflIsRejectedWithoutEchoingIt() {
        Failure failure = (Failure) ENGINE.evaluate("""
                {"id": "A", "service": "demo-benefit", "submittedAt": "2024-06-01",
                 "applicant": {"pinfl": "31405982610121"}, "form": {"income": 1}}""");
        assertThat(failure.describe()).contains("applicant.pinfl").contains("check digit")
                .doesNotContain("31405982610121");
    }

    @Test
    void decideThrowsWithTheFailure() {
        assertThatThrownBy(() -> ENGINE.decide("[]"))
                .isInstanceOf(InvalidApplicationException.class)
                .extracting(e -> ((InvalidApplicationException) e).failure().kind())
                .isEqualTo(Failure.Kind.MALFORMED_JSON);
    }

    @Test
    void brokenRulesNeverDecideAndReportFileLineAndColumn(@TempDir Path dir) throws Exception {
        copy(CATALOG, dir);
        Path drl = dir.resolve("services/demo-benefit/rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("Applicant(age < params", "Aplicant(age < params")
                .replace("income <= params", "incme <= params"));
        Files.writeString(dir.resolve("services/demo-benefit/more.drl"),
                "package qaror.service.demo_benefit;\nrule \"x\"\nwhen\n  Applicant(age >\nthen\nend\n");
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);
        Failure failure = (Failure) engine.evaluate(application("demo-benefit", "2024-06-01", "1990-01-01",
                "{\"income\": 1}"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.RULES_BROKEN);
        assertThatThrownBy(() -> engine.prepare("demo-benefit"))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::toString)
                        .anyMatch(d -> d.contains("more.drl:4:12: error: this '(' is never closed"))
                        .anyMatch(d -> d.contains("rules.drl:") && d.contains("unknown fact type 'Aplicant'"))
                        .anyMatch(d -> d.contains("Form has no field 'incme'")));
        // the other service still decides
        assertThat(engine.decide(application("silent", "2024-06-01", "1990-01-01", "{}")).outcome())
                .isEqualTo(Outcome.REFERRED);
    }

    @Test
    void decidesConsistentlyFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int income = i % 2 == 0 ? 1 : 5_000_000;
                futures.add(pool.submit(() -> decide("{\"income\": " + income + "}").outcome()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(i % 2 == 0 ? Outcome.APPROVED : Outcome.REJECTED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void copy(Path from, Path to) throws Exception {
        uz.qaror.internal.catalog.Folders.copyTree(from, to);
    }
}
