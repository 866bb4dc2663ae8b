package uz.qaror.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.BatchSummary;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.batch.ResumableOutput;

/** {@code qaror batch}: decides a file of applications. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Decides many applications and writes one record per application, in input order.",
                "%nInput: JSON Lines, one JSON array, or a folder of .json files. Output: JSON Lines, or one CSV row "
                        + "per decision. Every record gives exactly one output record: a decision, or an error record "
                        + "with its record number and source; the batch goes on. With -o the file is written aside "
                        + "(OUT.partial) and moved into place at the end; an interrupted batch continues with --resume, "
                        + "deciding and writing nothing twice. A summary goes to stderr: outcomes by service, automation "
                        + "rate, errors by kind, throughput."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManyApplications applications;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default: the whole decision per line) or csv (one row per decision).")
    String format;

    @Option(names = "--resume", description = "Continue an interrupted batch from OUT.partial: no record is "
            + "decided or written twice.")
    boolean resume;

    @Option(names = "--decision-log", paramLabel = "FILE", description = "Write an audit log: one line per "
            + "record with rules version, parameters, fired rules and input hash; identifiers masked.")
    Path decisionLog;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When stderr is not a terminal, print a progress line this often (default ${DEFAULT-VALUE}).")
    int progressEvery;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws IOException {
        RecordFormat recordFormat;
        try {
            recordFormat = RecordFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (resume && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs -o OUT");
        }
        applications.check(spec);
        PrintWriter err = spec.commandLine().getErr();
        BatchRunner runner = new BatchRunner(rules.engine(), language.language, recordFormat, applications.threads,
                decisionLog != null);
        // Java cannot ask whether stderr is a terminal; the launcher can, and says so in qaror.stderr.tty.
        boolean terminal = Boolean.getBoolean("qaror.stderr.tty") || System.console() != null;
        Progress progress = new Progress(err, terminal, Duration.ofSeconds(progressEvery));
        BatchSummary summary = new BatchSummary();
        long start = System.nanoTime();
        ResumableOutput out = output == null ? null : ResumableOutput.open(output, recordFormat.header(), resume);
        ResumableOutput log = decisionLog == null ? null : ResumableOutput.open(decisionLog, null, resume);
        long skip = 0;
        if (out != null) {
            skip = out.existingRecords();
            if (log != null) {
                skip = Math.min(skip, log.existingRecords());
                out.truncateTo(skip);
                log.truncateTo(skip);
            }
            if (skip > 0) {
                summary.addWritten(out, recordFormat);
                err.println("resuming after " + skip + " records already written to " + out.partial());
            }
        }
        Writer stdout = null;
        try (RecordSource source = applications.open()) {
            Writer target;
            if (out != null) {
                target = out.writer();
            } else {
                stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                if (recordFormat.header() != null) {
                    stdout.write(recordFormat.header());
                    stdout.write('\n');
                }
                target = stdout;
            }
            runner.run(source, skip, target, log == null ? null : log.writer(), summary, progress::update);
        } catch (IOException | RuntimeException e) {
            // Keep what was written for --resume, never a half-written OUT.
            if (out != null) {
                out.suspend();
                err.println("qaror: the batch stopped; " + summary.records() + " records are in " + out.partial()
                        + "; run again with --resume to continue");
            }
            if (log != null) {
                log.suspend();
            }
            throw e;
        }
        if (stdout != null) {
            stdout.flush();
        }
        if (out != null) {
            out.commit();
        }
        if (log != null) {
            log.commit();
        }
        progress.finish();
        err.println(summary.describe(Duration.ofNanos(System.nanoTime() - start)));
        err.flush();
        return summary.errors() > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }
}
