package uz.qaror.server;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.batch.TextOutput;

/**
 * {@code POST /v1/decisions/batch}: JSON Lines in, JSON Lines out, streamed as the records are decided, with the
 * batch contract of {@code qaror batch} because it is {@code qaror batch}'s machinery: the same reader of JSON
 * Lines ({@link RecordSource#jsonLines}: a line over the limit skipped, never held), the same deciding of a
 * record ({@link BatchRunner}: the engine's reading of bytes with its input limits, a record given up past its
 * deadline as TIMEOUT, a fault as INTERNAL_ERROR), the same record format and decision-log line. Exactly one
 * output line per input line, in input order, each with its record number and a decision id; memory stays
 * bounded by the runner's bytes in flight whatever the size of the body.
 */
final class BatchEndpoint {

    static final List<String> MEDIA_TYPES = List.of("application/x-ndjson", "application/jsonl",
            "application/json-lines", "application/jsonlines", "application/x-jsonlines");
    static final String BATCH_ID = "Qaror-Batch-Id";

    private static final Logger LOG = LoggerFactory.getLogger(BatchEndpoint.class);

    private final DecisionEngine engine;
    private final int maxLine;
    private final int threads;
    private final Duration recordDeadline;
    private final ServerMetrics metrics;
    private final AuditTrail audit;

    BatchEndpoint(DecisionEngine engine, long maxLine, int threads, Duration recordDeadline, ServerMetrics metrics,
                  AuditTrail audit) {
        this.engine = engine;
        this.maxLine = (int) Math.min(Integer.MAX_VALUE - 8, maxLine);
        this.threads = threads;
        this.recordDeadline = recordDeadline;
        this.metrics = metrics;
        this.audit = audit;
    }

    void register(Router router) {
        router.post("/v1/decisions/batch", this::handle);
    }

    private void handle(Call call) throws IOException {
        call.requireContentType(MEDIA_TYPES);
        Language language = call.language();
        String batchId = call.decisionId();
        BatchRunner runner = BatchRunner.builder(engine).language(language).format(RecordFormat.JSONL)
                .threads(threads).recordDeadline(recordDeadline).decisionLog(audit != null).build();
        RecordSource source = RecordSource.jsonLines(call.body(), -1, maxLine);
        Writer out = TextOutput.utf8(call.stream(200, "application/x-ndjson; charset=utf-8",
                Map.of(BATCH_ID, batchId)));
        long[] written = {0};
        try {
            runner.decideAll(source, results -> {
                for (BatchRunner.Processed p : results) {
                    String decisionId = batchId + "-" + p.number();
                    metrics.decided(p.result(), p.nanos());
                    TextOutput.writeLine(out, JsonLines.withDecisionId(p.utf8Line(), decisionId));
                    if (audit != null) {
                        String logLine = p.logLine();
                        audit.offer(() -> JsonLines.withDecisionId(logLine, decisionId));
                    }
                }
                written[0] += results.size();
                out.flush();
            }, () -> false);
            out.close();
        } catch (IOException e) {
            // The client stopped sending or reading, took longer than the request timeout, or too many records
            // left their threads stuck: the response is already under way, so it ends short and the client sees
            // its last line's record number.
            LOG.info("batch {} ended after {} records: {}", batchId, written[0], e.getMessage());
            throw e;
        }
    }
}
