package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/** qaror screen, qaror generate --households and qaror rescreen, end to end on the embedded catalog. */
class ScreenAndRescreenTest {

    static final Path HOUSEHOLDS = Path.of("../examples/households");
    static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");

    @TempDir
    Path dir;

    @Test
    void screensTheExampleFamilyForEveryServiceInATable() {
        CliTest.Run run = CliTest.run("screen", HOUSEHOLDS.resolve("karimova-family.json").toString(),
                "--as-of", "2025-09-15", "--lang", "en");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Household HH-FERGANA-0042 as of 2025-09-15, 30 services")
                .containsPattern("ELIGIBLE +child-benefit +Child benefit for low-income families")
                .contains("525,000 soum a month")
                .containsPattern("NOT_APPLICABLE +old-age-pension")
                .contains("it concerns: no member: child aged ..17");
        // The eligible come first, what does not concern the household last.
        List<String> statuses = run.out().lines().skip(3).filter(l -> !l.startsWith(" "))
                .map(l -> l.substring(0, l.indexOf(' '))).distinct().toList();
        assertThat(statuses).containsExactly("ELIGIBLE", "NEEDS", "NOT_ELIGIBLE", "NOT_APPLICABLE");
    }

    @Test
    void screensAsJsonForChosenServicesOrALifeEvent() throws Exception {
        String file = HOUSEHOLDS.resolve("yusupova-pensioner.json").toString();
        JsonNode result = CliTest.run("screen", file, "--as-of", "2025-09-15", "--json", "--lang", "ru",
                "--services", "old-age-pension,child-benefit").json();
        assertThat(result.get("language").asText()).isEqualTo("ru");
        assertThat(result.get("answers")).hasSize(2);
        JsonNode pension = result.get("answers").get(1);
        assertThat(pension.get("service").asText()).isEqualTo("old-age-pension");
        assertThat(pension.get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(pension.get("amounts").get("minimumPension").get("value").asInt()).isEqualTo(918_000);
        assertThat(pension.get("reasons").get(0).get("message").asText()).contains("Пенсия по возрасту");

        JsonNode oldAge = CliTest.run("screen", file, "--as-of", "2025-09-15", "--json", "--life-event", "old-age")
                .json();
        assertThat(oldAge.get("answers")).extracting(a -> a.get("service").asText())
                .containsExactly("lonely-elderly-assistance", "old-age-benefit", "old-age-pension");
    }

    @Test
    void badInputIsNamedWithoutAStackTrace() throws Exception {
        CliTest.Run unknown = CliTest.run("screen", HOUSEHOLDS.resolve("karimova-family.json").toString(),
                "--services", "child-benefitt");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown service 'child-benefitt'; nearest: child-benefit");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"applicant\": {\"birthDate\": \"1990-02-30\"}, \"form\": {\"spouseBirthDat\": 1}");
        CliTest.Run malformed = CliTest.run("screen", broken.toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("cannot be screened").contains("not valid JSON").doesNotContain("\tat ");

        Files.writeString(broken, "{\"applicant\": {\"birthDate\": \"1990-02-30\"}, \"form\": {\"spouseBirthDat\": 1}}");
        CliTest.Run invalid = CliTest.run("screen", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("applicant.birthDate: '1990-02-30' is not a date");

        Files.writeString(broken, "{\"applicant\": {\"birthDate\": \"1990-02-20\"}, \"form\": {\"spouseBirthDat\": 1}}");
        CliTest.Run ignored = CliTest.run("screen", broken.toString(), "--services", "child-benefit");
        assertThat(ignored.exitCode()).isZero();
        assertThat(ignored.err()).contains("note: form.spouseBirthDat is asked by none of the services screened");
    }

    @Test
    void aGeneratedPopulationIsTheSameForASeedAndEveryHouseholdCanBeScreened() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(CliTest.run("generate", "--households", "120", "--seed", "9", "--as-of", "2025-09-15", "-o",
                a.toString()).exitCode()).isZero();
        CliTest.run("generate", "--households", "120", "--seed", "9", "--as-of", "2025-09-15", "-o", b.toString());
        List<String> households = Files.readAllLines(a);
        assertThat(households).hasSize(120).isEqualTo(Files.readAllLines(b));
        JsonNode first = Json.JSON.readTree(households.get(0));
        assertThat(first.get("id").asText()).isEqualTo("HH-9-0");
        assertThat(first.has("service")).isFalse();
        assertThat(households.stream().filter(h -> h.contains("\"relation\":\"child\"")).count()).isBetween(40L, 100L);
        assertThat(CliTest.run("generate", "--households", "1", "--count", "1").exitCode()).isEqualTo(2);

        // Under unchanged rules nobody gains or loses anything, and every household is screened.
        Path offers = dir.resolve("same.jsonl");
        CliTest.Run same = CliTest.run("rescreen", "--candidate", CATALOG.toString(), "--as-of", "2025-09-15",
                a.toString(), "-o", offers.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.err()).contains("120 households as of 2025-09-15: 0 with offers, 0 with losses, 0 error records");
        assertThat(Files.readAllLines(offers)).hasSize(120).allSatisfy(line -> assertThat(line)
                .contains("\"offers\":[],\"losses\":[],\"amountChanges\":[],\"errors\":[]"));
    }

    @Test
    void aRaisedPovertyLineOffersTheBenefitsToTheHouseholdsItAdmitsAndAResumedRunWritesTheSame() throws Exception {
        Path candidate = dir.resolve("candidate");
        DecisionEngineCopies.copy(CATALOG, candidate);
        Path mce = candidate.resolve("parameters/minimum-consumer-expenditure.yaml");
        Files.writeString(mce, Files.readString(mce) + "  - {from: 2025-09-01, value: 1500000, "
                + "legalBasis: \"Proposed\", verification: E}\n");
        Path population = dir.resolve("population.jsonl");
        CliTest.run("generate", "--households", "200", "--seed", "11", "--as-of", "2025-09-15", "-o",
                population.toString());
        Files.writeString(population, Files.readString(population) + "not a household\n");

        Path offers = dir.resolve("offers.jsonl");
        Path summary = dir.resolve("summary.json");
        CliTest.Run run = CliTest.run("rescreen", "--baseline", "embedded", "--candidate", candidate.toString(),
                "--as-of", "2025-09-15", "--services", "child-benefit,material-assistance,old-age-pension",
                population.toString(), "-o", offers.toString(), "--summary", summary.toString(), "--threads", "2");
        assertThat(run.exitCode()).as("an error record fails the run: " + run.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(offers);
        assertThat(lines).hasSize(201);
        assertThat(Json.JSON.readTree(lines.get(200)).get("error").get("kind").asText()).isEqualTo("MALFORMED_JSON");
        JsonNode totals = Json.JSON.readTree(summary.toFile());
        assertThat(totals.get("households").asInt()).isEqualTo(201);
        assertThat(totals.get("errorRecords").asInt()).isEqualTo(1);
        JsonNode childBenefit = totals.get("services").get("child-benefit");
        assertThat(childBenefit.get("offers").asInt()).isPositive();
        assertThat(childBenefit.get("losses").asInt()).isZero();
        assertThat(totals.get("services").get("old-age-pension").get("offers").asInt()).isZero();
        JsonNode offer = lines.stream().map(ScreenAndRescreenTest::json)
                .filter(r -> r.path("offers").size() > 0).findFirst().orElseThrow().get("offers").get(0);
        assertThat(offer.get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(offer.get("was").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(offer.get("reasons").get(0).get("messages").fieldNames()).toIterable()
                .containsExactly("uz", "uz-Cyrl", "ru", "en");
        assertThat(run.err()).containsPattern("child-benefit +\\d+ +\\d+ +\\d+ +0");

        // A run whose input broke off keeps whole records in its partial and says how to continue; --resume writes
        // the rest, as of the same date, and the whole file is the same. Another date is refused.
        byte[] bytes = Files.readAllBytes(population);
        Path resumed = dir.resolve("resumed.jsonl");
        List<String> again = new ArrayList<>(List.of("rescreen", "--candidate", candidate.toString(), "--as-of",
                "2025-09-15", "--services", "child-benefit,material-assistance,old-age-pension", "-", "-o",
                resumed.toString()));
        CliTest.Run broken = ResumeTest.withStdin(ResumeTest.breakingAfter(bytes, bytes.length / 2),
                again.toArray(String[]::new));
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(3);
        assertThat(broken.err()).contains("Connection reset").contains("to continue, run:");
        Path partial = dir.resolve("resumed.jsonl.partial");
        assertThat(Files.readAllLines(partial)).isNotEmpty().isEqualTo(lines.subList(0,
                Files.readAllLines(partial).size()));

        List<String> otherDate = new ArrayList<>(again);
        otherDate.set(otherDate.indexOf("2025-09-15"), "2025-10-01");
        otherDate.add("--resume");
        CliTest.Run refused = ResumeTest.withStdin(new ByteArrayInputStream(bytes), otherDate.toArray(String[]::new));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--as-of: 2025-09-15 in the partial, 2025-10-01 now");

        again.add("--resume");
        CliTest.Run resume = ResumeTest.withStdin(new ByteArrayInputStream(bytes), again.toArray(String[]::new));
        assertThat(resume.exitCode()).as(resume.err()).isEqualTo(1);
        assertThat(resume.err()).contains("resuming after").contains("as of 2025-09-15");
        assertThat(Files.readAllLines(resumed)).isEqualTo(lines);
        assertThat(partial).doesNotExist();
    }

    private static JsonNode json(String line) {
        try {
            return Json.JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
