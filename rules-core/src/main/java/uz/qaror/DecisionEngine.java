package uz.qaror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.build.ApplicationSchema;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.build.ServiceCompiler;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.SchemaMessages;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.reload.HotReload;
import uz.qaror.internal.run.Evaluator;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.internal.screen.Screener;

/**
 * Decides applications to the services of a catalog. Thread-safe: one engine serves any number of threads.
 * Each service's rules are compiled into their own KieBase on first use and kept; compiling one service never
 * blocks decisions of another.
 *
 * <pre>{@code
 * DecisionEngine engine = DecisionEngine.embedded();
 * Result result = engine.evaluate(json);
 * if (result instanceof Decision decision) { ... decision.outcome() ... }
 * }</pre>
 */
public final class DecisionEngine implements AutoCloseable {

    static {
        uz.qaror.internal.Internals.install(new uz.qaror.internal.Internals.Access() {
            @Override
            public CatalogSource source(DecisionEngine engine) {
                return engine.source;
            }

            @Override
            public CompiledService compiled(DecisionEngine engine, String serviceId) {
                return engine.compiled(serviceId);
            }
        });
    }

    private final CatalogSource source;
    private final LocalDate asOf;
    private final ConcurrentMap<String, CompletableFuture<CompiledService>> services = new ConcurrentHashMap<>();
    private final HotReload reload;
    private volatile Screener screener;

    private DecisionEngine(Builder builder) {
        this.source = builder.directory != null ? CatalogSource.directory(builder.directory)
                : CatalogSource.embedded(builder.classLoader);
        this.asOf = builder.asOf;
        if (builder.watch && builder.directory == null) {
            throw new IllegalStateException("watch(true) needs a rulesDirectory: the embedded catalog never changes");
        }
        this.reload = builder.watch ? new HotReload(source, services, builder.onReload) : null;
    }

    /** An engine over the catalog embedded on the classpath (the rules-catalog artifact). */
    public static DecisionEngine embedded() {
        return builder().build();
    }

