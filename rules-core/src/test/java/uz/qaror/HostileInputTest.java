package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.DecisionJson;

/**
 * What a hostile user sent to the real catalog (issue 8), each case as found: numbers truncated into approvals,
 * impossible dates decided, strings with control characters accepted, exceptions instead of failures, service
 * values reaching the file system, identifiers echoed. Each must now be a {@link Failure} of the right kind.
 */
class HostileInputTest {

    /** A hang, not a speed target: the hostile values of issue 8 took a minute of CPU, or never ended. */
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @org.junit.jupiter.api.BeforeAll
    static void compileTheServicesUsed() {
        // Compiling is slow on a busy machine, and not what these tests time.
        for (String service : List.of("old-age-pension", "marriage-registration", "child-benefit",
                "driving-licence-b")) {
            RealCatalog.ENGINE.prepare(service);
        }
    }

    private static Result evaluate(JsonNode application) {
        return assertTimeoutPreemptively(PROMPTLY, () -> RealCatalog.ENGINE.evaluate(application));
    }

    private static Failure failure(Result result, Failure.Kind kind) {
        assertThat(result).isInstanceOf(Failure.class);
        Failure failure = (Failure) result;
        assertThat(failure.kind()).as(failure.describe()).isEqualTo(kind);
        return failure;
    }

    /** The paths an INVALID_FIELD failure names for the application. */
    private static List<String> invalidPaths(JsonNode application) {
        return failure(evaluate(application), Failure.Kind.INVALID_FIELD).problems().stream().map(Problem::path)
                .toList();
    }

    /** An example application with one field of one of its objects ({@code applicant}, {@code form}) set. */
    private static ObjectNode exampleWith(String example, String object, String field, String value) {
        ObjectNode application = RealCatalog.example(example);
        ((ObjectNode) application.get(object)).put(field, value);
        return application;
    }

    private static ObjectNode pension() {
        ObjectNode application = RealCatalog.example("old-age-pension");
        assertThat(RealCatalog.ENGINE.decide(application.deepCopy()).outcome()).isEqualTo(Outcome.APPROVED);
        return application;
    }

