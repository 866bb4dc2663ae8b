package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.cli.CliTest.Run;
import uz.qaror.internal.json.Json;

/** qaror explain on the real catalog: rules from DRL and from decision tables, fees, missing input. */
class ExplainTest {

    @Test
    void explainsAnApprovalWithTheTableRowsThatFiredAndTheParameters() {
        Run run = CliTest.run("explain", CliTest.EXAMPLES.resolve("child-benefit.json").toString(), "--lang", "en");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Outcome: APPROVED", "The application is approved")
                .contains("Rules that decided")
                .contains("Eligible: number the children", "values: $children = ")
                // a row of amounts.drl.csv, with the legal basis of its METADATA cell and the facts it matched
                .contains("First child, in a household with a child under 3",
                        "legal basis: CoM-654 of 21.10.2021; UP-91 of 02.06.2025 (first child, household with a child under 3)",
                        "BenefitChild( position=1 )")
                .contains("Parameters", "child-benefit-first-under-3 (Child benefit - first child under 3 (per month))",
                        "in force from 2025-07-01; legal basis: UP-91 of 02.06.2025")
                .contains("monthlyBenefit: 525,000 soum")
                .doesNotContain("pinfl");
    }

    @Test
    void explainsTheFeeInTheChosenLanguage() throws Exception {
        Run run = CliTest.run("explain", CliTest.EXAMPLES.resolve("marriage-registration.json").toString(),
                "--lang", "ru");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Решение: APPROVED", "Сработавшие правила", "Параметры", "Пошлина",
                "1 БРВ x 412\u00A0000 = 412\u00A0000 сум", "Итого: 1 БРВ = 412\u00A0000 сум");

        Run json = CliTest.run("explain", CliTest.EXAMPLES.resolve("marriage-registration.json").toString(),
                "--json", "--lang", "en");
        JsonNode node = json.json();
        assertThat(node.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(node.path("rules").get(0).path("rule").asText()).isNotEmpty();
        assertThat(node.path("fee").path("bcaValue").decimalValue()).isPositive();
        assertThat(node.path("fee").path("bcaDate").asText()).isEqualTo(node.path("asOf").asText());
        // The fee's BCA is listed with the parameters the rules read (the marriage ages come first).
        assertThat(node.path("parameters").findValuesAsText("id")).contains("bca", "marriage-age");
    }

    @Test
    void eachFeeComponentShowsItsOwnAct() throws Exception {
        Run run = CliTest.run("explain", CliTest.EXAMPLES.resolve("driving-licence-b.json").toString(), "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("licence (Driving licence): 0.7 BCA x 412,000 = 288,400 soum; legal basis: "
                + "National driving licence 70% BCA [V/P]");

        JsonNode node = CliTest.run("explain", CliTest.EXAMPLES.resolve("driving-licence-b.json").toString(),
                "--json").json();
        assertThat(node.path("fee").path("components").get(0).path("legalBasis").asText())
                .isEqualTo("National driving licence 70% BCA [V/P]");
    }

    @Test
    void anIncompleteApplicationSaysWhatToSupplyWithTheDescriptorsLabels(@TempDir Path dir) throws Exception {
        ObjectNode application = (ObjectNode) Json.JSON.readTree(
                CliTest.EXAMPLES.resolve("child-benefit.json").toFile());
        ((ObjectNode) application.get("household")).remove("members");
        Path file = dir.resolve("incomplete.json");
        Files.writeString(file, Json.JSON.writeValueAsString(application));

        Run uz = CliTest.run("explain", file.toString());
        assertThat(uz.exitCode()).as(uz.err()).isZero();
        assertThat(uz.out()).contains("Qaror: INCOMPLETE", "Nimani taqdim etish kerak",
                "oila a'zolari (bolalar, ularning tug'ilgan sanasi va JShShIRi bilan) [household.members]");
        Run cyrillic = CliTest.run("explain", file.toString(), "--lang", "uz-Cyrl");
        assertThat(cyrillic.out()).contains("Нимани тақдим этиш керак", "оила аъзолари");
    }

    @Test
    void anApplicationThatCannotBeDecidedFailsLikeEvaluate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"id\": \"X\", \"service\": \"no-such-service\"}");
        Run run = CliTest.run("explain", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot be decided (UNKNOWN_SERVICE)");
        assertThat(run.out()).isEmpty();
    }
}
