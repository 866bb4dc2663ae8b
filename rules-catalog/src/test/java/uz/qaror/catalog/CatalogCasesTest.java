package uz.qaror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.testing.CaseResult;
import uz.qaror.tools.testing.TestRunner;

/** Runs every test case of every service of the embedded catalog on the real engine. */
class CatalogCasesTest {

    private static final DecisionEngine ENGINE = DecisionEngine.embedded();

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryService() {
        return ENGINE.serviceIds().stream().map(service -> {
            TestRunner.ServiceReport report = TestRunner.run(ENGINE, service);
            List<DynamicTest> tests = report.results().stream()
                    .map(result -> DynamicTest.dynamicTest(result.testCase().name(), () -> check(result)))
                    .toList();
            return DynamicContainer.dynamicContainer(service, tests);
        });
    }

    @Test
    void everyServiceHasCases() {
        for (String service : ENGINE.serviceIds()) {
            assertThat(TestRunner.run(ENGINE, service).results()).as("test cases of %s", service).isNotEmpty();
        }
    }

    @Test
    void everyServiceCompiles() {
        assertThat(ENGINE.prepareAll()).isEmpty();
    }

    private static void check(CaseResult result) {
        assertThat(result.differences())
                .as("%s:%d: %s", result.testCase().file(), result.testCase().line(), result.testCase().name())
                .isEmpty();
    }
}
