package uz.qaror.tools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.Folders;

/** Test cases that say {@code screen:}: read, run on the real engine, and their differences reported. */
class ScreeningCasesTest {

    static final Path CATALOG = Path.of("../rules-core/src/test/resources/test-catalog");

    @TempDir
    Path dir;

    @BeforeEach
    void copyCatalog() throws Exception {
        Folders.copyTree(CATALOG, dir);
        Files.createDirectories(dir.resolve("services/demo-benefit/tests"));
    }

    private TestRunner.ServiceReport run(String cases) throws Exception {
        Files.writeString(dir.resolve("services/demo-benefit/tests/screening.yaml"), """
                base:
                  id: S-1
                  service: demo-benefit
                  submittedAt: "2024-06-01T10:00:00+05:00"
                  applicant: {birthDate: "1990-01-01"}
                  form: {income: 900000}
                """ + cases);
        return TestRunner.run(DecisionEngine.fromDirectory(dir), "demo-benefit");
    }

    @Test
    void theHouseholdOfTheApplicationIsScreenedForTheServicesNamed() throws Exception {
        TestRunner.ServiceReport report = run("""
                cases:
                  - name: eligible, and the silent service is an officer's
                    screen: {demo-benefit: ELIGIBLE, silent: OFFICER}
                  - name: decided and screened in one case
                    expect: {outcome: APPROVED}
                    screen: {demo-benefit: ELIGIBLE}
                  - name: a later date raises the threshold
                    asOf: 2025-02-01
                    application: {form: {income: 1100000}}
                    screen: {demo-benefit: ELIGIBLE}
                """);
        assertThat(report.results()).allSatisfy(r -> assertThat(r.differences()).isEmpty());
        assertThat(report.results()).hasSize(3);
        assertThat(report.results().get(1).firedRules()).isNotEmpty();
    }

    @Test
    void aWrongStatusIsADifferenceWithTheReasons() throws Exception {
        TestRunner.ServiceReport report = run("""
                cases:
                  - name: too rich
                    application: {form: {income: 5000000}}
                    screen: {demo-benefit: ELIGIBLE}
                  - name: no income known
                    application: {form: null}
                    screen: {demo-benefit: ELIGIBLE}
                """);
        assertThat(report.results().get(0).differences()).containsExactly(
                "screen demo-benefit: expected ELIGIBLE, got NOT_ELIGIBLE (reasons [INCOME_TOO_HIGH])");
        assertThat(report.results().get(1).differences()).singleElement().asString()
                .contains("got NEEDS").contains("needs [form.income]");
    }

    @Test
    void aBrokenScreeningCaseNamesTheFileAndLine() {
        assertThatThrownBy(() -> run("""
                cases:
                  - name: unknown status
                    screen: {demo-benefit: MAYBE}
                """)).isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.diagnostics().get(0).toString())
                .contains("screening.yaml:8").contains("'MAYBE' is not a status; use one of [ELIGIBLE"));
        assertThatThrownBy(() -> run("""
                cases:
                  - name: nothing to check
                    application: {}
                """)).isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.diagnostics().get(0).toString())
                .contains("has neither 'expect:' nor 'screen:'"));
    }
}