    /** An engine over a rules folder that a policy team edits. */
    public static DecisionEngine fromDirectory(Path directory) {
        return builder().rulesDirectory(directory).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds engines; by default over the embedded catalog, judging each application at its submission date. */
    public static final class Builder {
        private Path directory;
        private LocalDate asOf;
        private ClassLoader classLoader = DecisionEngine.class.getClassLoader();
        private boolean watch;
        private Consumer<ReloadEvent> onReload;

        private Builder() {
        }

        /**
         * Watches the rules folder and, when a service's files change, compiles them off the request path and
         * swaps them in once they compile; an edit that does not compile leaves the previous version serving
         * (see {@link DecisionEngine#reloadProblems()}). Changes to {@code parameters/} reload every compiled
         * service. Close the engine to stop watching.
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** Called on the watcher's thread after each reload, applied or not. */
        public Builder onReload(Consumer<ReloadEvent> listener) {
            this.onReload = listener;
            return this;
        }

        /** Reads the rules from this folder instead of the embedded catalog. */
        public Builder rulesDirectory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Judges every application as of this date instead of its submission date (for what-if runs). */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /** Where to look for the embedded catalog. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * @throws RulesException when the rules folder or embedded catalog cannot be found
         */
        public DecisionEngine build() {
            return new DecisionEngine(this);
        }
    }

    /** Decides an application given as JSON text. */
    public Result evaluate(String json) {
        try {
            return evaluate(Json.JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return malformed(e);
        }
    }

    /**
     * Decides an application read from a stream of JSON (the stream is not closed).
     *
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    public Result evaluate(InputStream json) {
        try {
            return evaluate(Json.JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return malformed(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The failure for text that is not JSON, naming the line and column where the parser stopped. */
    public static Failure malformed(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst()
                .orElse("unreadable");
        String place = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        return new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                List.of(new Problem("$", "not valid JSON: " + place + message)));
    }

    /** Decides an application given as a JSON tree. */
    public Result evaluate(JsonNode application) {
        return evaluate(application, asOf);
    }

    /**
     * Decides an application given as a JSON tree as of {@code date}: the parameters, dated rules and ages in
     * force that day. {@code null} means the application's submission date.
     */
    public Result evaluate(JsonNode application, LocalDate date) {
        if (application == null || !application.isObject()) {
            return new Failure(null, null, Failure.Kind.MALFORMED_JSON, List.of(new Problem("$",
                    "an application is a JSON object, got " + (application == null ? "nothing"
                            : application.getNodeType().name().toLowerCase(java.util.Locale.ROOT)))));
        }
        String id = application.path("id").isTextual() ? application.get("id").asText() : null;
        JsonNode serviceNode = application.get("service");
        if (serviceNode == null || !serviceNode.isTextual()) {
            List<Problem> problems = new ArrayList<>();
            ApplicationSchema.envelope().validate(application).forEach(m -> problems.add(SchemaMessages.toProblem(m)));
            if (problems.isEmpty()) {
                problems.add(new Problem("service", "is required"));
            }
            return new Failure(id, null, Failure.Kind.INVALID_FIELD, problems);
        }
        String serviceId = serviceNode.asText();
        // A service already compiled exists; only the first application of a service asks the file system.
        if (!services.containsKey(serviceId) && !source.hasService(serviceId)) {
            List<String> nearest = NearestIds.nearest(serviceId, source.serviceIds(), 3);
            return new Failure(id, serviceId, Failure.Kind.UNKNOWN_SERVICE, List.of(new Problem("service",
                    "unknown service '" + serviceId + "'; nearest: " + String.join(", ", nearest))));
        }
        CompiledService service;
        try {
            service = compiled(serviceId);
        } catch (RulesException e) {
            List<Problem> problems = new ArrayList<>();
            problems.add(new Problem("service", "the rules of service '" + serviceId + "' do not compile"));
            e.diagnostics().forEach(d -> problems.add(new Problem(d.location(), d.message())));
            return new Failure(id, serviceId, Failure.Kind.RULES_BROKEN, problems);
        }
        ApplicationReader.Outcome read = ApplicationReader.read(application, service, date);
        if (!read.problems().isEmpty()) {
            return new Failure(id, serviceId, Failure.Kind.INVALID_FIELD, read.problems());
        }
        try {
            return Evaluator.decide(service, read.application());
        } catch (Evaluator.RuleFailure e) {
            return new Failure(id, serviceId, Failure.Kind.RULE_FAILED, List.of(new Problem("rules", e.getMessage())));
        }
    }

    /**
     * Decides an application given as JSON text.
     *
     * @throws InvalidApplicationException when it cannot be decided, with the {@link Failure}
     */
    public Decision decide(String json) {
        return orThrow(evaluate(json));
    }

    /** Decides an application read from a stream of JSON; throws like {@link #decide(String)}. */
    public Decision decide(InputStream json) {
        return orThrow(evaluate(json));
    }

    /** Decides an application given as a JSON tree; throws like {@link #decide(String)}. */
    public Decision decide(JsonNode application) {
        return orThrow(evaluate(application));
    }

    private static Decision orThrow(Result result) {
        if (result instanceof Decision decision) {
            return decision;
        }
        throw new InvalidApplicationException((Failure) result);
    }

    /**
     * Screens a household for the services of the catalog (or those the request chooses): for each, whether the
     * rules would approve an application now ({@link ScreeningStatus#ELIGIBLE}, with amounts and fee), reject
     * it, need more inputs, or refer it, or that the service does not concern the household. Each service is
     * decided like {@link #evaluate(JsonNode, LocalDate)} an application that the household would make on the
     * screening date with the answers that service asks; nothing is eligible unless its rules approve.
     */
    public ScreeningResult screen(ScreeningRequest request) {
        return screener().screen(request.householdNode(), request.asOf(), request.services(), request.lifeEvent());
    }

    /** Screens a household for every service of the catalog as of {@code date} ({@code null}: today). */
    public ScreeningResult screen(JsonNode household, LocalDate date) {
        return screener().screen(household, date, List.of(), null);
    }

    private Screener screener() {
        Screener screener = this.screener;
        if (screener == null) {
            screener = newScreener();
            this.screener = screener;
        }
        return screener;
    }

    private Screener newScreener() {
        // Listing the catalog's folders for every household would cost more than a decision; an engine that does
        // not watch its folder lists them once, one that watches lists them each time, as services may appear.
        List<String> ids = reload == null ? source.serviceIds() : null;
        return new Screener(new Screener.Engine() {
            @Override
            public List<String> serviceIds() {
                return ids != null ? ids : source.serviceIds();
            }

            @Override
            public CompiledService compiled(String serviceId) {
                return DecisionEngine.this.compiled(serviceId);
            }

            @Override
            public ServiceDescriptor descriptor(String serviceId) {
                try {
                    return DecisionEngine.this.compiled(serviceId).descriptor();
                } catch (RulesException e) {
                    return source.readService(serviceId).descriptor();
                }
            }

            @Override
            public Result evaluate(JsonNode application, LocalDate date) {
                return DecisionEngine.this.evaluate(application, date);
            }
        });
    }

    /** The ids of the catalog's services, sorted. */
    public List<String> serviceIds() {
        return source.serviceIds();
    }

    /**
     * The descriptors of every service, sorted by id.
     *
     * @throws RulesException when a descriptor cannot be read
     */
    public List<ServiceDescriptor> services() {
        return source.serviceIds().stream().map(id -> source.readService(id).descriptor()).toList();
    }

    /**
     * Compiles a service now rather than on its first application.
     *
     * @throws RulesException with the diagnostics of every file when its rules do not compile
     */
    public void prepare(String serviceId) {
        compiled(serviceId);
    }

    /**
     * Compiles every service, on every core, collecting the diagnostics of those that fail; empty when all
     * compile.
     */
    public List<Diagnostic> prepareAll() {
        List<String> ids = source.serviceIds();
        int threads = Math.max(1, Math.min(ids.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Diagnostic>>> results = new ArrayList<>();
            for (String id : ids) {
                results.add(pool.submit(() -> {
                    try {
                        compiled(id);
                        return List.<Diagnostic>of();
                    } catch (RulesException e) {
                        return source.diagnosticsOf(id, e);
                    }
                }));
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (java.util.concurrent.Future<List<Diagnostic>> result : results) {
                diagnostics.addAll(result.get());
            }
            return diagnostics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the services", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("compiling a service failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With {@link Builder#watch(boolean)}: the diagnostics of each service whose latest edit does not compile and
     * whose previous version therefore still serves; empty when every edit compiled or the engine does not watch.
     */
    public Map<String, List<Diagnostic>> reloadProblems() {
        return reload == null ? Map.of() : reload.problems();
    }

    /** Stops watching the rules folder (when watching); decisions still work with the rules last loaded. */
    @Override
    public void close() {
        if (reload != null) {
            reload.close();
        }
    }

    /** Where the rules come from: the folder given, or {@code catalog} for the embedded one. */
    public String rulesLocation() {
        return source.displayRoot();
    }

    CompiledService compiled(String serviceId) {
        CompletableFuture<CompiledService> future = services.get(serviceId);
        if (future == null) {
            CompletableFuture<CompiledService> mine = new CompletableFuture<>();
            future = services.putIfAbsent(serviceId, mine);
            if (future == null) {
                future = mine;
                try {
                    mine.complete(ServiceCompiler.compile(source.readService(serviceId)));
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RulesException rules) {
                throw rules;
            }
            throw e;
        }
    }
}
