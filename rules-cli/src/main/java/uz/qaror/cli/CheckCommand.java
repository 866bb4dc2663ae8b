package uz.qaror.cli;

import java.io.PrintWriter;
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
import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.Internals;
import uz.qaror.tools.lint.Linter;
import uz.qaror.tools.report.CheckReport;
import uz.qaror.tools.report.ReportFormat;

/** {@code qaror check}: compiles and lints every service and prints diagnostics as file:line:column. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles and lints every service, or those named; prints problems as file:line:column.",
                "Each problem is printed as file:line:column: level: message.",
                "Lint warns of rules without @legalBasis, reason texts missing a language or",
                "unused, inputs and parameters no rule reads, amounts written as literals,",
                "services without test cases and files nothing loads, a threshold written in",
                "several rules; Drools' own warnings are shown too. A reason code or a",
                "parameter that does not exist is an error.",
                "--format json and --format sarif print the same for programs (docs/formats.md).",
                "Exits 1 when a service has errors (with --strict, also warnings)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "The services to check; all when none is named.")
    List<String> services = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text",
            description = "How to print the findings: text (default), json, or sarif (SARIF 2.1.0, for editors and"
                    + " code scanning).")
    String format;

    @Override
    public Integer call() {
        ReportFormat chosen;
        try {
            chosen = ReportFormat.parse(format, List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.SARIF));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (rules.prebuilt != null) {
            // Checking compiles every service itself; a jar given with it must at least be one that can be read.
            rules.engine().close();
        }
        DecisionEngine engine = rules.compilingEngine();
        List<String> ids = ServiceSelection.of(spec, services, engine.serviceIds());
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (services.isEmpty()) {
            // Compile every service on every core first; the loop below then reads the compiled services (or
            // their diagnostics) in order.
            engine.prepareAll();
            diagnostics.addAll(Linter.lintCatalog(Internals.source(engine)));
        }
        for (String id : ids) {
            diagnostics.addAll(check(engine, id));
        }
        CheckReport report = new CheckReport(engine.rulesLocation(), ids.size(), diagnostics, strict);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render(chosen, Qaror.version()));
        out.flush();
        return report.passed() ? Qaror.DONE : Qaror.CHECKS_FAILED;
    }

    /** The compiler's errors, or when the service compiles, the linter's findings. */
    private static List<Diagnostic> check(DecisionEngine engine, String id) {
        try {
            return Linter.lint(Internals.compiled(engine, id));
        } catch (RulesException e) {
            return Internals.source(engine).diagnosticsOf(id, e);
        }
    }
}
