package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.batch.RunSettings;
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
                        + "a folder of .json files, read as qaror batch reads applications. Output: exactly one JSON "
                        + "line per household, in input order; a record that cannot be read or screened (not JSON, "
                        + "not UTF-8, over --max-record-bytes or the engine's input limits, not a valid household, "
                        + "past --record-timeout) becomes an error record and the run goes on. With -o the file is "
                        + "written aside (OFFERS.partial, with OFFERS.partial.json recording the input's fingerprint, "
                        + "both rule sets and the options) under a lock and moved into place at the end; an "
                        + "interrupted run (a failure, SIGTERM, SIGINT) keeps whole records and prints the command "
                        + "that continues it with --resume, on the same date. Every write is checked. A summary per "
                        + "service goes to stderr (and to --summary FILE as JSON)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every household re-screened",
                "1:done, but some records are error records",
                "2:usage error, or --resume with another input, other rules or other options than the partial's",
                "3:unreadable input or rules, or an output that cannot be written; with -o the partial is kept "
                        + "for --resume"})
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
            description = "Write the records here instead of standard output (a regular file).")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as JSON.")
    Path summaryFile;

    @Option(names = "--resume", description = "Continue an interrupted run from OFFERS.partial: no household is "
            + "screened or written twice. Refused when the input, either rule set or the options that change records "
            + "differ from the interrupted run's.")
    boolean resume;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Screen both sides as of this date (YYYY-MM-DD); default today, or on --resume the date "
                    + "of the interrupted run.")
    LocalDate asOf;

    @Mixin
    ScreeningChoice choice;

    @Mixin
    RecordRunOptions records;

    @Override
    public Integer call() throws IOException {
        if (resume && output == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs -o OFFERS");
        }
        records.check(spec);
        population.check(spec);
        Path baselineRules = "embedded".equals(baseline) ? null : Path.of(baseline);
        DecisionEngine before = baselineRules == null ? DecisionEngine.embedded()
                : DecisionEngine.fromDirectory(baselineRules);
        DecisionEngine after = DecisionEngine.fromDirectory(candidate);
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(before.serviceIds()));
        after.serviceIds().stream().filter(id -> !known.contains(id)).forEach(known::add);
        ScreeningOptions options = choice.options(spec, known, asOf);
        PrintWriter err = spec.commandLine().getErr();
        RescreenSummary summary = new RescreenSummary();
        BatchOutputs outputs = BatchOutputs.open(output, null, RecordFormat.JSONL, resume,
                () -> settings(baselineRules), err);
        LocalDate[] earlier = {null};
        long skip;
        try {
            skip = outputs.alignForResume(written -> written.forEachExisting(line -> {
                Tally tally;
                try {
                    tally = Tally.of(line);
                } catch (IllegalArgumentException e) {
                    throw new IOException(written.partial() + ": " + e.getMessage()
                            + "; it is not the output of qaror rescreen", e);
                }
                summary.add(tally);
                if (earlier[0] == null) {
                    earlier[0] = LocalDate.parse(Json.JSON.readTree(line).path("asOf").asText());
                }
            }));
        } catch (IOException | RuntimeException e) {
            outputs.suspend();
            throw e;
        }
        // A population is re-screened on one date: a resumed run keeps the date of the records already written.
        LocalDate date = earlier[0] != null ? earlier[0] : options.asOf();
        if (earlier[0] != null) {
            err.println("the households already written were re-screened as of " + date + "; so are the rest");
        }
        Rescreener rescreener = new Rescreener(before, after, options.on(date), records.recordDeadline());
        Progress progress = records.progress(err);
        long start = System.nanoTime();
        String again = StopOnSignal.commandLine(spec.commandLine().getParseResult().originalArgs(), "--resume");
        boolean finished;
        try (StopOnSignal signals = new StopOnSignal(rescreener::stop,
                () -> outputs.tellHowToContinue(again, summary.households()))) {
            Writer target = outputs.records(spec.commandLine().getOut());
            finished = outputs.run(() -> {
                try (RecordSource source = population.open(records.maxRecordBytes)) {
                    return rescreener.run(source, skip, target, summary, population.threads, progress::update);
                }
            }, progress, again, summary::households);
        }
        if (summaryFile != null) {
            AtomicFile.write(summaryFile, stream -> {
                // Written as bytes: Jackson would close the stream, which the atomic file still syncs and moves.
                stream.write(Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary.toJson()));
                return null;
            });
        }
        err.println(describe(summary, rescreener.asOf(), Duration.ofNanos(System.nanoTime() - start)));
        err.flush();
        return !finished ? Qaror.UNREADABLE : summary.errorRecords() > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }

    /** What must match for a resume: the input's bytes, both rule sets, and every option that changes records. */
    private RunSettings settings(Path baselineRules) throws IOException {
        return RunSettings.builder()
                .input(population.input)
                .checked("baseline", RulesOptions.describe(baselineRules))
                .checked("candidate", RulesOptions.describe(candidate))
                .checked("--as-of", asOf)
                .checked("--services", choice.services == null ? null : String.join(",", choice.services))
                .checked("--life-event", choice.lifeEvent)
                .checked("--max-record-bytes", records.maxRecordBytes)
                .checked("qaror", Qaror.version())
                .build();
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
