package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server in its own JVM, stopped by a real SIGTERM: it stops accepting, finishes the request in flight,
 * flushes the decision log and exits 0. And slow clients: a request that is not sent within the request
 * timeout loses its connection, and its thread serves others.
 */
class ChildProcessTest {

    @TempDir
    Path dir;

    /** A child JVM running {@link ChildServer}, killed if a test leaves it running. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final int port;
        final Http http;
        final List<String> output = new ArrayList<>();

        Child(Path dir, String timeoutSeconds, String threads, String log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    ChildServer.class.getName(), timeoutSeconds, threads, log)
                    .redirectError(dir.resolve("child.err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the child's first line").startsWith("PORT ");
            port = Integer.parseInt(first.substring(5).trim());
            Thread drain = new Thread(() -> out.lines().forEach(output::add));
            drain.setDaemon(true);
            drain.start();
            http = new Http(URI.create("http://127.0.0.1:" + port + "/"), Map.of());
            HealthAndMetricsTest.waitFor(() -> http.get("/health/ready").status() == 200, "the child to be ready");
        }

        Http.Raw raw() throws IOException {
            return new Http.Raw(port);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void sigtermStopsAcceptingFinishesTheRequestInFlightFlushesTheLogAndExitsZero() throws Exception {
        Path log = dir.resolve("decisions.log");
        try (Child child = new Child(dir, "30", "4", log.toString())) {
            String application = Http.example("marriage-registration");
            for (int i = 0; i < 3; i++) {
                assertThat(child.http.postJson("/v1/decisions", application).status()).isEqualTo(200);
            }
            byte[] body = application.getBytes(StandardCharsets.UTF_8);
            try (Http.Raw inFlight = child.raw()) {
                inFlight.send(Http.Raw.head("POST", "/v1/decisions", "application/json", body.length)
                        + application.substring(0, 20));
                // The scrape counts itself: 2 requests active means ours is in its handler.
                HealthAndMetricsTest.waitFor(() -> child.http.get("/metrics").body()
                        .contains("qaror_http_requests_active 2.0"), "the slow request to be in flight");

                child.process.destroy(); // SIGTERM
                HealthAndMetricsTest.waitFor(() -> refused(child.port), "the listener to close");
                assertThat(child.process.isAlive()).as("still finishing the request in flight").isTrue();

                inFlight.send(application.substring(20));
                String response = inFlight.readAll();
                assertThat(response).startsWith("HTTP/1.1 200").contains("\"outcome\":\"APPROVED\"");
            }
            assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
            assertThat(child.process.exitValue()).isZero();
            assertThat(Files.readAllLines(log)).hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("\"outcome\":\"APPROVED\""));
            assertThat(Files.readString(dir.resolve("child.err"))).contains("stopped in")
                    .contains("4 lines written, 0 dropped");
        }
    }

    @Test
    void aClientTooSlowToSendItsRequestLosesTheConnectionAndItsThreadServesOthers() throws Exception {
        try (Child child = new Child(dir, "3", "1", "-")) {
            String application = Http.example("marriage-registration");
            // The request timeout also bounds the time to answer: the first application of a service, which
            // compiles it, may take longer on a busy machine; once compiled, decisions take milliseconds.
            HealthAndMetricsTest.waitFor(() -> decides(child.http, application), "marriage-registration to compile");
            byte[] body = application.getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            try (Http.Raw slowBody = child.raw(); Http.Raw slowHead = child.raw()) {
                slowBody.send(Http.Raw.head("POST", "/v1/decisions", "application/json", body.length)
                        + application.substring(0, 20));
                slowHead.send("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                assertThat(closedByServer(slowBody)).isTrue();
                assertThat(closedByServer(slowHead)).isTrue();
            }
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("about the 3 s timeout")
                    .isLessThan(15);
            assertThat(child.http.postJson("/v1/decisions", application).status())
                    .as("the one thread is free again").isEqualTo(200);
            child.process.destroy();
            assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process.exitValue()).isZero();
        }
    }

    private static boolean decides(Http http, String application) {
        try {
            return http.postJson("/v1/decisions", application).status() == 200;
        } catch (AssertionError e) {
            return false; // the connection was closed before the answer: compiling took longer than the timeout
        }
    }

    /** Whether the server closes the connection (end of stream, or a reset) within 20 s, sending nothing. */
    private static boolean closedByServer(Http.Raw raw) throws IOException {
        raw.socket.setSoTimeout(20_000);
        try {
            return raw.in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return !socket.isConnected();
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
