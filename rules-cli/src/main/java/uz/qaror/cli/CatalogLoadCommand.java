package uz.qaror.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.Internals;
import uz.qaror.tools.report.CheckReport;
import uz.qaror.tools.report.ReportFormat;

/** {@code qaror catalog load}: every service made ready as a decision would, and where each one's rules came from. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Makes every service ready as the commands that decide would, and says how long it took and "
                + "where each service's rules came from.",
                "%nWith --prebuilt JAR beside --rules DIR: how many services load from the jar, and which are "
                        + "compiled instead because their files changed since qaror catalog prebuild wrote it "
                        + "(write the jar again when the list grows). A service that does not compile gets its "
                        + "diagnostics (file:line:column, as qaror check prints them) and exit code 1.",
                "%nThe launcher also runs it once per jar, to make the class-data archive that lets a command "
                        + "given --prebuilt map the jar's classes instead of loading them."})
final class CatalogLoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesLocation rules;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DecisionEngine engine = rules.engine();
        List<Diagnostic> diagnostics = engine.prepareAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> compiled = new ArrayList<>();
        int prebuilt = 0;
        int failed = 0;
        for (String id : engine.serviceIds()) {
            try {
                if (Internals.compiled(engine, id).prebuilt()) {
                    prebuilt++;
                } else {
                    compiled.add(id);
                }
            } catch (RulesException e) {
                failed++;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d services of %s ready in %.1f s: %d from prebuilt rules, %d compiled, %d failed%n",
                engine.serviceIds().size(), engine.rulesLocation(), seconds, prebuilt, compiled.size(), failed);
        if (rules.prebuilt != null && !compiled.isEmpty()) {
            out.println("compiled, as their files changed since " + rules.prebuilt + " was written: "
                    + String.join(", ", compiled));
        }
        out.flush();
        if (failed == 0) {
            return Qaror.DONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print(new CheckReport(engine.rulesLocation(), engine.serviceIds().size(), diagnostics, false)
                .render(ReportFormat.TEXT, Qaror.version()));
        err.flush();
        return Qaror.CHECKS_FAILED;
    }
}
