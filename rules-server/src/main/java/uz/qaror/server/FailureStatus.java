package uz.qaror.server;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Failure;
import uz.qaror.Problem;
import uz.qaror.internal.json.DecisionJson;

/**
 * The one place where a {@link Failure} becomes an HTTP answer: its status, the headers the status calls for, and
 * what of it the client may read. A caller's mistake is a 4xx, never a 500: text that is not JSON 400, an
 * application that breaks the schema or an identifier check 422, an unknown service 404, input over an
 * {@link uz.qaror.InputLimits input limit} 413. The server's side: a service whose rules do not compile cannot
 * decide until they are fixed (503, the other services still decide), a rule that fails or a fault of the engine
 * is a 500. A decision that runs out of its time budget is a 503 with Retry-After rather than a 504: no upstream
 * timed out (504 is a gateway's answer, and a gateway in front of this server gives its own), this server gave up
 * the work within its own budget, and the body's kind, TIMEOUT, tells it apart from OVERLOADED.
 */
final class FailureStatus {

    private static final Logger LOG = LoggerFactory.getLogger(FailureStatus.class);

    private FailureStatus() {
    }

    /**
     * Answers with a failure: the body given (the fields the endpoint leads with) and then the {@code error} as the
     * client may read it, with the nearest ids to an unknown one, under the failure's status and headers. A fault
     * of the engine is logged under the request's decision id, which the client is given to report.
     */
    static void answer(Call call, ObjectNode body, Failure failure, List<String> nearest, Map<String, String> headers)
            throws IOException {
        if (failure.kind() == Failure.Kind.INTERNAL_ERROR) {
            LOG.error("decision {}: {}", call.decisionId(), failure.describe());
        }
        ObjectNode error = (ObjectNode) DecisionJson.toNode(shown(failure, call.decisionId()), call.language())
                .get("error");
        if (!nearest.isEmpty()) {
            ArrayNode ids = error.putArray("nearest");
            nearest.forEach(ids::add);
        }
        body.set("error", error);
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(headers(failure.kind()));
        call.json(of(failure.kind()), body, all);
    }

    /** The status of a failure kind; a kind the engine adds does not compile here until it has one. */
    static int of(Failure.Kind kind) {
        return switch (kind) {
            case MALFORMED_JSON -> 400;
            case INVALID_FIELD -> 422;
            case UNKNOWN_SERVICE -> 404;
            case LIMIT_EXCEEDED -> 413;
            case TIMEOUT, RULES_BROKEN -> 503;
            case RULE_FAILED, INTERNAL_ERROR -> 500;
        };
    }

    /** Headers a failure's status calls for: a retry hint where trying again later may succeed. */
    static Map<String, String> headers(Failure.Kind kind) {
        return kind == Failure.Kind.TIMEOUT ? Map.of("Retry-After", "1") : Map.of();
    }

    /**
     * The failure as the client reads it. A fault of the engine names the exception and where it was thrown, which
     * is for the operator, not the caller: the client gets the decision id to report instead, and the details stay
     * in the server's log under that id.
     */
    static Failure shown(Failure failure, String decisionId) {
        if (failure.kind() != Failure.Kind.INTERNAL_ERROR) {
            return failure;
        }
        return new Failure(failure.applicationId(), failure.service(), failure.kind(), List.of(new Problem("$",
                "the server failed while deciding; this is a fault of Qaror, not of the application: report "
                        + "decision id " + decisionId + ", under which the server's log has the details")));
    }
}
