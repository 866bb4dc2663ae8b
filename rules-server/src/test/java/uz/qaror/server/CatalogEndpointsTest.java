package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalog as data: services with their forms, one service's rules and parameters, the dated parameters. */
class CatalogEndpointsTest {

    private final Http http = new Http(TestServers.shared());

    @Test
    void everyServiceWithEachInputsControlAndLabelsInTheFourLanguages() {
        Http.Response response = http.get("/v1/services?lang=ru");
        assertThat(response.status()).isEqualTo(200);
        JsonNode services = response.json().path("services");
        assertThat(services.size()).isEqualTo(TestServers.engine().serviceIds().size());
        for (JsonNode service : services) {
            assertThat(service.path("name").asText()).isEqualTo(service.at("/names/ru").asText());
            for (JsonNode input : service.path("inputs")) {
                assertThat(input.path("control").asText()).as(input.path("path").asText())
                        .isIn("text", "date", "integer", "number", "boolean", "enum", "document", "json");
                for (String language : List.of("uz", "uz-Cyrl", "ru", "en")) {
                    assertThat(input.at("/labels/" + language).asText()).as(input.path("path") + " " + language)
                            .isNotBlank();
                }
            }
        }
        JsonNode marriage = find(services, "marriage-registration");
        JsonNode birthDate = find(marriage.path("inputs"), "applicant.birthDate", "path");
        assertThat(birthDate.path("control").asText()).isEqualTo("date");
        assertThat(birthDate.at("/labels/en").asText()).isEqualTo("birth date");
        assertThat(find(marriage.path("inputs"), "form.applicantMarried", "path").path("control").asText())
                .isEqualTo("boolean");
        assertThat(find(marriage.path("inputs"), "documents.age-reduction-permission", "path").path("control")
                .asText()).isEqualTo("document");
    }

    @Test
    void oneServiceWithItsRulesTheirLegalBasisAndItsParametersHistory() {
        JsonNode service = http.get("/v1/services/child-benefit").json();
        assertThat(service.path("compiles").asBoolean()).isTrue();
        assertThat(service.path("rulesVersion").asText()).isNotBlank();
        assertThat(service.path("rules").size()).isPositive();
        service.path("rules").forEach(rule -> assertThat(rule.path("legalBasis").asText()).isNotBlank());
        JsonNode bca = find(service.path("parameters"), "bca");
        assertThat(bca.path("scope").asText()).isEqualTo("shared");
        assertThat(bca.path("values").size()).isGreaterThan(5);
        assertThat(bca.at("/values/0/legalBasis").asText()).isNotBlank();
        assertThat(service.path("parameters").findValuesAsText("scope")).contains("service");
    }

    @Test
    void anExampleApplicationThatTheServiceDecides() {
        JsonNode example = http.get("/v1/services/marriage-registration/example").json();
        assertThat(example.path("case").asText()).isNotBlank();
        Http.Response decided = http.postJson("/v1/decisions", example.path("application").toString());
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("outcome").asText()).isEqualTo("APPROVED");
    }

    @Test
    void unknownIdsAre404WithTheNearest() {
        Http.Response service = http.get("/v1/services/child-benefits");
        assertThat(service.status()).isEqualTo(404);
        assertThat(service.json().at("/error/nearest/0").asText()).isEqualTo("child-benefit");
        assertThat(http.get("/v1/services/child-benefits/example").status()).isEqualTo(404);
        Http.Response parameter = http.get("/v1/parameters/minimum-wages");
        assertThat(parameter.status()).isEqualTo(404);
        assertThat(parameter.json().at("/error/nearest/0").asText()).isEqualTo("minimum-wage");
        assertThat(http.get("/v1/services/..%2F..%2Fetc").status()).isEqualTo(404);
    }

    @Test
    void theDatedParametersEachValueWithItsAct() {
        JsonNode parameters = http.get("/v1/parameters").json().path("parameters");
        List<String> ids = new ArrayList<>(parameters.findValuesAsText("id"));
        assertThat(ids).contains("bca", "minimum-wage", "minimum-consumer-expenditure");
        JsonNode bca = http.get("/v1/parameters/bca").json();
        assertThat(bca.at("/values/0/from").asText()).isEqualTo("2019-08-01");
        assertThat(bca.at("/values/0/value").asLong()).isEqualTo(223_000);
        assertThat(bca.at("/values/0/legalBasis").asText()).isEqualTo("UP-5765");
        assertThat(bca.at("/description/uz-Cyrl").asText()).isNotBlank();
        assertThat(bca.path("current").path("value").asLong()).isPositive();
    }

    private static JsonNode find(JsonNode list, String id) {
        return find(list, id, "id");
    }

    private static JsonNode find(JsonNode list, String value, String field) {
        for (JsonNode node : list) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }
}
