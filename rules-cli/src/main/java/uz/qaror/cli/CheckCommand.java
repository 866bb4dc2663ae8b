package uz.qaror.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;

/** {@code qaror check}: compiles every service and prints diagnostics as file:line:column. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles every service of the rules and prints each problem as",
                "file:line:column: level: message. Exits 1 when a service has errors."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() {
        DecisionEngine engine = rules.engine();
        List<Diagnostic> diagnostics = engine.prepareAll();
        PrintWriter out = spec.commandLine().getOut();
        diagnostics.forEach(out::println);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        out.println(engine.serviceIds().size() + " services checked in " + engine.rulesLocation() + ": "
                + errors + " errors");
        out.flush();
        return errors > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }
}
