package uz.qaror.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Result;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.ChunkPipeline;
import uz.qaror.tools.batch.DecisionLog;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordFormat;

/**
 * {@code POST /v1/decisions/batch}: JSON Lines in, JSON Lines out, streamed as the records are decided, with the
 * batch contract of {@code qaror batch}: exactly one output line per input line, in input order, each with its
 * record number; a line that cannot be decided (not JSON, blank, invalid, over the limit) becomes an error record
 * and the batch goes on. Records are decided on several threads by the batch machinery of rules-tools
 * ({@link ChunkPipeline}, {@link BatchRunner#decide}, {@link RecordFormat#JSONL}, {@link DecisionLog}), slice by
 * slice, so memory stays bounded whatever the size of the body.
 */
final class BatchEndpoint {

    static final List<String> MEDIA_TYPES = List.of("application/x-ndjson", "application/jsonl",
            "application/json-lines", "application/jsonlines", "application/x-jsonlines");
    static final String BATCH_ID = "Qaror-Batch-Id";

    /** A slice: enough records to keep every thread busy, few enough that their output stays small. */
    private static final int SLICE_RECORDS = 4096;
    private static final long SLICE_BYTES = 4L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(BatchEndpoint.class);

    private final DecisionEngine engine;
    private final long maxLine;
    private final int threads;
    private final ServerMetrics metrics;
    private final AuditTrail audit;

    BatchEndpoint(DecisionEngine engine, long maxLine, int threads, ServerMetrics metrics, AuditTrail audit) {
        this.engine = engine;
        this.maxLine = maxLine;
        this.threads = threads;
        this.metrics = metrics;
        this.audit = audit;
    }

    void register(Router router) {
        router.post("/v1/decisions/batch", this::handle);
    }

    /** One record decided: its output line and, with a decision log, its audit line. */
    private record Processed(String line, String logLine) {
    }

    private void handle(Call call) throws IOException {
        call.requireContentType(MEDIA_TYPES);
        Language language = call.language();
        String batchId = call.decisionId();
        BoundedJsonLines source = new BoundedJsonLines(call.body(), maxLine, SLICE_RECORDS, SLICE_BYTES);
        Writer out = new BufferedWriter(new OutputStreamWriter(call.stream(200, "application/x-ndjson; charset=utf-8",
                Map.of(BATCH_ID, batchId)), StandardCharsets.UTF_8), 1 << 16);
        ChunkPipeline<Processed> pipeline = new ChunkPipeline<>(threads, record -> process(record, batchId, language));
        long[] written = {0};
        try {
            while (source.nextSlice()) {
                pipeline.run(source, results -> {
                    for (Processed p : results) {
                        out.write(p.line());
                        out.write('\n');
                        if (audit != null && p.logLine() != null) {
                            String logLine = p.logLine();
                            audit.offer(() -> logLine);
                        }
                    }
                    written[0] += results.size();
                    out.flush();
                });
            }
            out.close();
        } catch (IOException e) {
            // The client stopped sending or reading, or took longer than the request timeout: the response is
            // already under way, so it ends short and the client sees its last line's record number.
            LOG.info("batch {} ended after {} records: {}", batchId, written[0], e.getMessage());
            throw e;
        }
    }

    private Processed process(InputRecord record, String batchId, Language language) {
        String decisionId = batchId + "-" + record.number();
        long started = System.nanoTime();
        Result result;
        JsonNode application = null;
        InputRecord logged = record;
        if (BoundedJsonLines.oversized(record)) {
            result = overLimit();
            logged = null;
        } else {
            BatchRunner.Decided decided = BatchRunner.decide(engine, record);
            result = decided.result();
            application = decided.application();
        }
        metrics.decided(result, System.nanoTime() - started);
        String line = JsonLines.withDecisionId(RecordFormat.JSONL.format(
                new InputRecord(record.number(), record.label(), ""), result, language), decisionId);
        String logLine = audit == null || logged == null ? null
                : JsonLines.withDecisionId(DecisionLog.line(logged, application, result), decisionId);
        return new Processed(line, logLine);
    }

    /**
     * The error record of a line over the limit. Its kind is INVALID_FIELD until the engine has a kind for input
     * over its limits (LIMIT_EXCEEDED), which belongs here then.
     */
    private Failure overLimit() {
        return new Failure(null, null, Failure.Kind.INVALID_FIELD, List.of(new Problem("$",
                "the line is longer than the limit of " + maxLine + " bytes; it was not read")));
    }
}
