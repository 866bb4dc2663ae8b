package uz.qaror.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.Internals;
import uz.qaror.tools.lint.Linter;

/** {@code qaror check}: compiles and lints every service and prints diagnostics as file:line:column. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles and lints every service; prints problems as file:line:column.",
                "Each problem is printed as file:line:column: level: message.",
                "Lint warns of rules without @legalBasis, reason texts missing a language or",
                "unused, inputs and parameters no rule reads, amounts written as literals,",
                "services without test cases and files nothing loads; a reason code or a",
                "parameter that does not exist is an error.",
                "Exits 1 when a service has errors (with --strict, also warnings)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Override
    public Integer call() {
        DecisionEngine engine = rules.engine();
        // Compile every service on every core first; the loop below then reads the compiled services (or their
        // diagnostics) in order.
        engine.prepareAll();
        List<Diagnostic> diagnostics = new ArrayList<>(Linter.lintCatalog(Internals.source(engine)));
        for (String id : engine.serviceIds()) {
            diagnostics.addAll(check(engine, id));
        }
        PrintWriter out = spec.commandLine().getOut();
        diagnostics.forEach(out::println);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        out.println(engine.serviceIds().size() + " services checked in " + engine.rulesLocation() + ": "
                + errors + " errors, " + warnings + " warnings" + (strict && warnings > 0 ? " (--strict)" : ""));
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? Qaror.CHECKS_FAILED : Qaror.DONE;
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
