package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/** Generated applications and what-if simulation, on the embedded catalog and a changed copy. */
class SimulateAndGenerateTest {

    static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");

    @TempDir
    Path dir;

    @Test
    void generationIsDeterministicAndCoversEveryOutcome() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(CliTest.run("generate", "--count", "1500", "--seed", "42", "--invalid-share", "0.02", "-o",
                a.toString()).exitCode()).isZero();
        CliTest.run("generate", "--count", "1500", "--seed", "42", "--invalid-share", "0.02", "-o", b.toString());
        assertThat(Files.readAllLines(a)).hasSize(1500).isEqualTo(Files.readAllLines(b));
        Path decisions = dir.resolve("d.jsonl");
        CliTest.Run batch = CliTest.run("batch", a.toString(), "-o", decisions.toString());
        assertThat(batch.err()).containsPattern("(?m)^all(\\s+[1-9][\\d,]*){5}$")
                .containsPattern("(?m)^error\\s+records$");
        long errors = Files.readAllLines(decisions).stream().filter(l -> l.contains("\"error\"")).count();
        assertThat(errors).isBetween(10L, 60L);
    }

    @Test
    void submissionDatesSpreadOverTheChosenDaysAndTheSeedStillDecides() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(CliTest.run("generate", "--count", "800", "--seed", "2026", "--from", "2025-01-01", "--to",
                "2026-12-31", "-o", a.toString()).exitCode()).isZero();
        CliTest.run("generate", "--count", "800", "--seed", "2026", "--from", "2025-01-01", "--to", "2026-12-31",
                "-o", b.toString());
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).isEqualTo(Files.readAllLines(b));
        Set<String> years = new HashSet<>();
        for (String line : lines) {
            String day = Json.JSON.readTree(line).path("submittedAt").asText().substring(0, 10);
            assertThat(day).isBetween("2025-01-01", "2026-12-31");
            years.add(day.substring(0, 4));
        }
        assertThat(years).containsExactlyInAnyOrder("2025", "2026");

        Path one = dir.resolve("one.jsonl");
        CliTest.run("generate", "--count", "50", "--from", "2026-02-01", "--to", "2026-02-01", "-o", one.toString());
        assertThat(Files.readAllLines(one)).allMatch(l -> l.contains("\"submittedAt\":\"2026-02-01T"));

        CliTest.Run backwards = CliTest.run("generate", "--count", "1", "--from", "2026-01-01", "--to", "2025-01-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--to 2025-01-01 is before --from 2026-01-01");
    }

    @Test
    void identifierInputsAreGeneratedValid() throws Exception {
        Path applications = dir.resolve("ids.jsonl");
        CliTest.run("generate", "--count", "200", "--seed", "3", "--services",
                "criminal-record-certificate,permanent-address-registration,home-delivery", "-o",
                applications.toString());
        Path decisions = dir.resolve("ids-decisions.jsonl");
        CliTest.run("batch", applications.toString(), "-o", decisions.toString());
        assertThat(Files.readAllLines(decisions)).hasSize(200).noneMatch(l -> l.contains("\"error\""));
    }

    @Test
    void generateRejectsAnUnknownService() {
        CliTest.Run run = CliTest.run("generate", "--count", "1", "--services", "mariage-registration");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nearest: marriage-registration");
    }

    @Test
    void simulationReportsExactlyTheApplicationsAThresholdAffects() throws Exception {
        Path candidate = dir.resolve("candidate");
        DecisionEngineCopies.copy(CATALOG, candidate);
        Path mce = candidate.resolve("parameters/minimum-consumer-expenditure.yaml");
        Files.writeString(mce, Files.readString(mce).replace("value: 669000", "value: 760000"));

        Path applications = dir.resolve("apps.jsonl");
        // 2025 only: the days on which the minimum consumer expenditure of 669 000 is in force.
        CliTest.run("generate", "--count", "1200", "--seed", "5", "--services", "child-benefit,marriage-registration",
                "--from", "2025-01-01", "--to", "2025-12-31", "-o", applications.toString());
        Path report = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        CliTest.Run run = CliTest.run("simulate", "--candidate", candidate.toString(), applications.toString(),
                "-o", report.toString(), "--html", html.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = Json.JSON.readTree(report.toFile());

        // The applications the change can affect: child benefit in 2025, per-capita income in (669000, 760000].
        Set<String> expected = new HashSet<>();
        for (String line : Files.readAllLines(applications)) {
            JsonNode app = Json.JSON.readTree(line);
            if (!app.path("service").asText().equals("child-benefit")
                    || app.path("submittedAt").asText().compareTo("2025-01-01") < 0
                    || app.path("submittedAt").asText().compareTo("2026-01-01") >= 0) {
                continue;
            }
            long total = app.path("applicant").path("monthlyIncome").asLong();
            int size = 1;
            for (JsonNode member : app.path("household").path("members")) {
                total += member.path("monthlyIncome").asLong();
                size++;
            }
            double perCapita = Math.round((double) total / size);
            if (perCapita > 669000 && perCapita <= 760000) {
                expected.add(app.path("id").asText());
            }
        }
        Set<String> changed = new HashSet<>();
        json.get("changes").forEach(c -> changed.add(c.get("applicationId").asText()));
        assertThat(expected).isNotEmpty();
        // Every changed application is one the threshold touches; those it touches change unless another
        // exclusion rejects them anyway.
        assertThat(expected).containsAll(changed);
        assertThat(changed).isNotEmpty();
        assertThat(json.get("services").get("marriage-registration").get("changed").asInt()).isZero();
        assertThat(json.get("changed").asInt()).isEqualTo(changed.size());
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script").contains("data-service=\"child-benefit\"");
    }

    @Test
    void sameRulesChangeNothing() throws Exception {
        Path applications = dir.resolve("apps.jsonl");
        CliTest.run("generate", "--count", "300", "--seed", "9", "-o", applications.toString());
        CliTest.Run run = CliTest.run("simulate", "--candidate", CATALOG.toString(), applications.toString());
        JsonNode json = Json.JSON.readTree(run.out());
        assertThat(json.get("records").asInt()).isEqualTo(300);
        assertThat(json.get("changed").asInt()).isZero();
        assertThat(List.of(run.err())).anyMatch(e -> e.contains("300 applications"));
    }
}
