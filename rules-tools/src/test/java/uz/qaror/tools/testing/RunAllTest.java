package uz.qaror.tools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.Folders;

/** Services' test cases run side by side report what running them one by one reports, in the same order. */
class RunAllTest {

    private static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");

    @Test
    void theReportsAreThoseOfOneServiceAtATimeInTheOrderAsked() {
        DecisionEngine engine = DecisionEngine.fromDirectory(CATALOG);
        List<String> ids = new ArrayList<>(engine.serviceIds());
        Collections.reverse(ids);
        List<TestRunner.ServiceReport> together = TestRunner.runAll(engine, ids, 4);
        assertThat(together).extracting(TestRunner.ServiceReport::service).containsExactlyElementsOf(ids);
        DecisionEngine oneAtATime = DecisionEngine.fromDirectory(CATALOG);
        for (TestRunner.ServiceReport report : together) {
            assertThat(report).as(report.service()).isEqualTo(TestRunner.run(oneAtATime, report.service()));
        }
        assertThat(together.stream().mapToLong(r -> r.results().size()).sum()).isGreaterThan(700);
    }

    @Test
    void ofSeveralBrokenServicesTheFirstInTheOrderAskedIsReported(@TempDir Path dir) throws Exception {
        Folders.copyTree(CATALOG, dir);
        // The first asked breaks late (its test file, read after it compiles); the last early (its rules).
        Path tests = dir.resolve("services/birth-certificate-reissue/tests");
        Files.createDirectories(tests);
        Files.writeString(tests.resolve("broken.yaml"), "cases: [ {");
        Path rules = dir.resolve("services/vehicle-registration/rules.drl");
        Files.writeString(rules, Files.readString(rules) + "\nrule \"broken\" when then end end\n");
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);
        List<String> ids = List.of("birth-certificate-reissue", "child-benefit", "vehicle-registration");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> TestRunner.runAll(engine, ids, 3)).isInstanceOf(RulesException.class)
                    .hasMessageContaining("broken.yaml");
        }
    }
}
