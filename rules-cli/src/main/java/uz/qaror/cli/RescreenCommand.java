package uz.qaror.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.batch.ResumableOutput;
import uz.qaror.tools.screen.RescreenSummary;
import uz.qaror.tools.screen.Rescreener;
import uz.qaror.tools.screen.ScreeningOptions;
import uz.qaror.tools.screen.Tally;

/** {@code qaror rescreen}: who gains and who loses a service when the rules change. */
@Command(name = "rescreen", mixinStandardHelpOptions = true,
        description = {"Screens every household of a population under the rules in force and under proposed ones, "
                + "and writes who becomes eligible (the proactive offers, with amounts and reasons in the four "
                + "languages), who loses eligibility and whose amounts change.",
                "%nInput: households as JSON Lines (one per line; see qaror generate --households), a JSON array or "
                        + "a folder of .json files. Output: exactly one JSON line per household, in input order; a "
                        + "record that is not a valid household becomes an error record and the run goes on. With -o "
                        + "the file is written aside (OUT.partial) and moved into place at the end; --resume "
                        + "continues an interrupted run, on the same date. A summary per service goes to stderr "
                        + "(and to --summary FILE as JSON)."})
final class RescreenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManyApplications population;

    @Option(names = "--baseline", paramLabel = "embedded|DIR", defaultValue = "embedded",
            description = "The rules in force: the embedded catalog (default) or a rules folder.")
    String baseline;

    @Option(names = "--candidate", paramLabel = "DIR", required = true,
            description = "The proposed rules: a rules folder (services/<id>/ and parameters/).")
    Path candidate;

    @Option(names = {"-o", "--output"}, paramLabel = "OFFERS",
            description = "Write the records here instead of standard output.")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as JSON.")
    Path summaryFile;

    @Option(names = "--resume", description = "Continue an interrupted run from OFFERS.partial: no household is "
            + "screened or written twice.")
    boolean resume;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When stderr is not a terminal, print a progress line this often (default ${DEFAULT-VALUE}).")
    int progressEvery;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Screen both sides as of this date (YYYY-MM-DD); default today, or on --resume the date "
                    + "of the interrupted run.")
    LocalDate asOf;

    @Mixin
    ScreeningChoice choice;

    @Override
    public Integer call() throws IOException {
        if (resume && output == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs -o OFFERS");
        }
        population.check(spec);
        DecisionEngine before = "embedded".equals(baseline) ? DecisionEngine.embedded()
                : DecisionEngine.fromDirectory(Path.of(baseline));
        DecisionEngine after = DecisionEngine.fromDirectory(candidate);
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(before.serviceIds()));
        after.serviceIds().stream().filter(id -> !known.contains(id)).forEach(known::add);
        ScreeningOptions options = choice.options(spec, known, asOf);
        PrintWriter err = spec.commandLine().getErr();
        RescreenSummary summary = new RescreenSummary();
        ResumableOutput out = output == null ? null : ResumableOutput.open(output, null, resume);
        long skip = out == null ? 0 : out.existingRecords();
        LocalDate date = options.asOf();
        if (skip > 0) {
            List<String> first = new ArrayList<>();
            out.forEachExisting(line -> {
                try {
                    summary.add(Tally.of(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(out.partial() + ": " + e.getMessage()
                            + "; it is not the output of qaror rescreen", e);
                }
                if (first.isEmpty()) {
                    first.add(line);
                }
            });
            LocalDate earlier = LocalDate.parse(Json.JSON.readTree(first.get(0)).path("asOf").asText());
            if (date != null && !date.equals(earlier)) {
                throw new ParameterException(spec.commandLine(), "--as-of " + date + " differs from the date of the "
                        + "interrupted run, " + earlier + "; a population is re-screened on one date");
            }
            date = earlier;
            err.println("resuming after " + skip + " households already written to " + out.partial()
                    + ", as of " + date);
        }
        Rescreener rescreener = new Rescreener(before, after, options.on(date));
        boolean terminal = Boolean.getBoolean("qaror.stderr.tty") || System.console() != null;
        Progress progress = new Progress(err, terminal, Duration.ofSeconds(progressEvery));
        long start = System.nanoTime();
        Writer stdout = null;
        try (RecordSource source = population.open()) {
            Writer target = out != null ? out.writer()
                    : (stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
            rescreener.run(source, skip, target, summary, population.threads, progress::update);
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.suspend();
                err.println("qaror: the re-screening stopped; " + summary.households() + " households are in "
                        + out.partial() + "; run again with --resume to continue");
            }
            throw e;
        }
        if (stdout != null) {
            stdout.flush();
        }
        if (out != null) {
            out.commit();
        }
        progress.finish();
        if (summaryFile != null) {
            AtomicFile.write(summaryFile, stream -> {
                Json.JSON.writerWithDefaultPrettyPrinter().writeValue(stream, summary.toJson());
                return null;
            });
        }
        err.println(describe(summary, rescreener.asOf(), Duration.ofNanos(System.nanoTime() - start)));
        err.flush();
        return summary.errorRecords() > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }

    static String describe(RescreenSummary summary, LocalDate date, Duration took) {
        List<List<String>> rows = new ArrayList<>();
        for (RescreenSummary.ServiceRow row : summary.services()) {
            rows.add(List.of(row.service(), Long.toString(row.eligibleBefore()), Long.toString(row.eligibleAfter()),
                    Long.toString(row.offers()), Long.toString(row.losses()), Long.toString(row.amountChanges()),
                    Long.toString(row.errors())));
        }
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        return Table.render(List.of("SERVICE", "ELIGIBLE BEFORE", "AFTER", "OFFERS", "LOSSES", "AMOUNTS CHANGED",
                "ERRORS"), rows) + System.lineSeparator()
                + String.format(java.util.Locale.ROOT, "%d households as of %s: %d with offers, %d with losses, "
                                + "%d error records; %.1f s (%.0f households/s)", summary.households(), date,
                        summary.withOffers(), summary.withLosses(), summary.errorRecords(), seconds,
                        summary.households() / seconds);
    }
}
