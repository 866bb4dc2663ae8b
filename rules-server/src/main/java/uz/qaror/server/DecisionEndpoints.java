package uz.qaror.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.explain.Explainer;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.tools.batch.DecisionLog;
import uz.qaror.tools.batch.InputRecord;

/**
 * {@code POST /v1/decisions} (the decision as {@code qaror evaluate} prints it) and {@code POST /v1/explain} (the
 * explanation of {@code qaror explain --json}). Both read one application within the body limit, answer with the
 * decision's id and rules version in the body and in headers, and queue one audit line per application.
 */
final class DecisionEndpoints {

    static final String DECISION_ID = "Qaror-Decision-Id";
    static final String RULES_VERSION = "Qaror-Rules-Version";

    private final DecisionEngine engine;
    private final long maxBody;
    private final ServerMetrics metrics;
    private final AuditTrail audit;
    private final AtomicLong sequence = new AtomicLong();

    DecisionEndpoints(DecisionEngine engine, long maxBody, ServerMetrics metrics, AuditTrail audit) {
        this.engine = engine;
        this.maxBody = maxBody;
        this.metrics = metrics;
        this.audit = audit;
    }

    void register(Router router) {
        router.post("/v1/decisions", this::decide);
        router.post("/v1/explain", this::explain);
    }

    private void decide(Call call) throws IOException {
        Read read = read(call);
        long started = System.nanoTime();
        Result result = read.failure() != null ? read.failure() : engine.evaluate(read.application());
        metrics.decided(result, System.nanoTime() - started);
        audit(call, read, result);
        ObjectNode body = Json.JSON.createObjectNode().put("decisionId", call.decisionId());
        body.setAll(DecisionJson.toNode(result, call.language()));
        answer(call, result, body);
    }

    private void explain(Call call) throws IOException {
        Read read = read(call);
        long started = System.nanoTime();
        Explainer.Explained explained = read.failure() != null ? new Explainer.Explained(read.failure(), null)
                : Explainer.explain(engine, read.application(), null);
        Result result = explained.result();
        metrics.decided(result, System.nanoTime() - started);
        audit(call, read, result);
        ObjectNode body = Json.JSON.createObjectNode().put("decisionId", call.decisionId());
        body.setAll(explained.explanation() != null ? explained.explanation().toJson(call.language())
                : DecisionJson.toNode(result, call.language()));
        answer(call, result, body);
    }

    /** The request's application as a JSON tree, or the failure that says why it is not one. */
    private record Read(byte[] bytes, JsonNode application, Failure failure) {
    }

    private Read read(Call call) throws IOException {
        call.requireContentType(List.of(Call.JSON));
        call.language();
        byte[] bytes = call.body(maxBody);
        try {
            JsonNode tree = Json.JSON.readTree(bytes);
            return new Read(bytes, tree, null);
        } catch (JsonProcessingException e) {
            return new Read(bytes, null, DecisionEngine.malformed(e));
        }
    }

    private void audit(Call call, Read read, Result result) {
        if (audit == null) {
            return;
        }
        long number = sequence.incrementAndGet();
        String decisionId = call.decisionId();
        audit.offer(() -> JsonLines.withDecisionId(DecisionLog.line(new InputRecord(number, "request",
                new String(read.bytes(), StandardCharsets.UTF_8)), read.application(), result), decisionId));
    }

    private void answer(Call call, Result result, ObjectNode body) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put(DECISION_ID, call.decisionId());
        if (result instanceof Decision decision) {
            headers.put(RULES_VERSION, decision.rulesVersion());
            call.json(200, body, headers);
            return;
        }
        Failure failure = (Failure) result;
        if (failure.kind() == Failure.Kind.UNKNOWN_SERVICE && failure.service() != null) {
            ArrayNode nearest = ((ObjectNode) body.get("error")).putArray("nearest");
            NearestIds.nearest(failure.service(), engine.serviceIds(), 3).forEach(nearest::add);
        }
        headers.putAll(FailureStatus.headers(failure.kind()));
        call.json(FailureStatus.of(failure.kind()), body, headers);
    }
}
