package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.simulate.HtmlReport;
import uz.qaror.tools.simulate.SimulationReport;
import uz.qaror.tools.simulate.Simulator;

/** {@code qaror simulate}: what a rule change would do to a set of applications. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Decides every application under two rule sets and reports what changes.",
                "%nPer service: the transition matrix (APPROVED to REJECTED, ...), amount and fee changes apart from "
                        + "outcome changes, sample applications per transition, and the list of changed applications; "
                        + "as JSON and as a self-contained HTML page (tables and charts, no script) in --lang."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "DIR|embedded", defaultValue = "embedded",
            description = "The rules in force: a folder, or 'embedded' for the embedded catalog (default).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "DIR", required = true, description = "The proposed rules folder.")
    Path candidate;

    @Mixin
    ManyApplications applications;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge both sides as of this date instead of each submission date.")
    LocalDate asOf;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON report here "
            + "(default: standard output, unless --html is given).")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.")
    Path html;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "uz", converter = LanguageOption.Converter.class,
            description = "Language of the HTML report: uz (default), uz-Cyrl, ru, en.")
    Language language;

    @Option(names = "--max-changes", paramLabel = "N", defaultValue = "100000",
            description = "List at most this many changed applications (default ${DEFAULT-VALUE}); all are counted.")
    int maxChanges;

    @Override
    public Integer call() throws IOException {
        applications.check(spec);
        DecisionEngine.Builder base = DecisionEngine.builder().asOf(asOf);
        if (!"embedded".equals(baseline)) {
            base.rulesDirectory(Path.of(baseline));
        }
        DecisionEngine baselineEngine = base.build();
        DecisionEngine candidateEngine = DecisionEngine.builder().asOf(asOf).rulesDirectory(candidate).build();
        SimulationReport report;
        try (RecordSource source = applications.open()) {
            report = new Simulator(baselineEngine, candidateEngine, applications.threads).run(source, maxChanges);
        }
        ObjectNode json = report.toJson(baselineEngine.rulesLocation(), candidateEngine.rulesLocation(),
                asOf == null ? null : asOf.toString());
        String text = Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        if (output != null) {
            AtomicFile.write(output, out -> {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                return null;
            });
        } else if (html == null) {
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
        }
        if (html != null) {
            String page = HtmlReport.render(json, language);
            AtomicFile.write(html, out -> {
                out.write(page.getBytes(StandardCharsets.UTF_8));
                return null;
            });
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(report.records() + " applications decided under both rule sets; " + report.changed()
                + " change: " + report.outcomeChanged() + " in outcome, " + (report.changed() - report.outcomeChanged())
                + " in an amount or the fee only");
        err.flush();
        return Qaror.DONE;
    }
}
