package uz.qaror.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Files served from the module's resources: the web console ({@code /} and {@code /console/*}: plain HTML, CSS
 * and script, no data, so they need no token; every call they make to the API carries the one the user gives)
 * and {@code /openapi.json}. Read once, at start.
 */
final class StaticFiles {

    private static final String ROOT = "/uz/qaror/server/";

    private record File(String contentType, byte[] bytes) {
    }

    private final File index = load("console/index.html", "text/html; charset=utf-8");
    private final Map<String, File> console = Map.of(
            "console.js", load("console/console.js", "text/javascript; charset=utf-8"),
            "console.css", load("console/console.css", "text/css; charset=utf-8"));
    private final File openApi = load("openapi.json", "application/json");

    void register(Router router) {
        router.add("GET", "/", call -> send(call, index), true);
        router.add("GET", "/console/{file}", this::console, true);
        router.get("/openapi.json", call -> send(call, openApi));
    }

    private void console(Call call) throws IOException {
        File file = console.get(call.pathParameter("file"));
        if (file == null) {
            throw ApiError.of(404, "NOT_FOUND", "path", "no console file " + call.path());
        }
        send(call, file);
    }

    private static void send(Call call, File file) throws IOException {
        call.bytes(200, file.contentType(), file.bytes(), Map.of("Cache-Control", "no-cache"));
    }

    private static File load(String name, String contentType) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + ROOT + name + " is missing from the jar");
            }
            return new File(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
