package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.run.Budget;

/**
 * Decides a stream of applications on several threads: exactly one output record per input record, in input
 * order; a record that cannot be decided (not JSON, not UTF-8, too large, past the deadline) becomes an error
 * record and the batch goes on. Output is flushed after every chunk, so that a failed write stops the run at
 * once and an interrupted run leaves whole records only.
 */
public final class BatchRunner {

    /** The default time one record may take before it is given up. */
    public static final Duration DEFAULT_RECORD_DEADLINE = Duration.ofSeconds(10);

    /** Reports progress after each chunk written, and once before the first with what a resumed run skipped. */
    public interface ProgressListener {
        void progress(BatchProgress progress);
    }

    /**
     * Work done so far: records written (skipped ones of a resumed run included) and the input bytes they took,
     * against the totals where known (-1 otherwise). Bytes are those of records written, never of input merely read
     * ahead, so that progress means work done.
     */
    public record BatchProgress(long records, long recordsTotal, long bytesDone, long bytesTotal) {
    }

    private final DecisionEngine engine;
    private final Language language;
    private final RecordFormat format;
    private final int threads;
    private final boolean decisionLog;
    private final Masking masking;
    private final Duration recordDeadline;
    private volatile boolean stopRequested;
    private volatile Set<String> services;

    public BatchRunner(DecisionEngine engine, Language language, RecordFormat format, int threads,
                       boolean decisionLog) {
        this(builder(engine).language(language).format(format).threads(threads).decisionLog(decisionLog));
    }

    private BatchRunner(Builder builder) {
        this.engine = builder.engine;
        this.language = builder.language;
        this.format = builder.format;
        this.threads = builder.threads;
        this.decisionLog = builder.decisionLog;
        this.masking = builder.masking;
        this.recordDeadline = builder.recordDeadline;
    }

    public static Builder builder(DecisionEngine engine) {
        return new Builder(engine);
    }

    /** Options of a batch; defaults: Uzbek, JSON Lines, one thread per core, no log, a 10 s deadline. */
    public static final class Builder {
        private final DecisionEngine engine;
        private Language language = Language.UZ;
        private RecordFormat format = RecordFormat.JSONL;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean decisionLog;
        private Masking masking = Masking.unlinked();
        private Duration recordDeadline = DEFAULT_RECORD_DEADLINE;

