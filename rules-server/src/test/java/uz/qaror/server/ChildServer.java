package uz.qaror.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A server in a JVM of its own, as {@code qaror serve} runs it, for the tests that send it real signals or need
 * JVM-wide timeouts of their own. Arguments: request timeout in seconds, threads, and a decision log (or -).
 * Prints {@code PORT <n>} once listening, serves until SIGTERM, and returns.
 */
public final class ChildServer {

    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions.Builder options = ServerOptions.builder().port(0)
                .requestTimeout(Duration.ofSeconds(Long.parseLong(args[0])))
                .threads(Integer.parseInt(args[1])).shutdownTimeout(Duration.ofSeconds(20));
        if (!args[2].equals("-")) {
            options.decisionLog(Path.of(args[2]));
        }
        QarorServer server = QarorServer.start(options.build());
        System.out.println("PORT " + server.port());
        System.out.flush();
        StopSignals.serveUntilStopped(server);
    }
}
