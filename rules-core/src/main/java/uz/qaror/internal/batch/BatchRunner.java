package uz.qaror.internal.batch;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Result;
import uz.qaror.internal.json.Json;

/**
 * Decides a stream of applications on several threads: exactly one output record per input record, in input
 * order; a record that cannot be decided becomes an error record and the batch goes on. Records travel in
 * chunks, and only a few chunks are in flight at once, so memory stays bounded whatever the input's size.
 */
public final class BatchRunner {

    /** Records per task: large enough to amortise hand-offs between threads, small enough to keep order cheap. */
    static final int CHUNK = 256;

    /** Reports progress after each chunk written. */
    public interface ProgressListener {
        void progress(long records, long bytesRead, long size);
    }

    private final DecisionEngine engine;
    private final Language language;
    private final RecordFormat format;
    private final int threads;
    private final boolean decisionLog;

    public BatchRunner(DecisionEngine engine, Language language, RecordFormat format, int threads,
                       boolean decisionLog) {
        this.engine = engine;
        this.language = language;
        this.format = format;
        this.threads = Math.max(1, threads);
        this.decisionLog = decisionLog;
    }

    private record Processed(Result result, String line, String logLine) {
    }

    /**
     * Skips the first {@code skip} records (written by an earlier run), decides the rest and writes them.
     *
     * @param log where the decision log goes, or {@code null}
     */
    public BatchSummary run(RecordSource source, long skip, Writer out, Writer log, BatchSummary summary,
                            ProgressListener progress) throws IOException {
        for (long i = 0; i < skip; i++) {
            if (source.next() == null) {
                break;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "qaror-batch");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<List<Processed>>> pending = new ArrayDeque<>();
        int maxPending = threads * 3;
        try {
            List<InputRecord> chunk = new ArrayList<>(CHUNK);
            InputRecord record;
            while (true) {
                try {
                    record = source.next();
                } catch (JsonArraySource.BrokenArray e) {
                    // Everything decided so far is written; then the batch stops with the reason.
                    drain(pending, pending.size(), out, log, summary, source, progress, chunk);
                    throw e;
                }
                if (record == null) {
                    break;
                }
                chunk.add(record);
                if (chunk.size() == CHUNK) {
                    List<InputRecord> work = chunk;
                    pending.add(pool.submit(() -> process(work)));
                    chunk = new ArrayList<>(CHUNK);
                    if (pending.size() >= maxPending) {
                        drain(pending, 1, out, log, summary, source, progress, List.of());
                    }
                }
            }
            if (!chunk.isEmpty()) {
                List<InputRecord> work = chunk;
                pending.add(pool.submit(() -> process(work)));
            }
            drain(pending, pending.size(), out, log, summary, source, progress, List.of());
            out.flush();
            if (log != null) {
                log.flush();
            }
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    private void drain(Deque<Future<List<Processed>>> pending, int count, Writer out, Writer log,
                       BatchSummary summary, RecordSource source, ProgressListener progress,
                       List<InputRecord> unsubmitted) throws IOException {
        for (int i = 0; i < count; i++) {
            write(await(pending.poll()), out, log, summary);
            progress.progress(summary.records(), source.bytesRead(), source.size());
        }
        if (!unsubmitted.isEmpty()) {
            write(process(unsubmitted), out, log, summary);
        }
        out.flush();
        if (log != null) {
            log.flush();
        }
    }

    private static void write(List<Processed> processed, Writer out, Writer log, BatchSummary summary)
            throws IOException {
        for (Processed p : processed) {
            out.write(p.line());
            out.write('\n');
            if (log != null) {
                log.write(p.logLine());
                log.write('\n');
            }
            summary.add(p.result());
        }
    }

    private List<Processed> process(List<InputRecord> records) {
        List<Processed> processed = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            JsonNode node = null;
            Result result;
            if (record.text().isBlank()) {
                result = new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                        List.of(new Problem("$", "the record is empty; each holds one application")));
            } else {
                try {
                    node = Json.JSON.readTree(record.text());
                    result = engine.evaluate(node);
                } catch (JsonProcessingException e) {
                    result = DecisionEngine.malformed(e);
                } catch (RuntimeException e) {
                    // A bug must not silently drop a record: it becomes an error record naming the failure.
                    result = new Failure(null, null, Failure.Kind.RULE_FAILED,
                            List.of(new Problem("$", "internal error: " + e)));
                }
            }
            processed.add(new Processed(result, format.format(record, result, language),
                    decisionLog ? DecisionLog.line(record, node, result) : null));
        }
        return processed;
    }

    private static List<Processed> await(Future<List<Processed>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("a batch worker failed: " + e.getCause(), e.getCause());
        }
    }
}
