package uz.qaror.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the handler of a request from its method and path. Templates are literal segments and {@code {name}}
 * segments, matched whole; a path no template matches is a 404, a path matched under another method a 405 with
 * the methods it takes.
 */
final class Router {

    /** Answers one request. */
    interface Handler {
        void handle(Call call) throws IOException;
    }

    /**
     * @param open whether the route answers without a token (health checks, and the console's static files,
     *             which hold no data)
     */
    record Route(String method, String template, List<String> segments, Handler handler, boolean open) {
    }

    /** A route and the values of its {@code {name}} segments. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router get(String template, Handler handler) {
        return add("GET", template, handler, false);
    }

    Router post(String template, Handler handler) {
        return add("POST", template, handler, false);
    }

    Router add(String method, String template, Handler handler, boolean open) {
        routes.add(new Route(method, template, segments(template), handler, open));
        return this;
    }

    /** @throws ApiError 404 or 405 */
    Match match(String method, String path) {
        List<String> segments = segments(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = bind(route.segments(), segments);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, parameters);
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            String message = method + " is not allowed on " + path + "; use " + String.join(", ", allowed);
            throw new ApiError(405, "METHOD_NOT_ALLOWED", message,
                    List.of(new uz.qaror.Problem("method", message)), List.of(),
                    Map.of("Allow", String.join(", ", allowed)));
        }
        throw ApiError.of(404, "NOT_FOUND", "path", "no endpoint at " + path + "; see /openapi.json");
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                String value = decode(path.get(i));
                if (value == null || value.isEmpty()) {
                    return null;
                }
                parameters.put(t.substring(1, t.length() - 1), value);
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return parameters;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
