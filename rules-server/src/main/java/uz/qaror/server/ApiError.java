package uz.qaror.server;

import java.util.List;
import java.util.Map;

import uz.qaror.Problem;

/**
 * A request the server answers with an error status instead of going on: the status, a kind a client can branch
 * on, a message for people, the problems one by one, and any headers the status calls for (Allow, Retry-After,
 * WWW-Authenticate). Never carries a stack trace to the client.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final List<Problem> problems;
    private final List<String> nearest;
    private final Map<String, String> headers;

    ApiError(int status, String kind, String message, List<Problem> problems, List<String> nearest,
             Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.nearest = List.copyOf(nearest);
        this.headers = Map.copyOf(headers);
    }

    static ApiError of(int status, String kind, String path, String message) {
        return new ApiError(status, kind, message, List.of(new Problem(path, message)), List.of(), Map.of());
    }

    static ApiError badRequest(String path, String message) {
        return of(400, "BAD_REQUEST", path, message);
    }

    static ApiError notFound(String what, String id, List<String> nearest) {
        String message = "no " + what + " '" + id + "'" + (nearest.isEmpty() ? "" : "; nearest: "
                + String.join(", ", nearest));
        return new ApiError(404, "NOT_FOUND", message, List.of(new Problem(what, message)), nearest, Map.of());
    }

    static ApiError tooLarge(long limit) {
        String message = "the body is larger than the limit of " + limit + " bytes";
        return new ApiError(413, "BODY_TOO_LARGE", message, List.of(new Problem("$", message)), List.of(),
                Map.of("Connection", "close"));
    }

    static ApiError unsupportedType(String given, List<String> accepted) {
        String message = "content type '" + (given == null ? "" : given) + "' is not accepted here; send "
                + String.join(" or ", accepted);
        return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", message, List.of(new Problem("Content-Type", message)),
                List.of(), Map.of("Accept", String.join(", ", accepted)));
    }

    static ApiError overloaded() {
        String message = "the server is handling as many requests as it accepts; retry in a second";
        return new ApiError(503, "OVERLOADED", message, List.of(new Problem("$", message)), List.of(),
                Map.of("Retry-After", "1", "Connection", "close"));
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }

    List<Problem> problems() {
        return problems;
    }

    List<String> nearest() {
        return nearest;
    }

    Map<String, String> headers() {
        return headers;
    }
}
