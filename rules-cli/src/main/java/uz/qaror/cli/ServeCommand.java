package uz.qaror.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.server.QarorServer;
import uz.qaror.server.ServerOptions;
import uz.qaror.server.StopSignals;

/** {@code qaror serve}: the decision service over HTTP, with the web console. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves decisions over HTTP: POST /v1/decisions, /v1/decisions/batch (JSON Lines), /v1/explain; "
                + "GET /v1/services, /v1/parameters, /openapi.json, /health/live, /health/ready, /metrics; the web "
                + "console at /.",
                "%nListens on 127.0.0.1 unless --bind says otherwise. SIGTERM stops accepting, finishes the requests "
                        + "in flight, flushes the decision log and exits 0."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only). Elsewhere, give "
                    + "--token-file too.")
    String bind;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Serve the rules in this folder instead of the embedded catalog.")
    Path rules;

    @Option(names = "--prebuilt", paramLabel = "JAR", description = RulesLocation.PREBUILT_DESCRIPTION)
    Path prebuilt;

    @Option(names = "--watch", description = "Reload the rules folder's services when their files change "
            + "(an edit that does not compile leaves the previous version serving).")
    boolean watch;

    @Option(names = "--threads", paramLabel = "N",
            description = "Requests handled at once (default: twice the cores, at least 4).")
    Integer threads;

    @Option(names = "--max-pending", paramLabel = "N", defaultValue = "64",
            description = "Requests that may wait for a thread; beyond them 503 with Retry-After (default ${DEFAULT-VALUE}).")
    int maxPending;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require Authorization: Bearer <the token in FILE> on every endpoint but /health/*.")
    Path tokenFile;

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append an audit line per decision (as qaror batch writes it; identifiers masked), off "
                    + "the request path.")
    Path decisionLog;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "1MB",
            description = "Most bytes read of a request body, and of a line of a batch (default ${DEFAULT-VALUE}; "
                    + "bytes, KB or MB); within it an application has the engine's input limits, as for evaluate.")
    String maxBody;

    /** For the records of a batch sent to the server, as for qaror batch. */
    @Mixin
    RecordTimeoutOption recordTimeout;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time a client has to send its request (a batch's whole upload), and again to have its "
                    + "answer once the request is in; past it the connection is closed (default ${DEFAULT-VALUE}).")
    long requestTimeout;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a stop waits for the requests in flight (default ${DEFAULT-VALUE}).")
    long shutdownTimeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerOptions options;
        try {
            ServerOptions.Builder builder = ServerOptions.builder().port(port).bind(bind).rulesDirectory(rules)
                    .prebuiltRules(prebuilt).watch(watch).maxPending(maxPending).decisionLog(decisionLog)
                    .maxBodyBytes(ServerOptions.parseSize(maxBody))
                    .recordTimeout(recordTimeout.deadline())
                    .requestTimeout(Duration.ofSeconds(requestTimeout))
                    .shutdownTimeout(Duration.ofSeconds(shutdownTimeout));
            if (threads != null) {
                builder.threads(threads);
            }
            if (tokenFile != null) {
                builder.token(readToken(tokenFile));
            }
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StopSignals.serveUntilStopped(QarorServer.start(options));
        return Qaror.DONE;
    }

    private static String readToken(Path file) throws IOException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new IOException("token file " + file + " does not exist");
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token file " + file + " is empty");
        }
        return token;
    }
}
