package uz.qaror.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/** A small HTTP/1.1 client for the tests, over java.net.http, and raw sockets where a client must misbehave. */
final class Http {

    static final Path EXAMPLES = Path.of("../examples/applications");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Map<String, String> headers;

    Http(QarorServer server) {
        this(server.uri(), Map.of());
    }

    Http(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client sending these headers on every request too. */
    Http with(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(more);
        return new Http(base, all);
    }

    /** A response: status, headers and body, the body parsed when it is JSON. */
    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            return parse(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    Response get(String path) {
        return send(builder(path).GET(), path);
    }

    Response post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Response post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, path);
    }

    Response postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    Response method(String method, String path) {
        return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()), path);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Parses JSON text. */
    static JsonNode parse(String json) {
        try {
            return Json.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** An example application of the repository's examples/ folder, as text. */
    static String example(String service) {
        try {
            return Files.readString(EXAMPLES.resolve(service + ".json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A raw HTTP/1.1 exchange on its own socket, for clients that send slowly or stop halfway. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Raw(QarorServer server) throws IOException {
            this(server.port());
        }

        Raw(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Everything the server sends until it closes the connection (the request said Connection: close). */
        String readAll() throws IOException {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        static String head(String method, String path, String contentType, long length) {
            return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + (length < 0 ? "" : "Content-Length: " + length + "\r\n") + "\r\n";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
