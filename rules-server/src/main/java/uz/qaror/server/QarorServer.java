package uz.qaror.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpServer;

import uz.qaror.DecisionEngine;
import uz.qaror.ReloadEvent;

/**
 * Qaror's decision service over HTTP: the decisions, batch, explanation, catalog and parameter endpoints, health
 * checks, Prometheus metrics, the OpenAPI description and the web console, on the JDK's built-in HTTP server
 * (chosen by measurement; see the module's section of the README).
 *
 * <pre>{@code
 * try (QarorServer server = QarorServer.start(ServerOptions.builder().port(8080).build())) {
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>The JDK server's timeouts and connection bound are properties of the JVM, read when its first server starts:
 * {@link #start} sets them from the options unless they are already set ({@code sun.net.httpserver.*}), so the
 * first server of a JVM decides them.
 */
public final class QarorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QarorServer.class);

    private final ServerOptions options;
    private final DecisionEngine engine;
    private final boolean ownsEngine;
    private final ServerMetrics metrics;
    private final AuditTrail audit;
    private final Admission admission;
    private final Warmup warmup;
    private final HttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private QarorServer(ServerOptions options, DecisionEngine shared, long startedNanos) throws IOException {
        this.options = options;
        this.metrics = new ServerMetrics();
        this.ownsEngine = shared == null;
        if (shared != null) {
            this.engine = shared;
        } else {
            DecisionEngine.Builder builder = DecisionEngine.builder().watch(options.watch()).onReload(this::reloaded)
                    .prebuiltRules(options.prebuiltRules());
            if (options.rulesDirectory() != null) {
                builder.rulesDirectory(options.rulesDirectory());
            }
            this.engine = builder.build();
        }
        this.warmup = new Warmup(engine, state -> LOG.info("ready in {} ms after the JVM started ({} ms after "
                        + "start): {} of {} services compiled, the rest compiling in the background",
                ManagementFactory.getRuntimeMXBean().getUptime(), (System.nanoTime() - startedNanos) / 1_000_000,
                state.compiled(), state.total()));
        AuditTrail trail = null;
        Admission pools = null;
        HttpServer server = null;
        try {
            trail = AuditTrail.open(options.decisionLog(), options.logQueue(), metrics);
            pools = new Admission(options.threads(), options.maxPending(), metrics);
            configureJdkServer(options);
            try {
                server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 1024);
            } catch (java.net.BindException e) {
                throw new IOException("cannot listen on " + options.bind().getHostAddress() + ":" + options.port()
                        + ": " + e.getMessage(), e);
            }
            server.setExecutor(pools.executor());
            server.createContext("/", new Dispatcher(routes(trail), options.token() == null ? null
                    : new BearerToken(options.token()), metrics, pools));
        } catch (IOException | RuntimeException e) {
            if (pools != null) {
                pools.shutdown(Duration.ZERO);
            }
            if (trail != null) {
                trail.close();
            }
            if (ownsEngine) {
                engine.close();
            }
            metrics.close();
            throw e;
        }
        this.audit = trail;
        this.admission = pools;
        this.http = server;
        http.start();
        LOG.info("listening on {} ({}; {} threads, {} may wait; body limit {} bytes{}{})", uri(),
                engine.rulesLocation(), options.threads(), options.maxPending(), options.maxBodyBytes(),
                options.token() == null ? "; no token" : "; bearer token required",
                options.decisionLog() == null ? "" : "; decision log " + options.decisionLog());
        if (!options.loopbackOnly() && options.token() == null) {
            LOG.warn("listening on {} without --token-file: anyone who reaches this address can call every "
                    + "endpoint", options.bind().getHostAddress());
        }
        warmup.start();
    }

    /**
     * Starts serving: reads the catalog, opens the decision log, listens, and compiles the services in the
     * background (ready as soon as one compiles; {@code /health/ready} says so).
     *
     * @throws IOException when the port cannot be bound or the decision log cannot be opened
     * @throws uz.qaror.RulesException when the rules folder cannot be read
     */
    public static QarorServer start(ServerOptions options) throws IOException {
        return new QarorServer(options, null, System.nanoTime());
    }

    /**
     * Starts serving the rules of an engine made elsewhere (which stays open when the server closes): for tests
     * that start several servers over one compiled catalog. The options' rules folder and watch are not used.
     */
    static QarorServer start(ServerOptions options, DecisionEngine engine) throws IOException {
        return new QarorServer(options, engine, System.nanoTime());
    }

    /** Counts a reload of the watched folder, says what it did, and lets readiness know. */
    private void reloaded(ReloadEvent event) {
        metrics.reload(event.applied());
        Warmup current = warmup;
        if (current != null) {
            current.reloaded(event);
        }
        if (event.applied()) {
            LOG.info("{} {}: now serving", event.service(), event.rulesVersion());
        } else {
            LOG.warn("{}: the edit does not compile, the previous version keeps serving: {}", event.service(),
                    event.diagnostics());
        }
    }

    private Router routes(AuditTrail trail) {
        Router router = new Router();
        new DecisionEndpoints(engine, options.maxBodyBytes(), metrics, trail).register(router);
        new ScreenEndpoint(engine, options.maxBodyBytes(), metrics).register(router);
        new BatchEndpoint(engine, options.maxBodyBytes(), Math.min(options.threads(),
                Runtime.getRuntime().availableProcessors()), options.recordTimeout(), metrics, trail).register(router);
        new CatalogEndpoints(engine).register(router);
        new HealthEndpoints(warmup::state, metrics, engine.rulesLocation()).register(router);
        new StaticFiles().register(router);
        return router;
    }

    /**
     * The JDK server reads its limits from system properties, once per JVM: keep-alive connections answer at
     * once (no Nagle delay, which otherwise adds 40 ms to each response on Linux), a client must send its
     * request and read its response within the request timeout, and connections are bounded.
     */
    private static void configureJdkServer(ServerOptions options) {
        long seconds = Math.max(1, options.requestTimeout().toSeconds());
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(seconds));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(seconds));
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "65536");
        setIfAbsent("jdk.httpserver.maxConnections", "1000");
    }

    /**
     * Closes the listener at once and waits for the requests in flight. The JDK 17 server's {@code stop(delay)}
     * closes the listener and returns early only when an exchange ends during the wait, so with nothing in flight
     * it would wait the whole delay; a second {@code stop(0)} once our own count of requests in flight is zero
     * ends that wait (and closes the idle keep-alive connections).
     */
    private void drain() {
        int seconds = (int) Math.max(1, options.shutdownTimeout().toSeconds());
        Thread waiting = new Thread(() -> http.stop(seconds), "qaror-drain");
        waiting.setDaemon(true);
        waiting.start();
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        try {
            while (admission.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (admission.inFlight() > 0) {
                LOG.warn("{} requests still in flight after {} s; closing their connections", admission.inFlight(),
                        seconds);
            }
            http.stop(0);
            waiting.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.stop(0);
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** The port listened on (the one picked when the options said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = options.bind().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Whether some service's rules have compiled, so that the server can decide. */
    public boolean ready() {
        return warmup.state().ready();
    }

    /** Requests being handled now (for tests of the bound). */
    int inFlight() {
        return admission.inFlight();
    }

    /** Requests waiting for a thread (for tests of the bound). */
    int queued() {
        return admission.queued();
    }

    /** Blocks until the server is closed (by {@link #close()} from another thread, or a signal). */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops gracefully: stops accepting connections, lets the requests in flight finish (within the shutdown
     * timeout), writes the decision log's queued lines, and stops watching the rules. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("stopping: no new connections, finishing the requests in flight");
        warmup.stop();
        drain();
        admission.shutdown(Duration.ofSeconds(1));
        if (audit != null) {
            audit.close();
        }
        if (ownsEngine) {
            engine.close();
        }
        LOG.info("stopped in {} ms; decision log: {} lines written, {} dropped",
                (System.nanoTime() - started) / 1_000_000, (long) metrics.logWrittenCount(),
                (long) metrics.logDroppedCount());
        metrics.close();
        stopped.countDown();
    }
}
