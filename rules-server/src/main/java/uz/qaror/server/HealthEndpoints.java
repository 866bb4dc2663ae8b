package uz.qaror.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/**
 * {@code GET /health/live} (the process answers), {@code GET /health/ready} (it can decide: some service's rules
 * compiled; 503 while none has) and {@code GET /metrics} (Prometheus text). The health checks need no token.
 */
final class HealthEndpoints {

    private final Supplier<Warmup.State> warmup;
    private final ServerMetrics metrics;
    private final String rules;

    HealthEndpoints(Supplier<Warmup.State> warmup, ServerMetrics metrics, String rules) {
        this.warmup = warmup;
        this.metrics = metrics;
        this.rules = rules;
    }

    void register(Router router) {
        router.add("GET", "/health/live", this::live, true);
        router.add("GET", "/health/ready", this::ready, true);
        router.get("/metrics", this::metrics);
    }

    private void live(Call call) throws IOException {
        call.json(200, Json.JSON.createObjectNode().put("status", "UP"));
    }

    private void ready(Call call) throws IOException {
        Warmup.State state = warmup.get();
        ObjectNode body = Json.JSON.createObjectNode();
        body.put("status", state.ready() ? "READY" : "NOT_READY");
        body.put("rules", rules);
        ObjectNode services = body.putObject("services");
        services.put("total", state.total());
        services.put("compiled", state.compiled());
        services.put("warmingUp", !state.done());
        ArrayNode failed = services.putArray("failed");
        state.failed().forEach(failed::add);
        call.json(state.ready() ? 200 : 503, body, state.ready() ? Map.of() : Map.of("Retry-After", "1"));
    }

    private void metrics(Call call) throws IOException {
        call.bytes(200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
