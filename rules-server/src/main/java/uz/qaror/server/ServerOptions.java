package uz.qaror.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import uz.qaror.tools.batch.BatchRunner;

/**
 * How a {@link QarorServer} runs: where it listens, which rules it serves, who may call it, and its limits.
 * Immutable; made with {@link #builder()}.
 *
 * @param port            the TCP port; 0 picks a free one
 * @param bind            the address to listen on; loopback unless said otherwise
 * @param rulesDirectory  a rules folder, or null for the embedded catalog
 * @param prebuiltRules   a jar of the folder's rules compiled in advance by {@code qaror catalog prebuild}, or null
 *                        (see {@link uz.qaror.DecisionEngine.Builder#prebuiltRules(Path)})
 * @param watch           reload the rules folder when its files change
 * @param threads         requests handled at once
 * @param maxPending      requests that may wait for a thread; beyond them a request gets 503 with Retry-After
 * @param token           the bearer token every endpoint but health requires, or null for none
 * @param decisionLog     the audit file (one line per decision, appended), or null for none
 * @param logQueue        audit lines that may wait for the writer; beyond them lines are dropped and counted
 * @param maxBodyBytes    the most bytes read of a request body (and of a line of a batch), as batch's
 *                        {@code --max-record-bytes}; within it, one application has the engine's
 *                        {@link uz.qaror.InputLimits input limits}
 * @param recordTimeout   how long one record of a batch may take before it is given up (a TIMEOUT record), as
 *                        batch's {@code --record-timeout}
 * @param requestTimeout  how long a client may take to send its request (a batch's whole upload), and again how
 *                        long the answer may take once the request is in, reading included; past either the
 *                        connection is closed
 * @param shutdownTimeout how long a stop waits for requests in flight
 */
public record ServerOptions(int port, InetAddress bind, Path rulesDirectory, Path prebuiltRules, boolean watch,
                            int threads, int maxPending, String token, Path decisionLog, int logQueue,
                            long maxBodyBytes, Duration recordTimeout, Duration requestTimeout,
                            Duration shutdownTimeout) {

    /** 1 MB: a generous bound for one application, which is a few kilobytes. */
    public static final long DEFAULT_MAX_BODY = 1L << 20;

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(recordTimeout, "recordTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (threads < 1 || maxPending < 0 || logQueue < 1) {
            throw new IllegalArgumentException("threads and the log queue must be at least 1, pending at least 0");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte");
        }
        if (recordTimeout.isNegative() || recordTimeout.isZero()) {
            throw new IllegalArgumentException("the record timeout must be positive");
        }
        if (watch && rulesDirectory == null) {
            throw new IllegalArgumentException("--watch needs --rules DIR: the embedded catalog never changes");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the server listens only on the loopback interface, where only this machine can call it. */
    public boolean loopbackOnly() {
        return bind.isLoopbackAddress();
    }

    /**
     * Parses a size: a number of bytes, or with {@code KB} or {@code MB} (powers of 1024).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        if (t.endsWith("KB") || t.endsWith("K")) {
            unit = 1024;
            t = t.substring(0, t.length() - (t.endsWith("KB") ? 2 : 1));
        } else if (t.endsWith("MB") || t.endsWith("M")) {
            unit = 1024 * 1024;
            t = t.substring(0, t.length() - (t.endsWith("MB") ? 2 : 1));
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t);
            if (value < 1 || value > Integer.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return value * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' is not a number of bytes, KB or MB "
                    + "(e.g. 1048576, 512KB, 1MB)");
        }
    }

    /** Builds options; the defaults are those of {@code qaror serve}. */
    public static final class Builder {
        private int port = 8080;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private Path rulesDirectory;
        private Path prebuiltRules;
        private boolean watch;
        private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int maxPending = 64;
        private String token;
        private Path decisionLog;
        private int logQueue = 10_000;
        private long maxBodyBytes = DEFAULT_MAX_BODY;
        private Duration recordTimeout = BatchRunner.DEFAULT_RECORD_DEADLINE;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bind(InetAddress bind) {
            this.bind = bind;
            return this;
        }

        /** @throws IllegalArgumentException when the name does not resolve */
        public Builder bind(String host) {
            try {
                this.bind = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot bind to '" + host + "': unknown host");
            }
            return this;
        }

        public Builder rulesDirectory(Path rulesDirectory) {
            this.rulesDirectory = rulesDirectory;
            return this;
        }

        public Builder prebuiltRules(Path jar) {
            this.prebuiltRules = jar;
            return this;
        }

        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder maxPending(int maxPending) {
            this.maxPending = maxPending;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder decisionLog(Path decisionLog) {
            this.decisionLog = decisionLog;
            return this;
        }

        public Builder logQueue(int logQueue) {
            this.logQueue = logQueue;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder recordTimeout(Duration recordTimeout) {
            this.recordTimeout = recordTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public ServerOptions build() {
            return new ServerOptions(port, bind, rulesDirectory, prebuiltRules, watch, threads, maxPending, token,
                    decisionLog, logQueue, maxBodyBytes, recordTimeout, requestTimeout, shutdownTimeout);
        }
    }
}
