package uz.qaror.tools.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;
import uz.qaror.tools.testing.CaseResult;
import uz.qaror.tools.testing.Coverage;
import uz.qaror.tools.testing.JUnitXml;
import uz.qaror.tools.testing.TestRunner;

/**
 * What {@code qaror test} found, in each of its formats: text for people, JSON for programs
 * ({@code docs/test.schema.json}), JUnit XML for CI servers.
 *
 * @param rules           where the rules were read from
 * @param services        the results of each service tested
 * @param minimumCoverage the share of rules some case must fire, in percent; {@code null} for none
 */
public record TestReport(String rules, List<TestRunner.ServiceReport> services, Double minimumCoverage) {

    public TestReport {
        services = List.copyOf(services);
    }

    public int cases() {
        return services.stream().mapToInt(s -> s.results().size()).sum();
    }

    public long failed() {
        return services.stream().mapToLong(TestRunner.ServiceReport::failures).sum();
    }

    public Coverage coverage() {
        return Coverage.of(services);
    }

    /** Whether coverage reaches the minimum (always, without one). */
    public boolean covered() {
        return minimumCoverage == null || !coverage().isBelow(minimumCoverage);
    }

    public boolean passed() {
        return failed() == 0 && covered();
    }

    /** The report in a format: {@link ReportFormat#TEXT}, {@link ReportFormat#JSON} or {@link ReportFormat#JUNIT}. */
    public String render(ReportFormat format) {
        return switch (format) {
            case TEXT -> text();
            case JSON -> CheckReport.write(json());
            case JUNIT -> junit();
            case SARIF -> throw new IllegalArgumentException("test has no SARIF form");
        };
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (TestRunner.ServiceReport report : services) {
            for (CaseResult result : report.results()) {
                if (!result.passed()) {
                    text.append(result.testCase().file()).append(':').append(Math.max(1, result.testCase().line()))
                            .append(": ").append(report.service()).append(": ").append(result.testCase().name())
                            .append('\n');
                    result.differences().forEach(difference -> text.append("    ").append(difference).append('\n'));
                }
            }
        }
        Coverage coverage = coverage();
        text.append(cases()).append(" cases, ").append(failed()).append(" failed\n");
        coverage.services().forEach(service -> text.append("  ").append(service.describe()).append('\n'));
        text.append(coverage.describeTotal()).append('\n');
        if (!covered()) {
            text.append("rule coverage is below the minimum of ").append(percent(minimumCoverage)).append("%\n");
        }
        return text.toString();
    }

    private ObjectNode json() {
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("rules", rules);
        root.put("cases", cases());
        root.put("failed", failed());
        root.put("passed", passed());
        Coverage coverage = coverage();
        ObjectNode total = root.putObject("coverage");
        total.put("rules", coverage.total());
        total.put("rulesFired", coverage.fired());
        total.put("percent", Math.round(coverage.percent() * 10) / 10.0);
        if (minimumCoverage == null) {
            total.putNull("minimum");
        } else {
            total.put("minimum", minimumCoverage);
        }
        total.put("belowMinimum", !covered());
        ArrayNode list = root.putArray("services");
        for (TestRunner.ServiceReport report : services) {
            ObjectNode service = list.addObject();
            service.put("service", report.service());
            service.put("cases", report.results().size());
            service.put("failed", report.failures());
            service.put("rules", report.rules().size());
            service.put("rulesFired", report.rules().size() - report.unfiredRules().size());
            ArrayNode unfired = service.putArray("rulesNotFired");
            report.unfiredRules().forEach(unfired::add);
            ArrayNode results = service.putArray("results");
            for (CaseResult result : report.results()) {
                ObjectNode node = results.addObject();
                node.put("name", result.testCase().name());
                node.put("file", result.testCase().file());
                node.put("line", result.testCase().line());
                node.put("passed", result.passed());
                ArrayNode differences = node.putArray("differences");
                result.differences().forEach(differences::add);
                ArrayNode fired = node.putArray("firedRules");
                result.firedRules().forEach(fired::add);
            }
        }
        return root;
    }

    private String junit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(services, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** 80 rather than 80.0; 80.5 as it is. */
    static String percent(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
