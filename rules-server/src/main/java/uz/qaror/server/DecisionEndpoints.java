package uz.qaror.server;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.explain.Explainer;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.tools.batch.DecisionLog;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.Masking;

/**
 * {@code POST /v1/decisions} (the decision as {@code qaror evaluate} prints it) and {@code POST /v1/explain} (the
 * explanation of {@code qaror explain --json}). Both read one application as a {@link JsonBody}, answer with the decision's id and rules version in the body and in headers, and
 * queue one audit line per application.
 */
final class DecisionEndpoints {

    static final String DECISION_ID = "Qaror-Decision-Id";
    static final String RULES_VERSION = "Qaror-Rules-Version";

    private final DecisionEngine engine;
    private final JsonBody body;
    private final ServerMetrics metrics;
    private final AuditTrail audit;
    private final AtomicLong sequence = new AtomicLong();
    /** Identifiers in the decision log are concealed as {@code qaror batch} conceals them by default. */
    private static final Masking MASKING = Masking.unlinked();

    DecisionEndpoints(DecisionEngine engine, long maxBody, ServerMetrics metrics, AuditTrail audit) {
        this.engine = engine;
        this.body = new JsonBody(engine.inputLimits(), maxBody, Internals.readySchemas(engine));
        this.metrics = metrics;
        this.audit = audit;
    }

    void register(Router router) {
        router.post("/v1/decisions", this::decide);
        router.post("/v1/explain", this::explain);
    }

    private void decide(Call call) throws IOException {
        JsonBody.Read read = body.read(call);
        long started = System.nanoTime();
        // the body was read with the engine's limits (JsonBody), so checked: not walked again (nor its schema, when
        // that vouched for it)
        Result result = read.failure() != null ? read.failure()
                : Internals.evaluateChecked(engine, read.tree(), engine.inputLimits(), read.vouchedBy());
        metrics.decided(result, System.nanoTime() - started);
        audit(call, read, result);
        answer(call, result, null);
    }

    private void explain(Call call) throws IOException {
        JsonBody.Read read = body.read(call);
        long started = System.nanoTime();
        Explainer.Explained explained = read.failure() != null ? new Explainer.Explained(read.failure(), null)
                : Explainer.explain(engine, read.tree(), null);
        Result result = explained.result();
        metrics.decided(result, System.nanoTime() - started);
        audit(call, read, result);
        answer(call, result, explained.explanation() == null ? null
                : explained.explanation().toJson(call.language()));
    }

    private void audit(Call call, JsonBody.Read read, Result result) {
        if (audit == null) {
            return;
        }
        long number = sequence.incrementAndGet();
        String decisionId = call.decisionId();
        audit.offer(() -> JsonLines.withDecisionId(DecisionLog.line(new InputRecord(number, "request", read.bytes(),
                read.bytes().length), read.tree(), result, MASKING), decisionId));
    }

    /**
     * Answers with the decision, or its explanation when there is one, after the decision id; a failure with the
     * status {@link FailureStatus} gives it, as the client may read it.
     */
    private void answer(Call call, Result result, ObjectNode explanation) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put(DECISION_ID, call.decisionId());
        ObjectNode body = Json.JSON.createObjectNode().put("decisionId", call.decisionId());
        if (result instanceof Decision decision) {
            body.setAll(explanation != null ? explanation : DecisionJson.toNode(decision, call.language()));
            headers.put(RULES_VERSION, decision.rulesVersion());
            call.json(200, body, headers);
            return;
        }
        Failure failure = (Failure) result;
        body.put("applicationId", failure.applicationId()).put("service", failure.service());
        List<String> nearest = failure.kind() == Failure.Kind.UNKNOWN_SERVICE && failure.service() != null
                ? NearestIds.nearest(failure.service(), engine.serviceIds(), 3) : List.of();
        FailureStatus.answer(call, body, failure, nearest, headers);
    }
}
