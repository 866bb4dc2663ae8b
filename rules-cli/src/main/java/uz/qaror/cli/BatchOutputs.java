package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.ResumableOutput;

/**
 * Where a run over records writes (a batch, a re-screening): OUT (resumable, locked) or standard output (checked),
 * and a batch's decision log beside it; how the two are aligned for a resume, finished, or kept when the run stops.
 */
final class BatchOutputs {

    private final ResumableOutput out;
    private final ResumableOutput log;
    private final RecordFormat format;
    private final PrintWriter err;
    private Writer stdout;

    private BatchOutputs(ResumableOutput out, ResumableOutput log, RecordFormat format, PrintWriter err) {
        this.out = out;
        this.log = log;
        this.format = format;
        this.err = err;
    }

    /**
     * Opens OUT (when given) and the decision log (when given) under their locks.
     *
     * @throws ResumableOutput.ResumeRefused when a resume would mix this run with another's records
     */
    static BatchOutputs open(Path output, Path decisionLog, RecordFormat format, boolean resume,
                             ResumableOutput.SettingsSource settings, PrintWriter err) throws IOException {
        ResumableOutput out = output == null ? null : ResumableOutput.open(output, format, resume, settings);
        ResumableOutput log;
        try {
            log = decisionLog == null ? null
                    : ResumableOutput.open(decisionLog, RecordFormat.JSONL, resume && out != null, null);
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.suspend();
            }
            throw e;
        }
        if (out != null && out.earlierSettings() != null) {
            out.settings().notesChangedFrom(out.earlierSettings()).forEach(note -> err.println("note: "
                    + TerminalText.escape(note) + " (the same bytes: resuming)"));
        }
        return new BatchOutputs(out, log, format, err);
    }

    /** Counts again what an interrupted run wrote, for the summary. */
    interface Recount {
        void recount(ResumableOutput written) throws IOException;
    }

    /** How many records an interrupted run wrote to both outputs; both are cut to that many and counted. */
    long alignForResume(Recount recount) throws IOException {
        if (out == null) {
            return 0;
        }
        long skip = out.existingRecords();
        if (log != null) {
            skip = Math.min(skip, log.existingRecords());
            out.truncateTo(skip);
            log.truncateTo(skip);
        }
        if (skip > 0) {
            recount.recount(out);
            err.println("resuming after " + skip + " records already written to "
                    + TerminalText.escape(out.partial().toString()));
        }
        return skip;
    }

    /** Where records go: OUT's partial, or standard output (with the format's header first). */
    Writer records(PrintWriter standardOutput) throws IOException {
        if (out != null) {
            return out.writer();
        }
        stdout = StandardOutput.writer(standardOutput);
        if (format.header() != null) {
            stdout.write(format.header());
            stdout.write('\n');
        }
        return stdout;
    }

    Writer log() {
        return log == null ? null : log.writer();
    }

    /** Moves the finished outputs into place; for standard output, checks every write went through. */
    void commit() throws IOException {
        if (stdout != null) {
            stdout.flush();
        }
        if (out != null) {
            out.commit();
        }
        if (log != null) {
            log.commit();
        }
    }

    /** Keeps the partial outputs (whole records only) for a resume. */
    void suspend() throws IOException {
        try {
            if (out != null) {
                out.suspend();
            }
        } finally {
            if (log != null) {
                log.suspend();
            }
        }
    }

    /** The run that writes into these outputs. */
    interface Work {
        /** @return whether every record was written ({@code false} when asked to stop first) */
        boolean run() throws IOException;
    }

    /**
     * Runs {@code work} and finishes the outputs: moved into place when every record was written; kept, whole
     * records only, for {@code --resume} when the run stopped or failed, with the command that continues it.
     *
     * @param records how many records were written so far, for the message
     * @return whether every record was written
     */
    boolean run(Work work, Progress progress, String command, LongSupplier records) throws IOException {
        boolean finished;
        try {
            finished = work.run();
        } catch (IOException | RuntimeException e) {
            // Keep what was written for --resume, never a half-written OUT.
            progress.finish();
            suspend();
            tellHowToContinue(command, records.getAsLong());
            throw e;
        }
        progress.finish();
        if (finished) {
            commit();
        } else {
            suspend();
            tellHowToContinue(command, records.getAsLong());
        }
        return finished;
    }

    /** Says where the records written so far are, and the command that continues the batch. */
    void tellHowToContinue(String command, long records) {
        if (out != null) {
            err.println("qaror: the run stopped; " + records + " records are in "
                    + TerminalText.escape(out.partial().toString()) + "; to continue, run:");
            err.println("  " + TerminalText.escape(command));
        } else {
            err.println("qaror: the run stopped after " + records + " records handed to standard output; the rest "
                    + "were not written");
        }
        err.flush();
    }
}
