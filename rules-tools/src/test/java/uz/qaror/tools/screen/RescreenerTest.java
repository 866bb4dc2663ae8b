package uz.qaror.tools.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.InputLimits;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordSource;

/**
 * Re-screening on the small test catalog against a candidate that raises the income threshold, raises the BCA
 * (the benefit is 2 BCA) and stops concerning people over 50: offers, losses and amount changes, one record per
 * household in input order, error records for what is not a household.
 */
class RescreenerTest {

    static final Path CATALOG = Path.of("../rules-core/src/test/resources/test-catalog");
    static final LocalDate DATE = LocalDate.of(2024, 6, 1);

    @TempDir
    static Path candidate;

    static Rescreener rescreener;

    @BeforeAll
    static void candidateRules() throws Exception {
        Folders.copyTree(CATALOG, candidate);
        Path threshold = candidate.resolve("parameters/threshold.yaml");
        Files.writeString(threshold, Files.readString(threshold).replace("value: 1000000", "value: 1500000"));
        Path bca = candidate.resolve("parameters/bca.yaml");
        Files.writeString(bca, Files.readString(bca).replace("  - {from: 2024-10-01", "  - {from: 2024-05-01, "
                + "value: 350000, legalBasis: \"Test decree\"}\n  - {from: 2024-10-01"));
        Path descriptor = candidate.resolve("services/demo-benefit/service.yaml");
        Files.writeString(descriptor, Files.readString(descriptor) + "concerns:\n  age: {max: 50}\n");
        rescreener = new Rescreener(DecisionEngine.fromDirectory(CATALOG), DecisionEngine.fromDirectory(candidate),
                ScreeningOptions.asOf(DATE));
    }

    static String household(String id, String birthDate, int income) {
        return "{\"id\": \"" + id + "\", \"applicant\": {\"birthDate\": \"" + birthDate + "\"}, \"form\": {\"income\": "
                + income + "}}";
    }

    static JsonNode compare(String text) throws Exception {
        return Json.JSON.readTree(rescreener.line(InputRecord.of(7, "line 7", text)));
    }

    @Test
    void aHouseholdTheNewThresholdAdmitsIsOfferedTheServiceWithAmountsAndTextsInFourLanguages() throws Exception {
        JsonNode record = compare(household("HH-1", "1990-01-01", 1_200_000));
        assertThat(record.get("record").asLong()).isEqualTo(7);
        assertThat(record.get("householdId").asText()).isEqualTo("HH-1");
        assertThat(record.get("asOf").asText()).isEqualTo("2024-06-01");
        JsonNode offer = record.get("offers").get(0);
        assertThat(record.get("offers")).hasSize(1);
        assertThat(offer.get("service").asText()).isEqualTo("demo-benefit");
        assertThat(offer.get("was").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(offer.get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(offer.get("amounts").get("benefit").get("value").asInt()).isEqualTo(700_000);
        assertThat(offer.get("reasons").get(0).get("messages").get("ru").asText()).isEqualTo("Подходит");
        assertThat(offer.get("reasons").get(0).get("messages").get("uz-Cyrl").asText()).isEqualTo("Мос келади");
        assertThat(offer.get("names").get("en").asText()).isEqualTo("Demo benefit");
        assertThat(record.get("losses")).isEmpty();
        assertThat(record.get("eligibleBefore")).extracting(JsonNode::asText).doesNotContain("demo-benefit");
        assertThat(record.get("eligibleAfter")).extracting(JsonNode::asText).contains("demo-benefit");
    }

    @Test
    void aHouseholdTheCandidateNoLongerConcernsLosesTheServiceAndOneStillEligibleSeesItsAmountChange()
            throws Exception {
        JsonNode older = compare(household("HH-2", "1960-01-01", 900_000));
        JsonNode loss = older.get("losses").get(0);
        assertThat(loss.get("was").asText()).isEqualTo("ELIGIBLE");
        assertThat(loss.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(loss.get("reasons").get(0).get("messages").get("en").asText()).contains("age ..50");
        assertThat(older.get("offers")).isEmpty();

        JsonNode younger = compare(household("HH-3", "1990-01-01", 900_000));
        assertThat(younger.get("offers")).isEmpty();
        assertThat(younger.get("losses")).isEmpty();
        JsonNode change = younger.get("amountChanges").get(0);
        assertThat(change.get("before").get("benefit").get("value").asInt()).isEqualTo(680_000);
        assertThat(change.get("after").get("benefit").get("value").asInt()).isEqualTo(700_000);
    }

    @Test
    void aServiceInErrorOnBothSidesCountsOnceAndAWrittenLineCountsAsItsComparison() {
        Rescreener.Compared compared = rescreener.compare(InputRecord.of(1, "line 1",
                "{\"applicant\": {\"birthDate\": \"1990-01-01\"}, \"form\": {\"income\": 1, \"kind\": \"c\"}}"));
        assertThat(compared.line()).contains("\"side\":\"baseline\"").contains("\"side\":\"candidate\"");
        assertThat(compared.tally().errors()).containsExactly("demo-benefit");
        assertThat(Tally.of(compared.line())).isEqualTo(compared.tally());
    }

    @Test
    void whatIsNotAValidHouseholdBecomesAnErrorRecord() throws Exception {
        JsonNode malformed = compare("{\"applicant\": ");
        assertThat(malformed.get("error").get("kind").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(malformed.get("record").asLong()).isEqualTo(7);
        assertThat(compare("   ").get("error").get("message").asText()).contains("the record is empty");
        JsonNode invalid = compare("{\"id\": \"HH-9\", \"applicant\": {\"pinfl\": \"31405982610121\"}}");
        assertThat(invalid.get("error").get("kind").asText()).isEqualTo("INVALID_FIELD");
        assertThat(invalid.get("householdId").asText()).isEqualTo("HH-9");
        assertThat(invalid.get("error").get("problems").get(0).get("path").asText()).isEqualTo("applicant.pinfl");
    }

    @Test
    void aRunWritesOneRecordPerHouseholdInOrderAndItsSummaryIsWhatTheLinesSay() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            lines.add(switch (i % 4) {
                case 0 -> household("HH-" + i, "1990-01-01", 1_200_000);
                case 1 -> household("HH-" + i, "1960-01-01", 900_000);
                case 2 -> household("HH-" + i, "1990-01-01", 900_000);
                default -> i % 8 == 3 ? "" : "not json";
            });
        }
        StringWriter out = new StringWriter();
        RescreenSummary summary = new RescreenSummary();
        try (RecordSource source = RecordSource.open("-",
                new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)))) {
            assertThat(rescreener.run(source, 100, out, summary, 2, progress -> { })).isTrue();
        }
        List<String> written = out.toString().lines().toList();
        assertThat(written).hasSize(600);
        for (int i = 0; i < written.size(); i++) {
            assertThat(Json.JSON.readTree(written.get(i)).get("record").asLong()).isEqualTo(101 + i);
        }
        assertThat(summary.households()).isEqualTo(600);
        assertThat(summary.errorRecords()).isEqualTo(150);
        assertThat(summary.withOffers()).isEqualTo(150);
        assertThat(summary.withLosses()).isEqualTo(150);
        RescreenSummary.ServiceRow benefit = summary.services().stream()
                .filter(r -> r.service().equals("demo-benefit")).findFirst().orElseThrow();
        assertThat(benefit).isEqualTo(new RescreenSummary.ServiceRow("demo-benefit", 300, 300, 150, 150, 150, 0));

        RescreenSummary rebuilt = new RescreenSummary();
        written.forEach(line -> rebuilt.add(Tally.of(line)));
        assertThat(rebuilt.toJson()).isEqualTo(summary.toJson());
    }

