package uz.qaror.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.internal.json.Json;

/**
 * One request and its response: what was asked (method, path, query, headers, body within the limit) and the
 * ways to answer (JSON, bytes, a stream). Answers once; {@link #status()} is what was sent, for the metrics.
 */
final class Call {

    static final String JSON = "application/json";

    private final HttpExchange exchange;
    private final String path;
    private Map<String, String> query;
    private final long started = System.nanoTime();
    private Map<String, String> pathParameters = Map.of();
    private String route = "unmatched";
    private Language language;
    private String decisionId;
    private int status;

    Call(HttpExchange exchange) {
        this.exchange = exchange;
        this.path = exchange.getRequestURI().getRawPath();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return path;
    }

    String route() {
        return route;
    }

    long startedNanos() {
        return started;
    }

    void matched(String template, Map<String, String> parameters) {
        this.route = template;
        this.pathParameters = Map.copyOf(parameters);
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** @throws ApiError 400 when the query string is not valid URL encoding */
    String query(String name) {
        if (query == null) {
            query = parseQuery(exchange.getRequestURI().getRawQuery());
        }
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The language of reason texts and labels: {@code ?lang=}, then Accept-Language, then Uzbek Latin. */
    Language language() {
        if (language == null) {
            language = Languages.of(query("lang"), header("Accept-Language"));
        }
        return language;
    }

    /** A fresh id for the decision this request makes, the same in the body, the header and the audit log. */
    String decisionId() {
        if (decisionId == null) {
            decisionId = UUID.randomUUID().toString();
        }
        return decisionId;
    }

    /** @throws ApiError 415 unless the body is declared as one of the given media types, in UTF-8 */
    void requireContentType(List<String> accepted) {
        String given = header("Content-Type");
        String type = given == null ? "" : given.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean json = accepted.contains(JSON) && type.startsWith("application/") && type.endsWith("+json");
        if (!accepted.contains(type) && !json) {
            throw ApiError.unsupportedType(given, accepted);
        }
        String lower = given.toLowerCase(Locale.ROOT);
        int charset = lower.indexOf("charset=");
        if (charset >= 0) {
            String name = lower.substring(charset + 8).split(";")[0].trim().replace("\"", "");
            if (!name.equals("utf-8") && !name.equals("utf8")) {
                throw ApiError.unsupportedType(given, accepted.stream().map(t -> t + "; charset=utf-8").toList());
            }
        }
    }

    /** The request body. */
    InputStream body() {
        return exchange.getRequestBody();
    }

    /**
     * The whole body, at most {@code limit} bytes.
     *
     * @throws ApiError 413 past the limit, declared or sent
     */
    byte[] body(long limit) throws IOException {
        String declared = header("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("Content-Length", "Content-Length '" + declared + "' is not a number");
            }
            if (length > limit) {
                discard(limit);
                throw ApiError.tooLarge(limit);
            }
        }
        byte[] bytes = exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            discard(limit);
            throw ApiError.tooLarge(limit);
        }
        return bytes;
    }

    /**
     * Reads on past a body over the limit, up to four times the limit more, before the 413: a connection closed
     * with bytes unread is reset, and a client still sending would lose the answer. Beyond that the client loses
     * it; a body that large is not an honest mistake.
     */
    private void discard(long limit) throws IOException {
        InputStream in = exchange.getRequestBody();
        long left = Math.min(Long.MAX_VALUE / 8, limit) * 4;
        byte[] buffer = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** Answers with a JSON document. */
    void json(int status, JsonNode body, Map<String, String> headers) throws IOException {
        bytes(status, JSON, Json.JSON.writeValueAsBytes(body), headers);
    }

    void json(int status, JsonNode body) throws IOException {
        json(status, body, Map.of());
    }

    /** Answers with bytes of a content type. */
    void bytes(int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        headers(contentType, headers);
        this.status = status;
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Starts a streamed (chunked) answer; the caller writes the body and closes the stream. */
    OutputStream stream(int status, String contentType, Map<String, String> headers) throws IOException {
        headers(contentType, headers);
        this.status = status;
        exchange.sendResponseHeaders(status, 0);
        return exchange.getResponseBody();
    }

    private void headers(String contentType, Map<String, String> headers) {
        var out = exchange.getResponseHeaders();
        out.set("Content-Type", contentType);
        out.set("X-Content-Type-Options", "nosniff");
        if (language != null) {
            out.set("Content-Language", language.tag());
        }
        headers.forEach(out::set);
    }

    /** Answers with the error's status and a body naming every problem (and no stack trace). */
    void error(ApiError error) throws IOException {
        ObjectNode body = Json.JSON.createObjectNode();
        ObjectNode e = body.putObject("error");
        e.put("kind", error.kind());
        e.put("message", error.getMessage());
        ArrayNode problems = e.putArray("problems");
        for (Problem problem : error.problems()) {
            problems.addObject().put("path", problem.path()).put("message", problem.message());
        }
        if (!error.nearest().isEmpty()) {
            ArrayNode nearest = e.putArray("nearest");
            error.nearest().forEach(nearest::add);
        }
        json(error.status(), body, error.headers());
    }

    /** Whether an answer has started (then an error can no longer be sent). */
    boolean answered() {
        return status != 0;
    }

    int status() {
        return status;
    }

    void close() {
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : raw.split("&", 64)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("query", "the query string is not valid URL encoding: " + e.getMessage());
        }
    }
}
