package uz.qaror.server;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.ScreeningRequest;
import uz.qaror.ScreeningResult;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.internal.screen.ScreeningJson;

/**
 * {@code POST /v1/screen}: every service a household qualifies for, as {@code qaror screen --json} prints it. The
 * household is read as a {@link JsonBody} (the engine's limits and messages, as an application is); the query
 * chooses the date ({@code asOf}), the services ({@code services=a,b}) or a life event ({@code lifeEvent}). A
 * household that cannot be screened is answered with the status {@link FailureStatus} gives its problem kind.
 * Nothing is eligible here that the engine does not find eligible: the answers are {@code engine.screen}'s.
 */
final class ScreenEndpoint {

    private final DecisionEngine engine;
    private final JsonBody body;
    private final ServerMetrics metrics;

    ScreenEndpoint(DecisionEngine engine, long maxBody, ServerMetrics metrics) {
        this.engine = engine;
        this.body = new JsonBody(engine.inputLimits(), maxBody);
        this.metrics = metrics;
    }

    void register(Router router) {
        router.post("/v1/screen", this::screen);
    }

    private void screen(Call call) throws IOException {
        ScreeningRequest.Builder request = ScreeningRequest.builder().asOf(asOf(call))
                .services(services(call)).lifeEvent(lifeEvent(call));
        JsonBody.Read read = body.read(call);
        Map<String, String> headers = Map.of(DecisionEndpoints.DECISION_ID, call.decisionId());
        ObjectNode answer = Json.JSON.createObjectNode().put("decisionId", call.decisionId());
        if (read.failure() != null) {
            metrics.screeningFailed(read.failure().kind());
            FailureStatus.answer(call, answer.putNull("householdId"), read.failure(), List.of(), headers);
            return;
        }
        ScreeningRequest built = request.household(read.tree()).build();
        long started = System.nanoTime();
        ScreeningResult result = engine.screen(built);
        metrics.screened(result, System.nanoTime() - started);
        if (result.screened()) {
            call.json(200, ScreeningJson.toNode(result, List.of(call.language())), headers);
            return;
        }
        Failure failure = new Failure(result.householdId(), null, result.problemKind(), result.problems());
        FailureStatus.answer(call, answer.put("householdId", result.householdId()), failure, nearest(built),
                headers);
    }

    /** The catalog's ids nearest to the first service asked for that it lacks; empty when it has them all. */
    private List<String> nearest(ScreeningRequest request) {
        List<String> known = engine.serviceIds();
        return request.services().stream().filter(id -> !known.contains(id)).findFirst()
                .map(id -> NearestIds.nearest(id, known, 3)).orElse(List.of());
    }

    /** @throws ApiError 400 unless {@code asOf} is absent or a date YYYY-MM-DD */
    private static LocalDate asOf(Call call) {
        String given = call.query("asOf");
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("asOf", "asOf '" + given + "' is not a date YYYY-MM-DD");
        }
    }

    /** @throws ApiError 400 when {@code services} is given but names no service */
    private static List<String> services(Call call) {
        String given = call.query("services");
        if (given == null) {
            return List.of();
        }
        List<String> ids = Arrays.stream(given.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty()) {
            throw ApiError.badRequest("services", "services names no service; give service ids separated by "
                    + "commas, or leave it out to screen every service");
        }
        return ids;
    }

    /** @throws ApiError 400 when {@code lifeEvent} is given blank */
    private static String lifeEvent(Call call) {
        String given = call.query("lifeEvent");
        if (given != null && given.isBlank()) {
            throw ApiError.badRequest("lifeEvent", "lifeEvent is blank; name a life event (family, old-age, ...), "
                    + "or leave it out to screen every service");
        }
        return given;
    }
}
