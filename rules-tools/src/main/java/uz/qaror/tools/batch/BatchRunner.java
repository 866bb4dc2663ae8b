package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

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
 * order; a record that cannot be decided becomes an error record and the batch goes on.
 */
public final class BatchRunner {

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
        this.threads = threads;
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
        try {
            new ChunkPipeline<>(threads, this::process).run(source, results -> {
                for (Processed p : results) {
                    out.write(p.line());
                    out.write('\n');
                    if (log != null) {
                        log.write(p.logLine());
                        log.write('\n');
                    }
                    summary.add(p.result());
                }
                progress.progress(summary.records(), source.bytesRead(), source.size());
            });
        } finally {
            out.flush();
            if (log != null) {
                log.flush();
            }
        }
        return summary;
    }

    private Processed process(InputRecord record) {
        Decided decided = decide(engine, record);
        return new Processed(decided.result(), format.format(record, decided.result(), language),
                decisionLog ? DecisionLog.line(record, decided.application(), decided.result()) : null);
    }

    /** A record's parsed application (null when it is not JSON) and its result. */
    public record Decided(JsonNode application, Result result) {
    }

    /** Parses and decides one record; never throws, so that no record is lost. */
    public static Decided decide(DecisionEngine engine, InputRecord record) {
        if (record.text().isBlank()) {
            return new Decided(null, new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                    List.of(new Problem("$", "the record is empty; each holds one application"))));
        }
        JsonNode node = null;
        try {
            node = Json.JSON.readTree(record.text());
            return new Decided(node, engine.evaluate(node));
        } catch (JsonProcessingException e) {
            return new Decided(null, DecisionEngine.malformed(e));
        } catch (RuntimeException e) {
            // A bug must not silently drop a record: it becomes an error record naming the failure.
            return new Decided(node, new Failure(null, null, Failure.Kind.RULE_FAILED,
                    List.of(new Problem("$", "internal error: " + e))));
        }
    }
}
