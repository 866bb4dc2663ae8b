package uz.qaror.server;

import uz.qaror.Failure;

/**
 * The one place where a {@link Failure}'s kind becomes an HTTP status. A caller's mistake is a 4xx, never a 500:
 * text that is not JSON 400, an application that breaks the schema or an identifier check 422, an unknown
 * service 404, input over a limit 413. The server's side: a service whose rules do not compile cannot decide
 * until they are fixed (503, the other services still decide), a rule that fails or a bug in the engine is a 500.
 * A decision that runs out of its time budget is a 503 with Retry-After rather than a 504: no upstream timed
 * out, this server shed the work and another attempt may succeed.
 */
final class FailureStatus {

    private FailureStatus() {
    }

    /**
     * The status of a failure kind. It switches on the kind's name so that kinds the engine adds later
     * (LIMIT_EXCEEDED, TIMEOUT, INTERNAL_ERROR) get their status as soon as they exist; any other new kind is
     * a 500 until it is listed here.
     */
    static int of(Failure.Kind kind) {
        return switch (kind.name()) {
            case "MALFORMED_JSON" -> 400;
            case "INVALID_FIELD" -> 422;
            case "UNKNOWN_SERVICE" -> 404;
            case "LIMIT_EXCEEDED" -> 413;
            case "TIMEOUT", "RULES_BROKEN" -> 503;
            case "RULE_FAILED", "INTERNAL_ERROR" -> 500;
            default -> 500;
        };
    }

    /** Headers a failure's status calls for: a retry hint where trying again later may succeed. */
    static java.util.Map<String, String> headers(Failure.Kind kind) {
        return "TIMEOUT".equals(kind.name()) ? java.util.Map.of("Retry-After", "1") : java.util.Map.of();
    }
}