    @Test
    void serviceYearsBeyondAnIntAreInvalidNotTruncatedIntoAnApproval() {
        for (BigInteger years : List.of(BigInteger.TWO.pow(32).add(BigInteger.valueOf(30)), BigInteger.TEN.pow(30),
                BigInteger.valueOf(81))) {
            ObjectNode application = pension();
            ((ObjectNode) application.get("applicant")).put("serviceYears", years);
            Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
            assertThat(failure.problems()).extracting(Problem::path).contains("applicant.serviceYears");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30000000", "1e1000000000", "-1e1000000000", "1e16", "0.1234567"})
    void absurdIncomesAreInvalidAtOnce(String income) {
        String text = pension().toString().replace("\"serviceYears\":30", "\"serviceYears\":30,\"monthlyIncome\":"
                + income);
        assertThat(text).contains(income);
        Result result = assertTimeoutPreemptively(PROMPTLY, () -> RealCatalog.ENGINE.evaluate(text));
        assertThat(failure(result, Failure.Kind.INVALID_FIELD).problems()).extracting(Problem::path)
                .containsExactly("applicant.monthlyIncome");
    }

    @Test
    void aNumberThatIsNotFiniteInAnEmbeddersTreeIsInvalidNotAnException() {
        ObjectNode application = pension();
        ((ObjectNode) application.get("applicant")).put("monthlyIncome", Double.POSITIVE_INFINITY);
        assertThat(failure(evaluate(application), Failure.Kind.INVALID_FIELD).describe())
                .contains("applicant.monthlyIncome: is not a finite number");
    }

    static java.util.stream.Stream<Arguments> invalidValues() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (String date : List.of("0000-01-01", "1899-12-31", "-0001-01-01", "+10000-01-01", "2999-01-01")) {
            cases.add(Arguments.of("a spouse born in an impossible year", "form", "spouseBirthDate", date));
        }
        for (String citizenship : List.of("UZ\r", "UZ\n", "UZ\u2028", "UZ\u2029", "U\n")) {
            cases.add(Arguments.of("citizenship with a trailing line break", "applicant", "citizenship", citizenship));
        }
        for (String phone : List.of("+998 90 123 45 67x", "+998901234567\u202E", "+998901234567\uFFFD",
                "+998 90 123 45 67 ext. 5", "+998901234567;ext=1", "tel:+998901234567", "+998 90 123+45 67")) {
            cases.add(Arguments.of("a phone number with junk", "applicant", "phone", phone));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValuesAreNamedByTheirPath(String what, String object, String field, String value) {
        assertThat(invalidPaths(exampleWith("marriage-registration", object, field, value)))
                .contains(object + "." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2025-09-16"})
    void birthDatesBefore1900OrAfterTheSubmissionAreInvalid(String birthDate) {
        ObjectNode application = RealCatalog.example("child-benefit");
        ((ObjectNode) application.get("household").get("members").get(1)).remove("pinfl");
        ((ObjectNode) application.get("household").get("members").get(1)).put("birthDate", birthDate);
        assertThat(invalidPaths(application)).contains("household.members[1].birthDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2100-01-01T10:00:00+05:00", "9999-12-31T23:59:59+18:00", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "1999-12-31T10:00:00+05:00", "0000-01-01"})
    void submissionsFarInTheFutureOrBeforeThePortalAreInvalidNotDecided(String submittedAt) {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("submittedAt", submittedAt);
        assertThat(invalidPaths(application)).containsExactly("submittedAt");
    }

    @Test
    void aSubmissionTomorrowIsStillDecided() {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("submittedAt", java.time.OffsetDateTime.now().plusHours(20).toString());
        assertThat(evaluate(application)).isInstanceOf(Decision.class);
    }

    @Test
    void aSubmissionBeforeTheCatalogsParametersIsAnInputErrorNotAnException() {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("submittedAt", "2019-01-10T10:00:00+05:00"); // adults, so a fee in BCA (from 2019-08)
        Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
        assertThat(failure.describe()).contains("submittedAt: the catalog has no value of parameter");
    }

    @Test
    void documentsIssuedBefore1900OrInTheFutureAreInvalid() {
        for (String issuedOn : List.of("0001-01-01", "1899-12-31", "2999-01-01",
                LocalDate.now().plusDays(3).toString())) {
            ObjectNode application = RealCatalog.example("driving-licence-b");
            ((ObjectNode) application.get("documents").get(0)).put("issuedOn", issuedOn);
            assertThat(invalidPaths(application)).containsExactly("documents[0].issuedOn");
        }
    }

    @Test
    void vehicleYearsOutsideAPlausibleRangeAreInvalid() {
        for (long year : List.of(1899L, 3000L, 2147483648L)) {
            ObjectNode application = RealCatalog.example("child-benefit");
            ((ObjectNode) application.get("household").get("vehicles").get(0)).put("year", year);
            assertThat(invalidPaths(application)).contains("household.vehicles[0].year");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\t", "\n", "\u001b[31m", "\u007F", "\u0085", "\u009B", "\u2028",
            "\u202A", "\u202E", "\u2066", "\u2069", "\uFFFD", "\uD800"})
    void forbiddenCharactersAreInvalidAnywhereInValuesAndNames(String character) {
        ObjectNode value = RealCatalog.example("marriage-registration");
        ((ObjectNode) value.get("applicant").get("address")).put("text", "Toshkent" + character + " sh.");
        Failure failure = failure(evaluate(value), Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).extracting(Problem::path).containsExactly("applicant.address.text");
        assertThat(failure.describe()).doesNotContain(character);

        ObjectNode name = RealCatalog.example("marriage-registration");
        ((ObjectNode) name.get("form")).put("closeRelatives" + character, false);
        Failure inName = failure(evaluate(name), Failure.Kind.INVALID_FIELD);
        assertThat(inName.describe()).contains("its name contains U+").doesNotContain(character);
    }

    @Test
    void invalidUtf8IsRejectedNamingTheOffsetFromBytesAndAsReplacementCharactersFromText() throws Exception {
        byte[] valid = RealCatalog.example("marriage-registration").toString().getBytes(StandardCharsets.UTF_8);
        String marker = "Karimov";
        int at = new String(valid, StandardCharsets.ISO_8859_1).indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(valid, 0, at);
        bytes.write(new byte[] {(byte) 0xC3, 0x28});
        bytes.write(valid, at, valid.length - at);

        Failure fromBytes = failure(RealCatalog.ENGINE.evaluate(new ByteArrayInputStream(bytes.toByteArray())),
                Failure.Kind.MALFORMED_JSON);
        assertThat(fromBytes.describe()).contains("not UTF-8: byte 0xC3 at offset " + at);
        // A caller that decoded the bytes itself got U+FFFD for them: as invalid from text as from bytes.
        String decoded = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertThat(failure(RealCatalog.ENGINE.evaluate(decoded), Failure.Kind.INVALID_FIELD).describe())
                .contains("applicant.lastName: contains U+FFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../marriage-registration", "a\u0000b", "x/../../etc/passwd", ".", "..", "/etc",
            "\\..\\x", "marriage-registration\n", "marriage-registration/"})
    void hostileServiceValuesNeverReachTheFileSystem(String service) {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("service", service);
        Result result = evaluate(application);
        assertThat(result).isInstanceOf(Failure.class);
        assertThat(((Failure) result).kind()).isIn(Failure.Kind.UNKNOWN_SERVICE, Failure.Kind.INVALID_FIELD);
    }

    @Test
    void aMegabyteServiceIsRefusedAtOnceAndEchoedOnlyAsAnExcerpt() {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("service", "marriage-registration" + "x".repeat(1 << 20));
        Result result = assertTimeoutPreemptively(PROMPTLY, () -> RealCatalog.ENGINE.evaluate(
                application));
        Failure failure = failure(result, Failure.Kind.LIMIT_EXCEEDED);
        assertThat(failure.service()).isNull();
        assertThat(DecisionJson.write(failure, Language.EN).length()).isLessThan(1_000);

        // Within the limits, the nearest-id search is bounded too and the echo is an excerpt.
        DecisionEngine roomy = DecisionEngine.builder().rulesDirectory(RealCatalog.FOLDER)
                .inputLimits(InputLimits.builder().maxBytes(4 << 20).maxStringLength(2 << 20).build()).build();
        Failure unknown = failure(assertTimeoutPreemptively(PROMPTLY, () -> roomy.evaluate(
                application)), Failure.Kind.UNKNOWN_SERVICE);
        assertThat(unknown.describe()).contains("(1048597 characters)").contains("nearest: marriage-registration");
        assertThat(DecisionJson.write(unknown, Language.EN).length()).isLessThan(1_000);
    }

    @Test
    void inputCannotForgeALineOfOutput() {
        ObjectNode application = RealCatalog.example("marriage-registration");
        application.put("service", "x\nqaror: forged line");
        ((ObjectNode) application.get("applicant")).put("firstName", "\u001b[2K\rqaror: done");
        Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).extracting(Problem::path).containsExactly("service", "applicant.firstName");
        assertThat(DecisionJson.write(failure, Language.EN) + failure.describe()).doesNotContain("\n", "\r",
                "\u001b", "forged", "done");
    }

    @Test
    void identifiersNeverAppearInWhatTheEngineSaysAboutThem() {
        String pinfl = "31405982610121"; // check digit wrong
        String[][] cases = {{"pinfl", pinfl}, {"pinfl", "3140598261012"}, {"passport", "AB987654"},
                {"stir", "412345678x"}, {"phone", "+998901234567x"}};
        for (String[] field : cases) {
            ObjectNode application = RealCatalog.example("marriage-registration");
            ((ObjectNode) application.get("applicant")).put(field[0], field[1]);
            Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
            String digits = field[1].replaceAll("\\D", "");
            for (Language language : Language.values()) {
                assertThat(DecisionJson.write(failure, language)).as(field[0]).doesNotContain(digits);
            }
            assertThat(failure.describe()).doesNotContain(digits).contains("applicant." + field[0]);
        }
        // A valid PINFL that disagrees with the birth date given: neither the PINFL nor the date it encodes.
        ObjectNode application = RealCatalog.example("marriage-registration");
        ((ObjectNode) application.get("applicant")).put("birthDate", "1998-05-15");
        Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
        assertThat(failure.describe()).contains("applicant.birthDate").doesNotContain("31405982610122")
                .doesNotContain("1998-05-14");
    }

    @Test
    void limitsApplyToTextBytesAndTreesAlike() throws Exception {
        DecisionEngine small = DecisionEngine.builder().rulesDirectory(RealCatalog.FOLDER)
                .inputLimits(InputLimits.builder().maxMembers(2).build()).build();
        ObjectNode application = RealCatalog.example("child-benefit"); // three members
        String text = application.toString();
        for (Result result : List.of(small.evaluate(text),
                small.evaluate(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                small.evaluate(application))) {
            Failure failure = failure(result, Failure.Kind.LIMIT_EXCEEDED);
            assertThat(failure.describe()).isEqualTo(
                    "household.members: holds 3 items; at most 2 are accepted (InputLimits.maxMembers)");
        }
        assertThat(RealCatalog.ENGINE.evaluate(text)).isInstanceOf(Decision.class);
    }

    @Test
    void eachLimitIsNamedWithThePlace() {
        InputLimits limits = InputLimits.defaults();
        ObjectNode big = RealCatalog.example("marriage-registration");
        ((ObjectNode) big.get("applicant")).put("firstName", "J".repeat(limits.maxStringLength() + 1));
        assertThat(failure(evaluate(big), Failure.Kind.LIMIT_EXCEEDED).describe())
                .startsWith("applicant.firstName: is a string of 1001 characters").contains("maxStringLength");
        assertThat(failure(RealCatalog.ENGINE.evaluate(big.toString()), Failure.Kind.LIMIT_EXCEEDED).describe())
                .startsWith("applicant.firstName: ").contains("maxStringLength");

        String deep = "{\"id\": \"A\", \"form\": " + "[".repeat(100) + "]".repeat(100) + "}";
        assertThat(failure(RealCatalog.ENGINE.evaluate(deep), Failure.Kind.LIMIT_EXCEEDED).describe())
                .contains("nests deeper than 16 levels (InputLimits.maxDepth)");

        String longNumber = "{\"id\": \"A\", \"n\": 1" + "0".repeat(40) + "}";
        assertThat(failure(RealCatalog.ENGINE.evaluate(longNumber), Failure.Kind.LIMIT_EXCEEDED).describe())
                .contains("InputLimits.maxNumberLength");

        String huge = "{\"id\": \"" + "x".repeat(70_000) + "\"}";
        assertThat(failure(RealCatalog.ENGINE.evaluate(huge), Failure.Kind.LIMIT_EXCEEDED).describe())
                .isEqualTo("$: the application is larger than 65536 bytes (InputLimits.maxBytes)");

        ObjectNode members = RealCatalog.example("child-benefit");
        var array = (com.fasterxml.jackson.databind.node.ArrayNode) members.get("household").get("members");
        for (int i = 0; i < 100_000; i++) {
            array.addObject().put("relation", "child");
        }
        assertThat(failure(evaluate(members), Failure.Kind.LIMIT_EXCEEDED).describe())
                .contains("household.members: holds 100003 items; at most 50");
    }

    @Test
    void aFailureListsAtMostFiftyProblems() {
        ObjectNode application = RealCatalog.example("marriage-registration");
        for (int i = 0; i < 500; i++) {
            ((ObjectNode) application.get("form")).put("unknown" + i, true);
        }
        Failure failure = failure(evaluate(application), Failure.Kind.INVALID_FIELD);
        assertThat(failure.problems()).hasSize(51);
        assertThat(failure.problems().get(50).message()).isEqualTo("and 450 more problems");
    }

    @Test
    void aFaultInsideTheEngineIsAnInternalErrorNeverAnException() {
        ObjectNode application = new ObjectNode(JsonNodeFactory.instance) {
            private static final long serialVersionUID = 1L;

            @Override
            public java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields() {
                throw new IllegalStateException("a broken tree");
            }
        };
        application.put("id", "A-1");
        Result result = RealCatalog.ENGINE.evaluate(application);
        Failure failure = failure(result, Failure.Kind.INTERNAL_ERROR);
        assertThat(failure.describe()).contains("IllegalStateException").contains("not of the application or the "
                + "rules").doesNotContain("a broken tree");
        assertThat(Failure.Kind.INTERNAL_ERROR.isInputProblem()).isFalse();
    }

    @Test
    void anAsOfDateTheEngineCannotJudgeAtIsAnInputError() {
        Result result = RealCatalog.ENGINE.evaluate(RealCatalog.example("marriage-registration"),
                LocalDate.of(999_999, 1, 1));
        assertThat(failure(result, Failure.Kind.INVALID_FIELD).problems()).extracting(Problem::path)
                .containsExactly("asOf");
    }

    @Test
    void exactWholeNumbersInADecimalFormStillRead() {
        ObjectNode application = pension();
        ((ObjectNode) application.get("applicant")).put("serviceYears", new BigDecimal("30.0"));
        assertThat(evaluate(application)).isInstanceOf(Decision.class);
    }
}
