package uz.qaror.tools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import uz.qaror.internal.json.Json;

/** Coverage arithmetic and the JUnit XML of test reports. */
class CoverageAndJUnitXmlTest {

    private static TestRunner.ServiceReport report(String service, List<CaseResult> results, List<String> rules,
                                                   List<String> unfired) {
        return new TestRunner.ServiceReport(service, results, rules, unfired);
    }

    private static CaseResult result(String service, String name, List<String> differences) {
        TestCase testCase = new TestCase("rules/services/" + service + "/tests/cases.yaml", 7, name,
                Json.JSON.createObjectNode(), null, null);
        return new CaseResult(service, testCase, differences, List.of());
    }

    @Test
    void coverageIsFiredRulesOverAllRules() {
        Coverage coverage = Coverage.of(List.of(
                report("a", List.of(), List.of("r1", "r2", "r3"), List.of("r3")),
                report("b", List.of(), List.of("s1"), List.of())));
        assertThat(coverage.fired()).isEqualTo(3);
        assertThat(coverage.total()).isEqualTo(4);
        assertThat(coverage.percent()).isEqualTo(75.0);
        assertThat(coverage.isBelow(75)).isFalse();
        assertThat(coverage.isBelow(75.01)).isTrue();
        assertThat(coverage.services().get(0).describe()).isEqualTo("a: 2/3 rules; not fired: \"r3\"");
        assertThat(coverage.describeTotal()).isEqualTo("rule coverage: 75.0% (3 of 4 rules)");
        assertThat(Coverage.of(List.of()).percent()).isEqualTo(100.0);
        assertThat(Coverage.of(List.of()).isBelow(101)).isTrue();
    }

    @Test
    void junitXmlHasASuitePerServiceAndTheDifferencesOfFailures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(List.of(
                report("a", List.of(result("a", "passes", List.of()),
                        result("a", "fails <badly> & \"loudly\"", List.of("outcome: expected A, got B", "fee: x"))),
                        List.of("r1", "r2"), List.of("r2")),
                report("b", List.of(result("b", "passes too", List.of())), List.of(), List.of())), out);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));

        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("3");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element firstSuite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(firstSuite.getElementsByTagName("property").item(1).getAttributes().getNamedItem("value")
                .getNodeValue()).isEqualTo("1");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("fails <badly> & \"loudly\"");
        assertThat(failure.getAttribute("message")).isEqualTo("outcome: expected A, got B");
        assertThat(failure.getTextContent()).contains("rules/services/a/tests/cases.yaml:7:")
                .contains("outcome: expected A, got B\nfee: x");
    }
}
