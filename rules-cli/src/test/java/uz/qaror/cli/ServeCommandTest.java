package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.internal.json.Json;

/** qaror serve's options: what it offers, and the mistakes it refuses before listening. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheOptions() {
        CliTest.Run run = CliTest.run("serve", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--bind", "--rules", "--watch", "--threads", "--max-pending",
                "--token-file", "--decision-log", "--max-body", "--record-timeout", "--request-timeout",
                "--shutdown-timeout");
    }

    @Test
    void mistakesInTheOptionsAreUsageErrors() throws Exception {
        CliTest.Run size = CliTest.run("serve", "--port", "0", "--max-body", "lots");
        assertThat(size.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(size.err()).contains("size 'lots'");
        CliTest.Run deadline = CliTest.run("serve", "--port", "0", "--record-timeout", "0");
        assertThat(deadline.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(deadline.err()).contains("the record timeout must be positive");
        CliTest.Run watch = CliTest.run("serve", "--port", "0", "--watch");
        assertThat(watch.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(watch.err()).contains("--watch needs --rules DIR");
        Path empty = Files.writeString(dir.resolve("token"), "  \n");
        CliTest.Run blank = CliTest.run("serve", "--port", "0", "--token-file", empty.toString());
        assertThat(blank.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(blank.err()).contains("is empty");
    }

    @Test
    void anUnreadableTokenFileOrRulesFolderStopsTheStart() {
        CliTest.Run token = CliTest.run("serve", "--port", "0", "--token-file", dir.resolve("missing").toString());
        assertThat(token.exitCode()).isEqualTo(Qaror.UNREADABLE);
        assertThat(token.err()).contains("does not exist");
        CliTest.Run rules = CliTest.run("serve", "--port", "0", "--rules", dir.resolve("nowhere").toString());
        assertThat(rules.exitCode()).isEqualTo(Qaror.UNREADABLE);
        assertThat(rules.err()).contains("does not exist");
    }

    @Test
    void aMissingPrebuiltJarStopsTheStart() throws Exception {
        Path rules = dir.resolve("rules");
        assertThat(CliTest.run("catalog", "synthesize", "--count", "1", rules.toString()).exitCode()).isZero();
        CliTest.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run("serve", "--port", "0",
                "--rules", rules.toString(), "--prebuilt", dir.resolve("no.jar").toString()));
        assertThat(run.exitCode()).isEqualTo(Qaror.UNREADABLE);
        assertThat(run.err()).contains("no.jar").contains("do not exist").doesNotContain("\tat ");
    }

    @Test
    void aServerGivenAPrebuiltJarDecidesAsTheRulesCompiledAtRunTime() throws Exception {
        Path rules = dir.resolve("rules");
        Path jar = dir.resolve("rules.jar");
        assertThat(CliTest.run("catalog", "synthesize", "--count", "2", rules.toString()).exitCode()).isZero();
        assertThat(CliTest.run("catalog", "prebuild", "--rules", rules.toString(), "-o", jar.toString())
                .exitCode()).isZero();
        Path applications = dir.resolve("apps.jsonl");
        assertThat(CliTest.run("generate", "--rules", rules.toString(), "--count", "20", "--seed", "3", "-o",
                applications.toString()).exitCode()).isZero();
        Path compiled = dir.resolve("compiled.jsonl");
        assertThat(CliTest.run("batch", "--rules", rules.toString(), "--lang", "en", applications.toString(), "-o",
                compiled.toString()).exitCode()).isZero();
        List<String> atRunTime = Files.readAllLines(compiled);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path logs = Files.createDirectories(dir.resolve("child"));
        Process server = Child.start(logs, logs.resolve("out").toFile(), List.of(), "serve", "--port",
                Integer.toString(port), "--rules", rules.toString(), "--prebuilt", jar.toString());
        try {
            // The tests' logging shows warnings only: the server is up when its port accepts a connection.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!accepts(port) && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.isAlive()).as(Child.errOf(logs, server)).isTrue();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> lines = Files.readAllLines(applications);
            assertThat(atRunTime).hasSize(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/decisions?lang=en"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(lines.get(i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode overHttp = Json.JSON.readTree(response.body());
                JsonNode compiledRecord = Json.JSON.readTree(atRunTime.get(i));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                for (String field : List.of("outcome", "reasons", "rulesVersion", "firedRules")) {
                    assertThat(overHttp.path(field).isMissingNode()).as(i + " " + field).isFalse();
                    assertThat(overHttp.path(field)).as(i + " " + field).isEqualTo(compiledRecord.path(field));
                }
            }
            assertThat(Child.errOf(logs, server)).doesNotContain("changed since its rules were prebuilt");
        } finally {
            server.destroy();
            Child.await(server, Duration.ofSeconds(60));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @Test
    void aPortInUseSaysSo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Run run = CliTest.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(Qaror.UNREADABLE);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
