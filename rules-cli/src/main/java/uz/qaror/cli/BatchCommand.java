package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.BatchSummary;
import uz.qaror.tools.batch.Masking;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.batch.ResumableOutput;
import uz.qaror.tools.batch.RunSettings;

/** {@code qaror batch}: decides a file of applications. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Decides many applications and writes one record per application, in input order.",
                "%nInput: JSON Lines, one JSON array, or a folder of .json files. In JSON Lines only \\n ends a "
                        + "record (a \\r before it is dropped; any other \\r is data). Every record gives exactly one "
                        + "output record: a decision, or an error record with its record number and source (not JSON, "
                        + "not UTF-8, over --max-record-bytes, past --record-timeout, ...); the batch goes on.",
                "%nOutput: JSON Lines, or one CSV row per decision. With -o the file is written aside (OUT.partial, "
                        + "with OUT.partial.json recording the input's fingerprint and the options) under a lock "
                        + "(OUT.lock: a second run on the same OUT fails at once), and moved into place at the end; "
                        + "only regular files are written. An interrupted batch (a failure, SIGTERM, SIGINT) keeps "
                        + "whole records in OUT.partial and prints the command that continues it with --resume, "
                        + "which decides and writes nothing twice and refuses another input or other options. Every "
                        + "write is checked, standard output included: a failed write exits 3.",
                "%nA summary goes to stderr: outcomes by service, automation rate, errors by kind, throughput "
                        + "(--summary json for one JSON object on the last line)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every record decided",
                "1:done, but some records are error records",
                "2:usage error, or --resume with another input or other options than the partial's",
                "3:unreadable input or rules, or an output that cannot be written (disk full, closed pipe, not a "
                        + "regular file, locked by another run); with -o the partial is kept for --resume"})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManyApplications applications;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write here instead of standard output (a regular file).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default: the whole decision per line) or csv (one row per decision; a cell with "
                    + "a line break is quoted, and --resume counts CSV records, not lines).")
    String format;

    @Option(names = "--resume", description = "Continue an interrupted batch from OUT.partial: no record is "
            + "decided or written twice. Refused when the input, format, language, rules, --as-of or the options "
            + "that change records differ from the interrupted run's.")
    boolean resume;

    @Option(names = "--decision-log", paramLabel = "FILE", description = "Write an audit log: one line per "
            + "record with rules version, parameters, fired rules and input hash; identifiers concealed (no digit "
            + "of a PINFL is kept).")
    Path decisionLog;

    @Option(names = "--link-key-file", paramLabel = "FILE", description = "With --decision-log: conceal each "
            + "identifier as an HMAC-SHA256 under the key in FILE (at least 16 bytes; a final line break is not part "
            + "of it), so that records of one person can be linked by whoever holds the key.")
    Path linkKeyFile;

    @Option(names = "--max-record-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest record read, in bytes (default ${DEFAULT-VALUE}, 1 MiB); a larger one becomes an "
                    + "error record (LIMIT_EXCEEDED) and is skipped, never held in memory.")
    int maxRecordBytes;

    @Option(names = "--record-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest time deciding one record may take (default ${DEFAULT-VALUE}): CPU time of its "
                    + "thread, so that a loaded machine does not fail records, and at most ten times as much wall-clock "
                    + "time; past it the record becomes an error record (TIMEOUT), its thread is left behind and a new "
                    + "one carries on.")
    double recordTimeout;

    @Option(names = "--summary", paramLabel = "text|json", defaultValue = "text",
            description = "The summary on stderr: text (default: tables) or json (one object on the last line; keys "
                    + "records, decisions, errors, resumedAfter, decidedNow, stopped, seconds, perSecond, "
                    + "automationRate, automationTarget, outcomes, errorsByKind, services).")
    String summary;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When stderr is not a terminal, print a progress line this often (default ${DEFAULT-VALUE}).")
    int progressEvery;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws IOException {
        RecordFormat recordFormat = checkOptions();
        applications.check(spec);
        PrintWriter err = spec.commandLine().getErr();
        DecisionEngine engine = rules.engine();
        Masking masking = linkKeyFile == null ? Masking.unlinked() : Masking.linkedBy(readKey(linkKeyFile));
        BatchRunner runner = BatchRunner.builder(engine).language(language.language).format(recordFormat)
                .threads(applications.threads).decisionLog(decisionLog != null).masking(masking)
                .recordDeadline(Duration.ofMillis(Math.round(recordTimeout * 1000))).build();
        // Java cannot ask whether stderr is a terminal; the launcher can, and says so in qaror.stderr.tty.
        boolean terminal = Boolean.getBoolean("qaror.stderr.tty") || System.console() != null;
        Progress progress = new Progress(err, terminal, Duration.ofSeconds(progressEvery));
        BatchSummary counts = new BatchSummary();
        long start = System.nanoTime();
        BatchOutputs outputs = BatchOutputs.open(output, decisionLog, recordFormat, resume,
                () -> settings(recordFormat, masking), err);
        String again = StopOnSignal.commandLine(spec.commandLine().getParseResult().originalArgs(), "--resume");
        try (StopOnSignal signals = new StopOnSignal(runner::stop, () -> outputs.tellHowToContinue(again, counts))) {
            long skip = outputs.alignForResume(counts, recordFormat);
            Writer target = outputs.records(spec.commandLine().getOut());
            try (RecordSource source = applications.open(maxRecordBytes)) {
                runner.run(source, skip, target, outputs.log(), counts, progress::update);
            } catch (IOException | RuntimeException e) {
                // Keep what was written for --resume, never a half-written OUT.
                progress.finish();
                outputs.suspend();
                outputs.tellHowToContinue(again, counts);
                throw e;
            }
            progress.finish();
            if (counts.stopped()) {
                outputs.suspend();
                outputs.tellHowToContinue(again, counts);
            } else {
                outputs.commit();
            }
            printSummary(err, counts, Duration.ofNanos(System.nanoTime() - start));
        }
        return counts.stopped() ? Qaror.UNREADABLE : counts.errors() > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }

    private RecordFormat checkOptions() {
        CommandLine commandLine = spec.commandLine();
        if (resume && output == null) {
            throw new CommandLine.ParameterException(commandLine, "--resume needs -o OUT");
        }
        if (linkKeyFile != null && decisionLog == null) {
            throw new CommandLine.ParameterException(commandLine, "--link-key-file needs --decision-log FILE");
        }
        if (maxRecordBytes < 1 || recordTimeout <= 0) {
            throw new CommandLine.ParameterException(commandLine,
                    "--max-record-bytes and --record-timeout must be positive");
        }
        if (!summary.equals("text") && !summary.equals("json")) {
            throw new CommandLine.ParameterException(commandLine, "--summary is text or json, not '" + summary + "'");
        }
        if (output != null && decisionLog != null && samePath(output, decisionLog)) {
            throw new CommandLine.ParameterException(commandLine, "-o and --decision-log name the same file");
        }
        if (output != null && !"-".equals(applications.input) && samePath(output, Path.of(applications.input))) {
            throw new CommandLine.ParameterException(commandLine, "-o names the input; write the output elsewhere");
        }
        try {
            return RecordFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** What must match for a resume: the input's bytes, and every option that changes the records written. */
    private RunSettings settings(RecordFormat recordFormat, Masking masking) throws IOException {
        String rulesUsed = rules.rules == null ? "embedded catalog of qaror " + Qaror.version()
                : "folder " + rules.rules.toAbsolutePath().normalize() + ", " + RunSettings.fingerprint(rules.rules);
        return RunSettings.builder()
                .input(applications.input)
                .checked("--format", recordFormat.name().toLowerCase(Locale.ROOT))
                .checked("--lang", language.language.tag())
                .checked("rules", rulesUsed)
                .checked("--as-of", rules.asOf)
                .checked("--max-record-bytes", maxRecordBytes)
                .checked("--decision-log", decisionLog == null ? null : decisionLog.toAbsolutePath().normalize())
                .checked("--link-key-file", linkKeyFile == null ? null : "key " + masking.keyId())
                .checked("qaror", Qaror.version())
                .build();
    }

    private byte[] readKey(Path file) {
        byte[] key;
        try {
            key = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        int length = key.length;
        if (length > 0 && key[length - 1] == '\n') {
            length--;
            if (length > 0 && key[length - 1] == '\r') {
                length--;
            }
        }
        if (length < Masking.MIN_KEY_BYTES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--link-key-file: " + file + " holds "
                    + length + " bytes; a link key needs at least " + Masking.MIN_KEY_BYTES
                    + " (e.g. openssl rand -hex 32 > " + file + ")");
        }
        return Arrays.copyOf(key, length);
    }

    private void printSummary(PrintWriter err, BatchSummary counts, Duration elapsed) throws IOException {
        if (summary.equals("json")) {
            err.println(Json.JSON.writeValueAsString(counts.toJson(elapsed)));
        } else {
            err.println(SummaryText.render(counts, elapsed));
        }
        err.flush();
    }
}
