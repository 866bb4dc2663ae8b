package uz.qaror.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;

/**
 * What {@code GET /metrics} shows, in the Prometheus text format: decisions by service and outcome, failures by
 * kind, households screened (their answers by service and status, those not screened by kind, and the time each
 * took), latency histograms of requests (by route) and decisions (by service), reloads applied and rejected,
 * audit lines written and dropped, requests turned away, and the JVM's memory, collections and threads. Labels
 * take only bounded values (route templates, catalog ids, enum names), never what a caller typed.
 */
final class ServerMetrics implements AutoCloseable {

    /** Histogram buckets: fine below 10 ms, where decisions are, coarse up to the request timeout. */
    private static final Duration[] BUCKETS = {
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter reloadsApplied;
    private final Counter reloadsRejected;
    private final Counter logWritten;
    private final Counter logDropped;
    private final Counter overloaded;
    /** Meters by their labels, so that a request does not build and look up its meter ids each time. */
    private final ConcurrentMap<String, Counter> decisions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> decisionTimes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> screeningAnswers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> screeningFailures = new ConcurrentHashMap<>();
    private final Timer screeningTime;
    private final ConcurrentMap<String, Timer> requests = new ConcurrentHashMap<>();

    ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        reloadsApplied = Counter.builder("qaror.reloads").tag("result", "applied")
                .description("Edits of a watched rules folder that compiled and now serve").register(registry);
        reloadsRejected = Counter.builder("qaror.reloads").tag("result", "rejected")
                .description("Edits that did not compile; the previous version kept serving").register(registry);
        logWritten = Counter.builder("qaror.decision.log.records").tag("result", "written")
                .description("Audit lines written to the decision log").register(registry);
        logDropped = Counter.builder("qaror.decision.log.records").tag("result", "dropped")
                .description("Audit lines dropped because the log's queue was full or the file failed")
                .register(registry);
        screeningTime = Timer.builder("qaror.screening.duration")
                .description("Time the engine took to screen one household, whether it could be screened or not").serviceLevelObjectives(BUCKETS)
                .register(registry);
        overloaded = Counter.builder("qaror.requests.rejected")
                .description("Requests answered 503 because every thread was busy and the queue full")
                .register(registry);
    }

    /** Counts one result and, for a decision, how long the engine took. */
    void decided(Result result, long nanos) {
        if (result instanceof Decision decision) {
            String service = decision.service();
            String outcome = decision.outcome().name();
            counter(decisions, "qaror.decisions", "Decisions by service and outcome", "service", service,
                    "outcome", outcome).increment();
            decisionTimes.computeIfAbsent(service, key -> Timer.builder("qaror.decision.duration")
                    .description("Time to decide one application, by service").tag("service", service)
                    .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        } else {
            failed(((Failure) result).kind().name());
        }
    }

    /** Counts an application that could not be decided, by kind. */
    void failed(String kind) {
        counter(failures, "qaror.failures", "Applications that could not be decided, by kind", "kind", kind)
                .increment();
    }

    /** Counts one household screened, each of its answers by service and status, and how long it took. */
    void screened(ScreeningResult result, long nanos) {
        screeningTime.record(nanos, TimeUnit.NANOSECONDS);
        if (!result.screened()) {
            screeningFailed(result.problemKind());
            return;
        }
        for (ScreeningAnswer answer : result.answers()) {
            counter(screeningAnswers, "qaror.screening.answers", "Screening answers by service and status",
                    "service", answer.service(), "status", answer.status().name()).increment();
        }
    }

    /** Counts a household that could not be screened, by kind. */
    void screeningFailed(Failure.Kind kind) {
        counter(screeningFailures, "qaror.screening.failures", "Households that could not be screened, by kind",
                "kind", kind.name()).increment();
    }

    /** The counter of a name and tags (name, value, ...), made once and then found by its tags' values. */
    private Counter counter(ConcurrentMap<String, Counter> meters, String name, String description,
                            String... tags) {
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < tags.length; i += 2) {
            key.append(tags[i]).append(' ');
        }
        return meters.computeIfAbsent(key.toString(), k -> Counter.builder(name).description(description)
                .tags(tags).register(registry));
    }

    /** Times a request. A method HTTP does not define counts as OTHER: a caller's invention is no label. */
    void request(String route, String givenMethod, int status, long nanos) {
        String method = METHODS.contains(givenMethod) ? givenMethod : "OTHER";
        requests.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder("qaror.http.requests")
                .description("HTTP requests by route, method and status").tag("route", route).tag("method", method)
                .tag("status", Integer.toString(status)).serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void reload(boolean applied) {
        (applied ? reloadsApplied : reloadsRejected).increment();
    }

    void logWritten() {
        logWritten.increment();
    }

    void logDropped() {
        logDropped.increment();
    }

    double logDroppedCount() {
        return logDropped.count();
    }

    double logWrittenCount() {
        return logWritten.count();
    }

    void overloaded() {
        overloaded.increment();
    }

    /** Reports a value read when scraped (queue depths, requests in flight). */
    void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
