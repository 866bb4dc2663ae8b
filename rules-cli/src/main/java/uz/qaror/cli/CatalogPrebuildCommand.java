package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.RulesException;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.prebuilt.ModelGenerator;
import uz.qaror.tools.report.CheckReport;
import uz.qaror.tools.report.ReportFormat;

/** {@code qaror catalog prebuild}: a rules folder compiled in advance into a jar, for a fast start. */
@Command(name = "prebuild", mixinStandardHelpOptions = true,
        description = {"Compiles every service of a rules folder in advance (Drools' executable model) into a jar.",
                "%nGive the jar to the commands that decide (evaluate, batch, screen, serve, ...) with --prebuilt "
                        + "JAR beside --rules DIR: a service whose files are unchanged since loads its rules from "
                        + "the jar instead of compiling them (700 services are ready in under half the time); a "
                        + "service edited since is compiled as usual. Decisions are the same either way.",
                "%nA folder with a broken service gets its diagnostics (file:line:column, as qaror check prints "
                        + "them), exit code 1, and no jar. Slow: several times a qaror check of the folder."})
final class CatalogPrebuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", required = true,
            description = "The rules folder (services/<id>/ and parameters/) to compile.")
    Path rules;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", required = true,
            description = "The jar to write; replaced whole once complete, never left half-written.")
    Path output;

    @Override
    public Integer call() {
        if (Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " is a folder; name a jar file");
        }
        CatalogSource source = CatalogSource.directory(rules);
        ModelGenerator.Generated generated;
        try {
            generated = ModelGenerator.generate(source);
        } catch (RulesException e) {
            if (e.diagnostics().isEmpty()) {
                throw e;
            }
            PrintWriter err = spec.commandLine().getErr();
            CheckReport report = new CheckReport(source.displayRoot(), source.serviceIds().size(), e.diagnostics(),
                    false);
            err.print(report.render(ReportFormat.TEXT, Qaror.version()));
            err.println("qaror: nothing written: " + e.getMessage());
            err.flush();
            return Qaror.CHECKS_FAILED;
        }
        try {
            AtomicFile.write(output, out -> {
                generated.writeJar(out);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("prebuilt " + generated.services() + " services of " + source.displayRoot() + " into " + output
                + " (" + generated.classes().size() + " classes, " + generated.parsed().size() + " YAML files parsed)");
        out.println("use it with: --rules " + rules + " --prebuilt " + output);
        out.flush();
        return Qaror.DONE;
    }
}