    @Test
    void aHouseholdOverALimitOrPastTheDeadlineIsAnErrorRecordAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        JsonNode tooLarge = Json.JSON.readTree(rescreener.line(InputRecord.tooLarge(3, "line 3", 5_000_000)));
        assertThat(tooLarge.get("error").get("kind").asText()).isEqualTo("LIMIT_EXCEEDED");

        DecisionEngine limited = DecisionEngine.builder().rulesDirectory(CATALOG)
                .inputLimits(InputLimits.builder().maxMembers(2).build()).build();
        String crowded = new Rescreener(limited, limited, ScreeningOptions.asOf(DATE)).line(InputRecord.of(4,
                "line 4", "{\"id\": \"HH-4\", \"applicant\": {\"birthDate\": \"1990-01-01\"}, \"household\": "
                        + "{\"members\": [{\"relation\": \"child\"}, {\"relation\": \"child\"}, "
                        + "{\"relation\": \"child\"}]}}"));
        assertThat(Json.JSON.readTree(crowded).get("error").get("kind").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(Json.JSON.readTree(crowded).get("householdId").asText()).isEqualTo("HH-4");
        assertThat(Tally.of(crowded).errorRecord()).isTrue();

        Path looping = dir.resolve("looping");
        Folders.copyTree(CATALOG, looping);
        Path drl = looping.resolve("services/demo-benefit/rules.drl");
        Files.writeString(drl, Files.readString(drl) + """

                rule "Loops forever for one household"
                    @legalBasis("none: a test of the re-screening's deadline")
                when
                    Application(id == "LOOP")
                then
                    long spin = 0;
                    while (spin >= 0) { spin = (spin + 1) & 0xffff; }
                end
                """);
        DecisionEngine baseline = DecisionEngine.fromDirectory(CATALOG);
        DecisionEngine candidateRules = DecisionEngine.fromDirectory(looping);
        Rescreener slow = new Rescreener(baseline, candidateRules, ScreeningOptions.asOf(DATE),
                Duration.ofMillis(500));
        String lines = String.join("\n", household("HH-1", "1990-01-01", 900_000),
                household("LOOP", "1990-01-01", 900_000), household("HH-3", "1990-01-01", 900_000)) + "\n";
        StringWriter out = new StringWriter();
        RescreenSummary summary = new RescreenSummary();
        try (RecordSource source = RecordSource.open("-",
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(slow.run(source, 0, out, summary, 1, progress -> { })).isTrue();
        }
        List<JsonNode> written = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            written.add(Json.JSON.readTree(line));
        }
        assertThat(written).extracting(r -> r.get("record").asInt()).containsExactly(1, 2, 3);
        assertThat(written.get(1).get("error").get("kind").asText()).isEqualTo("TIMEOUT");
        assertThat(written.get(0).has("offers")).isTrue();
        assertThat(written.get(2).has("offers")).isTrue();
        assertThat(summary.errorRecords()).isEqualTo(1);
    }
}