        private Builder(DecisionEngine engine) {
            this.engine = engine;
        }

        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        public Builder format(RecordFormat format) {
            this.format = format;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Whether to write a decision log line per record (the {@code log} writer of {@link #run}). */
        public Builder decisionLog(boolean decisionLog) {
            this.decisionLog = decisionLog;
            return this;
        }

        /** How identifiers are concealed in the decision log and in error messages. */
        public Builder masking(Masking masking) {
            this.masking = masking;
            return this;
        }

        /** How long one record may take before it is given up (an error record of kind TIMEOUT). */
        public Builder recordDeadline(Duration recordDeadline) {
            if (recordDeadline.isNegative() || recordDeadline.isZero()) {
                throw new IllegalArgumentException("the record deadline must be positive");
            }
            this.recordDeadline = recordDeadline;
            return this;
        }

        public BatchRunner build() {
            return new BatchRunner(this);
        }
    }

    /**
     * One record decided: its number, its result, its output line in UTF-8 (made by the worker, so that the thread
     * writing records only copies bytes), its decision-log line ({@code null} without a log), the input bytes it
     * took and how long deciding it took.
     */
    public record Processed(long number, Result result, byte[] utf8Line, String logLine, long inputBytes,
                            long nanos) {
    }

    /**
     * Asks a run under way to stop, from any thread (a signal handler's): reading ends, records already written stay
     * whole, the rest are dropped, and {@link #run} returns with {@link BatchSummary#stopped()} set.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Skips the first {@code skip} records (written by an earlier run), decides the rest and writes them.
     *
     * @param log where the decision log goes, or {@code null}
     */
    public BatchSummary run(RecordSource source, long skip, Writer out, Writer log, BatchSummary summary,
                            ProgressListener progress) throws IOException {
        boolean finished = RecordRun.run(source, skip, pipeline(), Processed::inputBytes, new RecordRun.Output<>() {
            @Override
            public void write(Processed p) throws IOException {
                TextOutput.writeLine(out, p.utf8Line());
                if (log != null) {
                    log.write(p.logLine());
                    log.write('\n');
                }
                summary.add(p.result());
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                if (log != null) {
                    log.flush();
                }
            }
        }, progress, () -> stopRequested);
        if (!finished) {
            summary.markStopped();
        }
        return summary;
    }

    /**
     * Decides every record of the source on the runner's threads, with its deadline, and hands the records to the
     * sink in input order, chunk by chunk, until the source ends or {@code stop} says so: the loop of {@link #run},
     * for a caller that writes records its own way (the HTTP service streams them into a response).
     *
     * @return whether every record was handed on ({@code false} when stopped)
     */
    public boolean decideAll(RecordSource source, ChunkPipeline.Sink<Processed> sink, BooleanSupplier stop)
            throws IOException {
        return pipeline().run(source, sink, stop);
    }

    private ChunkPipeline<Processed> pipeline() {
        return new ChunkPipeline<>(threads, this::process, recordDeadline, this::givenUp);
    }

    private Processed process(InputRecord record) {
        long started = System.nanoTime();
        Decided decided = decide(engine, record, this::prepare);
        return processed(record, decided.application(), masking.redact(decided.result(), decided.application()),
                System.nanoTime() - started);
    }

    /** The record a worker stuck past the deadline stands for. */
    private Processed givenUp(InputRecord record) {
        return processed(record, null, givenUp("deciding", recordDeadline), recordDeadline.toNanos());
    }

    /** The failure of a record whose {@code work} ran past the deadline and was given up. */
    public static Failure givenUp(String work, Duration deadline) {
        double seconds = deadline.toMillis() / 1000.0;
        return new Failure(null, null, Failure.Kind.TIMEOUT, List.of(new Problem("$", String.format(Locale.ROOT,
                "%s took more than %.1f s of CPU time (or %.0f s in all) and was given up", work, seconds,
                seconds * Budget.WALL_FACTOR))));
    }

    private Processed processed(InputRecord record, JsonNode application, Result result, long nanos) {
        return new Processed(record.number(), result, format.utf8(record, result, language),
                decisionLog ? DecisionLog.line(record, application, result, masking) : null, record.size(), nanos);
    }

    /** A record's parsed application (null when there is none) and its result. */
    public record Decided(JsonNode application, Result result) {
    }

    /**
     * Compiles the service an application names, if the catalog has it, before its deadline starts: compiling is
     * the service's first-use cost, not the record's. An unknown service is left to the engine to report (and never
     * compiled, so that hostile ids cost nothing).
     */
    private void prepare(JsonNode application) {
        JsonNode service = application.path("service");
        if (service.isTextual() && knownServices().contains(service.asText())) {
            try {
                engine.prepare(service.asText());
            } catch (RuntimeException e) {
                // broken rules: the engine's evaluation reports them as the record's failure
            }
        }
        ChunkPipeline.restartClock();
    }

    private Set<String> knownServices() {
        Set<String> known = services;
        if (known == null) {
            known = Set.copyOf(engine.serviceIds());
            services = known;
        }
        return known;
    }

    /** Reads and decides one record; never throws, so that no record is lost. */
    public static Decided decide(DecisionEngine engine, InputRecord record) {
        return decide(engine, record, application -> { });
    }

    private static Decided decide(DecisionEngine engine, InputRecord record, Consumer<JsonNode> beforeDeciding) {
        ApplicationBytes.Read read = ApplicationBytes.read(record, engine.inputLimits(), "application",
                Internals.readySchemas(engine));
        if (read.failure() != null) {
            return new Decided(null, read.failure());
        }
        try {
            beforeDeciding.accept(read.tree());
            // read with the engine's limits, so checked: not walked again (nor its schema, when that vouched for it)
            return new Decided(read.tree(), Internals.evaluateChecked(engine, read.tree(), engine.inputLimits(),
                    read.vouchedBy()));
        } catch (RuntimeException e) {
            // A bug must not silently drop a record: it becomes an error record naming the failure.
            return new Decided(read.tree(), internalError(e));
        }
    }

    /** The failure a record gets for a bug met while handling it. */
    public static Failure internalError(RuntimeException e) {
        return new Failure(null, null, Failure.Kind.INTERNAL_ERROR,
                List.of(new Problem("$", "internal error: " + e.getClass().getName())));
    }
}
