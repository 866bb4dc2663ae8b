package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.ScreeningRequest;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;

/**
 * POST /v1/screen on the real engine and catalog over real HTTP: the answers are {@code engine.screen}'s for the
 * same request, in the language asked, for the services asked; a household that cannot be screened gets the
 * status of its problem kind and every problem.
 */
class ScreenEndpointTest {

    static final Path HOUSEHOLDS = Path.of("../examples/households");
    private static final String DATE = "2025-09-15";

    private final Http http = new Http(TestServers.shared());

    @Test
    void everyExampleHouseholdGetsTheEnginesAnswersForTheSameRequest() throws IOException {
        List<Path> files = households();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String household = Files.readString(file);
            Http.Response response = http.postJson("/v1/screen?lang=en&asOf=" + DATE, household);
            assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(200);
            assertThat(response.header(DecisionEndpoints.DECISION_ID)).isNotBlank();
            assertThat(response.header("Content-Language")).isEqualTo("en");
            ScreeningResult expected = TestServers.engine().screen(ScreeningRequest.builder()
                    .household(Http.parse(household)).asOf(LocalDate.parse(DATE)).build());
            assertThat(response.json()).as(file.toString()).isEqualTo(Http.parse(expected.toJson(Language.EN)));
            assertThat(response.json().path("answers").size()).isEqualTo(TestServers.engine().serviceIds().size());
        }
    }

    @Test
    void langAndAcceptLanguageChooseTheTexts() {
        String household = household("karimova-family");
        JsonNode english = http.postJson("/v1/screen?lang=en&asOf=" + DATE, household).json();
        Http.Response russian = http.with(Map.of("Accept-Language", "ru-RU, en;q=0.5"))
                .postJson("/v1/screen?asOf=" + DATE, household);
        assertThat(russian.header("Content-Language")).isEqualTo("ru");
        assertThat(russian.json().path("language").asText()).isEqualTo("ru");
        assertThat(russian.json()).isEqualTo(Http.parse(TestServers.engine().screen(ScreeningRequest.builder()
                .household(Http.parse(household)).asOf(LocalDate.parse(DATE)).build()).toJson(Language.RU)));
        JsonNode benefitEn = answer(english, "child-benefit");
        JsonNode benefitRu = answer(russian.json(), "child-benefit");
        assertThat(benefitRu.path("status")).isEqualTo(benefitEn.path("status"));
        assertThat(benefitRu.path("name").asText()).containsPattern("[а-я]").isNotEqualTo(benefitEn.path("name").asText());
        assertThat(http.postJson("/v1/screen?asOf=" + DATE, household).json().path("language").asText())
                .isEqualTo("uz");
    }

    @Test
    void servicesAndLifeEventChooseWhatIsScreened() {
        String household = household("karimova-family");
        JsonNode two = http.postJson("/v1/screen?asOf=" + DATE + "&services=travel-passport,%20child-benefit",
                household).json();
        assertThat(two.path("answers").findValuesAsText("service")).containsExactly("child-benefit", "travel-passport");
        assertThat(two).isEqualTo(Http.parse(TestServers.engine().screen(ScreeningRequest.builder()
                .household(Http.parse(household)).asOf(LocalDate.parse(DATE))
                .services(List.of("travel-passport", "child-benefit")).build()).toJson(Language.UZ)));

        JsonNode family = http.postJson("/v1/screen?asOf=" + DATE + "&lifeEvent=family", household).json();
        assertThat(family).isEqualTo(Http.parse(TestServers.engine().screen(ScreeningRequest.builder()
                .household(Http.parse(household)).asOf(LocalDate.parse(DATE)).lifeEvent("family").build())
                .toJson(Language.UZ)));
        assertThat(family.path("answers").size()).isPositive()
                .isLessThan(TestServers.engine().serviceIds().size());
    }

    @Test
    void eligibleOnlyWhereTheServicesRulesApproveTheApplication() {
        ObjectNode household = (ObjectNode) Http.parse(household("karimova-family"));
        JsonNode screened = http.postJson("/v1/screen?lang=en&asOf=" + DATE, household.toString()).json();
        JsonNode benefit = answer(screened, "child-benefit");
        assertThat(benefit.path("status").asText()).isEqualTo("ELIGIBLE");
        JsonNode decision = http.postJson("/v1/decisions?lang=en", application(household, "child-benefit")).json();
        assertThat(decision.path("outcome").asText()).as(decision.toString()).isEqualTo("APPROVED");
        assertThat(benefit.path("amounts")).isEqualTo(decision.path("amounts"));

        // The same family with an income the rules refuse: not eligible, and the decision is a rejection.
        ((ObjectNode) household.at("/household/members/0")).put("monthlyIncome", 90_000_000);
        JsonNode richer = http.postJson("/v1/screen?lang=en&asOf=" + DATE, household.toString()).json();
        JsonNode refused = answer(richer, "child-benefit");
        assertThat(refused.path("status").asText()).isNotEqualTo("ELIGIBLE");
        JsonNode rejection = http.postJson("/v1/decisions?lang=en", application(household, "child-benefit")).json();
        assertThat(rejection.path("outcome").asText()).isNotEqualTo("APPROVED");
        assertThat(refused.path("status").asText())
                .isEqualTo(ScreeningStatus.of(uz.qaror.Outcome.valueOf(rejection.path("outcome").asText())).name());
        for (JsonNode answer : richer.path("answers")) {
            if (answer.path("status").asText().equals("ELIGIBLE")) {
                JsonNode approved = http.postJson("/v1/decisions", application(household,
                        answer.path("service").asText())).json();
                assertThat(approved.path("outcome").asText()).as(answer + " -> " + approved).isEqualTo("APPROVED");
            }
        }
    }

    @Test
    void anInvalidHouseholdIs422WithEveryProblemAndItsId() {
        ObjectNode household = (ObjectNode) Http.parse(household("karimova-family"));
        ((ObjectNode) household.get("applicant")).put("pinfl", "31405982610121");
        Http.Response response = http.postJson("/v1/screen", household.toString());
        assertThat(response.status()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.path("householdId").asText()).isEqualTo("HH-FERGANA-0042");
        assertThat(body.path("decisionId").asText()).isEqualTo(response.header(DecisionEndpoints.DECISION_ID));
        assertThat(body.at("/error/kind").asText()).isEqualTo("INVALID_FIELD");
        assertThat(body.at("/error/problems").findValuesAsText("path")).containsExactly("applicant.pinfl");
        assertThat(body.at("/error/problems/0/message").asText()).contains("check digit");

        Http.Response event = http.postJson("/v1/screen?lifeEvent=moon-landing", household("karimova-family"));
        assertThat(event.status()).isEqualTo(422);
        assertThat(event.json().at("/error/problems/0/path").asText()).isEqualTo("lifeEvent");
    }

    @Test
    void anUnknownServiceAskedForIs404WithTheNearestIds() {
        Http.Response response = http.postJson("/v1/screen?services=child-benefit,child-benefitt",
                household("karimova-family"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/kind").asText()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(response.json().at("/error/problems/0/message").asText()).contains("unknown service 'child-benefitt'");
        assertThat(response.json().at("/error/nearest/0").asText()).isEqualTo("child-benefit");
    }

    @Test
    void aHouseholdOverAnInputLimitIs413NamingTheLimit() {
        ObjectNode household = (ObjectNode) Http.parse(household("karimova-family"));
        ArrayNode members = (ArrayNode) household.at("/household/members");
        while (members.size() <= TestServers.engine().inputLimits().maxMembers()) {
            members.add(members.get(2).deepCopy());
        }
        Http.Response crowded = http.postJson("/v1/screen", household.toString());
        assertThat(crowded.status()).isEqualTo(413);
        assertThat(crowded.json().at("/error/kind").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(crowded.json().at("/error/problems/0/path").asText()).isEqualTo("household.members");

        String padded = "{\"id\": \"HH\", \"pad\": \"" + "x".repeat(TestServers.engine().inputLimits().maxBytes())
                + "\"}";
        Http.Response large = http.postJson("/v1/screen", padded);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().at("/error/kind").asText()).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void theCallersOtherMistakesAre400And415And405NamingTheirPlace() {
        String household = household("karimova-family");
        Http.Response date = http.postJson("/v1/screen?asOf=15.09.2025", household);
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().at("/error/problems/0/path").asText()).isEqualTo("asOf");
        assertThat(date.json().at("/error/message").asText()).contains("'15.09.2025'").contains("YYYY-MM-DD");
        assertThat(http.postJson("/v1/screen?asOf=2025-02-30", household).status()).isEqualTo(400);
        Http.Response services = http.postJson("/v1/screen?services=,", household);
        assertThat(services.status()).isEqualTo(400);
        assertThat(services.json().at("/error/problems/0/path").asText()).isEqualTo("services");
        assertThat(http.postJson("/v1/screen?lifeEvent=", household).json().at("/error/problems/0/path").asText())
                .isEqualTo("lifeEvent");
        assertThat(http.postJson("/v1/screen?lang=fr", household).status()).isEqualTo(400);

        Http.Response notJson = http.postJson("/v1/screen", "{\"applicant\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/error/kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(http.postJson("/v1/screen", "[]").status()).isEqualTo(400);
        assertThat(http.post("/v1/screen", "text/plain", household).status()).isEqualTo(415);
        Http.Response get = http.get("/v1/screen");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void screeningsAreCountedByAnswerAndFailuresByKind() {
        try (QarorServer server = TestServers.start(TestServers.options())) {
            Http client = new Http(server);
            client.postJson("/v1/screen?asOf=" + DATE, household("karimova-family"));
            client.postJson("/v1/screen?asOf=" + DATE + "&services=child-benefit", household("karimova-family"));
            client.postJson("/v1/screen", "{\"applicant\": {\"pinfl\": \"31405982610121\"}}");
            client.postJson("/v1/screen", "nope");
            String metrics = client.get("/metrics").body();
            assertThat(metrics)
                    .contains("qaror_screening_answers_total{service=\"child-benefit\",status=\"ELIGIBLE\"} 2.0")
                    .contains("qaror_screening_answers_total{service=\"travel-passport\",status=\"ELIGIBLE\"} 1.0")
                    .contains("qaror_screening_failures_total{kind=\"INVALID_FIELD\"} 1.0")
                    .contains("qaror_screening_failures_total{kind=\"MALFORMED_JSON\"} 1.0")
                    .contains("qaror_screening_duration_seconds_count 3")
                    .contains("qaror_http_requests_seconds_count{method=\"POST\",route=\"/v1/screen\",status=\"422\"} 1");
        }
    }

    /**
     * The application the household would make for a service on the screening date: its sections as they are, and
     * of its known answers those the service declares (as GET /v1/services/{id} lists them).
     */
    private String application(ObjectNode household, String service) {
        ObjectNode application = household.deepCopy();
        application.remove("forms");
        List<String> declared = http.get("/v1/services/" + service).json().path("inputs").findValuesAsText("path");
        ObjectNode form = application.putObject("form");
        household.path("form").properties().forEach(answer -> {
            if (declared.contains("form." + answer.getKey())) {
                form.set(answer.getKey(), answer.getValue());
            }
        });
        application.put("id", "from-" + household.path("id").asText()).put("service", service)
                .put("submittedAt", DATE + "T12:00:00+05:00").put("channel", "web");
        return application.toString();
    }

    static String household(String name) {
        try {
            return Files.readString(HOUSEHOLDS.resolve(name + ".json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Path> households() throws IOException {
        try (Stream<Path> list = Files.list(HOUSEHOLDS)) {
            return new ArrayList<>(list.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
    }

    private static JsonNode answer(JsonNode result, String service) {
        for (JsonNode answer : result.path("answers")) {
            if (answer.path("service").asText().equals(service)) {
                return answer;
            }
        }
        throw new AssertionError("no answer for " + service + " in " + result);
    }
}
