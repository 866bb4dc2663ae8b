package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.report.ReportFormat;
import uz.qaror.tools.report.TestReport;
import uz.qaror.tools.testing.JUnitXml;
import uz.qaror.tools.testing.TestRunner;

/** {@code qaror test}: runs the services' test cases and reports failures and rule coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the test cases of every service, or of those named, on the real engine.",
                "Prints each failing case as file:line: service: case with what was expected",
                "against what came out, then the number of cases and failures and the rule",
                "coverage: the rules some case fired, per service and in total.",
                "--format json and --format junit print the results for programs (docs/formats.md).",
                "Exits 1 when a case fails or coverage is below --min-coverage, 3 when a rule",
                "or test file is broken."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesLocation rules;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the results as JUnit XML, for CI (written aside, then moved into place).")
    Path junit;

    @Option(names = "--format", paramLabel = "text|json|junit", defaultValue = "text",
            description = "How to print the results: text (default), json, or junit (JUnit XML).")
    String format;

    @Option(names = "--min-coverage", paramLabel = "PERCENT",
            description = "Fail when fewer than this percentage of all rules is fired by some case.")
    Double minCoverage;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "The services to test; all when none is named.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        ReportFormat chosen;
        try {
            chosen = ReportFormat.parse(format, List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.JUNIT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (junit != null && Files.isDirectory(junit)) {
            throw new ParameterException(spec.commandLine(), "--junit " + junit + " is a folder; name the XML file"
                    + " to write, such as " + junit.resolve("qaror-tests.xml"));
        }
        DecisionEngine engine = rules.engine();
        List<String> ids = ServiceSelection.of(spec, services, engine.serviceIds());
        // One service per core at a time: compiling a rules folder's services is most of a run.
        List<TestRunner.ServiceReport> reports = TestRunner.runAll(engine, ids,
                Runtime.getRuntime().availableProcessors());
        TestReport report = new TestReport(engine.rulesLocation(), reports, minCoverage);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render(chosen));
        // The results are on screen even if the XML cannot be written.
        out.flush();
        if (junit != null) {
            writeJUnit(reports);
        }
        return report.passed() ? Qaror.DONE : Qaror.CHECKS_FAILED;
    }

    private void writeJUnit(List<TestRunner.ServiceReport> reports) {
        try {
            AtomicFile.write(junit, stream -> {
                JUnitXml.write(reports, stream);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + junit + ": " + e.getMessage(), e);
        }
    }
}
