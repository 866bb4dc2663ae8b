package uz.qaror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.build.ApplicationSchema;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.build.PrebuiltRules;
import uz.qaror.internal.build.ServiceCompiler;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.Echo;
import uz.qaror.internal.input.PlausibleDates;
import uz.qaror.internal.input.ProblemList;
import uz.qaror.internal.input.SchemaMessages;
import uz.qaror.internal.input.TreeSchema;
import uz.qaror.internal.reload.HotReload;
import uz.qaror.internal.run.Budget;
import uz.qaror.internal.run.Evaluator;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.internal.screen.Screener;

/**
 * Decides applications to the services of a catalog. Thread-safe: one engine serves any number of threads.
 * Each service's rules are compiled into their own KieBase on first use and kept; compiling one service never
 * blocks decisions of another. The {@code evaluate} methods return a {@link Failure} for anything an application
 * holds and never throw for it; the {@code decide} methods throw it as an {@link InvalidApplicationException}.
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

            @Override
            public Result evaluateChecked(DecisionEngine engine, JsonNode application, InputLimits checkedWith,
                                          TreeSchema vouchedBy) {
                return engine.evaluateChecked(application, checkedWith, vouchedBy);
            }

            @Override
            public Function<String, TreeSchema> readySchemas(DecisionEngine engine) {
                return engine.readySchemas;
            }
        });
    }

    /** How much of a diagnostic or a rule's failure a failure quotes. */
    private static final int DIAGNOSTIC_EXCERPT = 500;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecisionEngine.class);

    /** The time budget of a decision unless the builder sets another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final CatalogSource source;
    private final LocalDate asOf;
    private final ApplicationText text;
    private final Duration timeout;
    private final ConcurrentMap<String, CompletableFuture<CompiledService>> services = new ConcurrentHashMap<>();
    /**
     * The schema of a service's applications, followed as an application's tree is built, when the service is
     * compiled already (null otherwise: a service is not compiled while its application is being read).
     */
    private final Function<String, TreeSchema> readySchemas = this::readySchema;
    private final HotReload reload;
    private volatile Screener screener;
    /**
     * Rules compiled before they were needed: the embedded catalog's (at build time) and those of a jar the builder
     * names; null when there are none or they are not wanted.
     */
    private final PrebuiltRules prebuilt;

    private DecisionEngine(Builder builder) {
        if (builder.watch && builder.directory == null) {
            throw new IllegalStateException("watch(true) needs a rulesDirectory: the embedded catalog never changes");
        }
        CatalogSource catalog = builder.directory != null ? CatalogSource.directory(builder.directory)
                : CatalogSource.embedded(builder.classLoader);
        PrebuiltRules embedded = catalog.isEmbedded() && builder.prebuiltRules
                ? PrebuiltRules.find(builder.classLoader) : null;
        this.prebuilt = builder.prebuiltJar == null ? embedded
                : PrebuiltRules.inJar(builder.prebuiltJar, builder.classLoader).orElse(embedded);
        this.source = prebuilt == null ? catalog : catalog.withParsedFiles(prebuilt::parsedFile);
        this.asOf = builder.asOf;
        this.text = new ApplicationText(builder.limits);
        this.timeout = builder.timeout;
        this.reload = builder.watch ? new HotReload(source, services, builder.onReload) : null;
    }

    /**
     * An engine over the catalog embedded on the classpath (the rules-catalog artifact).
     *
     * @return the engine
     * @throws RulesException when the rules-catalog artifact is not on the classpath
     */
    public static DecisionEngine embedded() {
        return builder().build();
    }

    /**
     * An engine over a rules folder that a policy team edits, read as it is when each service is first used; it
     * does not watch for later edits (see {@link Builder#watch(boolean)}).
     *
     * @param directory the rules folder, holding {@code services/<id>/service.yaml} and {@code parameters/}
     * @return the engine
     * @throws RulesException when the folder does not exist, has no {@code services/} folder or cannot be read
     */
    public static DecisionEngine fromDirectory(Path directory) {
        return builder().rulesDirectory(directory).build();
    }

    /** {@return a builder with the defaults: the embedded catalog, default limits and time budget, no watching} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds engines; by default over the embedded catalog, judging each application at its submission date. Not
     * thread-safe; the engines it builds are.
     */
    public static final class Builder {
        private Path directory;
        private LocalDate asOf;
        private ClassLoader classLoader = DecisionEngine.class.getClassLoader();
        private boolean watch;
        private Consumer<ReloadEvent> onReload;
        private InputLimits limits = InputLimits.defaults();
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean prebuiltRules = true;
        private Path prebuiltJar;

        private Builder() {
        }

        /**
         * Rules compiled in advance by {@code qaror catalog prebuild} (Drools' executable model, in a jar): a service
         * whose files are the ones the jar was built from loads its rules from it instead of compiling them (a
         * catalog of 700 services is ready in under half the time); any other service, one edited since among them,
         * is compiled as without the jar. Decisions are the same either way. Needs the
         * {@code rules-catalog-prebuilt} artifact on the class path. Applies whatever {@link #prebuiltRules(boolean)}
         * says, which is about the embedded catalog's.
         *
         * @param jar the jar, or null for none
         * @return this builder
         * @throws RulesException from {@link #build()} when the jar cannot be read or was not written by
         *                        {@code qaror catalog prebuild}
         */
        public Builder prebuiltRules(Path jar) {
            this.prebuiltJar = jar;
            return this;
        }

        /**
         * Whether services of the embedded catalog load the rules compiled when Qaror was built (the
         * {@code rules-catalog-prebuilt} artifact) when that artifact is on the classpath and was built from the
         * same files; true unless set. Without it, or with {@code false}, each service's rules are compiled on
         * first use with the classic compiler, which also reports Drools' warnings ({@code qaror check} does).
         * Decisions are the same either way. A rules folder is always compiled.
         *
         * @param use whether to load the prebuilt rules when they are there and match the catalog's files
         * @return this builder
         */
        public Builder prebuiltRules(boolean use) {
            this.prebuiltRules = use;
            return this;
        }

        /**
         * The limits on what one application may hold (bytes, depth, string and number length, array sizes);
         * {@link InputLimits#defaults()} unless set. An application beyond them gets a {@link Failure} of kind
         * {@link Failure.Kind#LIMIT_EXCEEDED}.
         *
         * @param limits the limits
         * @return this builder
         * @throws NullPointerException when {@code limits} is {@code null}
         */
        public Builder inputLimits(InputLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The time budget of one decision, {@link #DEFAULT_TIMEOUT 5 seconds} unless set. A decision that
         * overruns it gets a {@link Failure} of kind {@link Failure.Kind#TIMEOUT}: a watchdog halts the rules at
         * their next firing and the calling thread gets control back. The budget counts the CPU time of the
         * deciding thread, so that a busy machine, where a decision mostly waits for a core, does not fail it; a
         * decision is also halted after ten times its budget in wall-clock time, however little CPU it had (rules
         * that wait). Compiling a service's rules on its first application is not counted. A rule's consequence
         * stuck in a loop of its own Java code cannot be halted (Drools stops only between firings): such a call
         * does not return, and a caller that must go on abandons the thread (the batch does).
         *
         * @param timeout the time budget of one decision
         * @return this builder
         * @throws IllegalArgumentException when the budget is {@code null}, zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the time budget must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Watches the rules folder and, when a service's files change, compiles them off the request path and
         * swaps them in once they compile; an edit that does not compile leaves the previous version serving
         * (see {@link DecisionEngine#reloadProblems()}). Changes to {@code parameters/} reload every compiled
         * service. Close the engine to stop watching.
         *
         * @param watch whether to watch; {@code false} unless set
         * @return this builder
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /**
         * A listener called on the watcher's thread after each reload, applied or not, and when a service folder
         * is removed. An exception it throws is ignored and watching goes on.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder onReload(Consumer<ReloadEvent> listener) {
            this.onReload = listener;
            return this;
        }

        /**
         * Reads the rules from a folder instead of the embedded catalog.
         *
         * @param directory the rules folder, holding {@code services/<id>/service.yaml} and {@code parameters/}
         * @return this builder
         * @throws NullPointerException when {@code directory} is {@code null}
         */
        public Builder rulesDirectory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Judges every application as of a date instead of its submission date (for what-if runs): the parameters,
         * dated rules and ages in force that day. The due date still counts from the submission day.
         *
         * @param date the date, or {@code null} for each application's submission date
         * @return this builder
         */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /**
         * Where to look for the embedded catalog; the class loader of rules-core unless set.
         *
         * @param classLoader a class loader that sees the rules-catalog artifact
         * @return this builder
         * @throws NullPointerException when {@code classLoader} is {@code null}
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Builds the engine. No service is compiled yet: each is on its first application, or by
         * {@link DecisionEngine#prepare(String)} or {@link DecisionEngine#prepareAll()}.
         *
         * @return the engine
         * @throws RulesException        when the rules folder or embedded catalog cannot be found
         * @throws IllegalStateException when asked to watch the embedded catalog, which never changes
         */
        public DecisionEngine build() {
            return new DecisionEngine(this);
        }
    }

    /**
     * Decides an application given as JSON text.
     *
     * @param json the application
     * @return the decision, or the failure that says why there is none
     */
    public Result evaluate(String json) {
        Budget budget = Budget.start(timeout);
        return guarded(null, () -> decideRead(text.read(json, readySchemas), asOf, budget));
    }

    /**
     * Decides an application read from a stream of JSON in UTF-8 (the stream is not closed). At most
     * {@link InputLimits#maxBytes()} + 1 bytes are read: a longer application is refused and the rest of the
     * stream is left unread.
     *
     * @param json the application
     * @return the decision, or the failure that says why there is none
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    public Result evaluate(InputStream json) {
        Budget budget = Budget.start(timeout);
        byte[] bytes;
        try {
            bytes = text.take(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return guarded(null, () -> decideRead(text.read(bytes, readySchemas), asOf, budget));
    }

    /**
     * The failure for text that is not JSON, for callers that parse applications themselves.
     *
     * @param e the parser's exception
     * @return a failure of kind {@link Failure.Kind#MALFORMED_JSON} naming the line and column where the parser
     *         stopped
     */
    public static Failure malformed(JsonProcessingException e) {
        return ApplicationText.malformed(e);
    }

    /**
     * Decides an application given as a JSON tree, checked against the same {@link InputLimits} as text.
     *
     * @param application the application
     * @return the decision, or the failure that says why there is none
     */
    public Result evaluate(JsonNode application) {
        return evaluate(application, asOf);
    }

    /**
     * Decides an application given as a JSON tree as of {@code date}: the parameters, dated rules and ages in
     * force that day. The due date still counts from the submission day.
     *
     * @param application the application
     * @param date        the date to judge at, or {@code null} for the application's submission date (also when
     *                    the builder set {@link Builder#asOf(LocalDate)}); a date outside 1900 to 2999, or one
     *                    the catalog's parameters do not cover, gives a failure of kind
     *                    {@link Failure.Kind#INVALID_FIELD}
     * @return the decision, or the failure that says why there is none
     */
    public Result evaluate(JsonNode application, LocalDate date) {
        Budget budget = Budget.start(timeout);
        return guarded(application, () -> decideRead(text.check(application), date, budget));
    }

    /**
     * {@link #evaluate(JsonNode)} of a tree that an {@code ApplicationText} with {@code checkedWith} has read from
     * text, and so checked: under this engine's own limits it is not walked again (a batch read each record, then
     * scanned it once more here); nor checked against the schema of its service when that vouched for it as it was
     * read ({@code vouchedBy}, null when none did).
     */
    private Result evaluateChecked(JsonNode application, InputLimits checkedWith, TreeSchema vouchedBy) {
        if (!text.limits().equals(checkedWith)) {
            return evaluate(application);
        }
        Budget budget = Budget.start(timeout);
        return guarded(application, () -> decideRead(new ApplicationText.Read(application, null, vouchedBy), asOf,
                budget));
    }

    /** {@return the limits this engine applies to every application} */
    public InputLimits inputLimits() {
        return text.limits();
    }

    /** {@return the time budget of one decision} */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The engine's last line: whatever an application holds, evaluate returns a result. An exception that gets
     * here is a bug of the engine, reported as such, never blamed on the input or the rules.
     */
    private Result guarded(JsonNode application, Supplier<Result> decision) {
        try {
            return decision.get();
        } catch (RuntimeException | StackOverflowError e) {
            return new Failure(application == null ? null : ApplicationText.safeText(application, "id"),
                    application == null ? null : ApplicationText.safeText(application, "service"),
                    Failure.Kind.INTERNAL_ERROR, List.of(internalError(e, "application")));
        }
    }

    /** A bug of the engine, logged with its stack and named by its class and place, never blamed on the input. */
    private static Problem internalError(Throwable e, String input) {
        LOG.error("internal error while deciding (the input: " + input + ")", e);
        StackTraceElement[] frames = e.getStackTrace();
        String where = frames.length == 0 ? "" : " at " + frames[0].getClassName() + "."
                + frames[0].getMethodName() + ":" + frames[0].getLineNumber();
        return new Problem("$", "the engine failed (" + e.getClass().getName() + where + "); this is a fault of "
                + "Qaror, not of the " + input + " or the rules: please report it");
    }

    private Failure timedOut(String id, String serviceId, String what) {
        return new Failure(id, serviceId, Failure.Kind.TIMEOUT, List.of(new Problem("rules",
                what + " (" + timeout.toMillis() + " ms)")));
    }

    private Result decideRead(ApplicationText.Read read, LocalDate date, Budget started) {
        if (read.failed()) {
            return read.failure();
        }
        JsonNode application = read.application();
        String id = ApplicationText.safeText(application, "id");
        Failure unknown = serviceProblem(application, id);
        if (unknown != null) {
            return unknown;
        }
        String serviceId = application.get("service").textValue();
        if (date != null && !PlausibleDates.isDecisionDate(date)) {
            return new Failure(id, serviceId, Failure.Kind.INVALID_FIELD, List.of(new Problem("asOf",
                    date + " is not a date the engine judges at (1900 to 2999)")));
        }
        CompiledService service;
        Budget.Spent beforeCompiling = Budget.measure();
        try {
            service = compiled(serviceId);
        } catch (RulesException e) {
            return rulesBroken(id, serviceId, e);
        }
        // The first application of a service waits for its rules to compile: that is not its decision's time.
        Budget budget = started.extendedBy(beforeCompiling);
        ApplicationReader.Outcome parsed = ApplicationReader.read(application, service, date,
                read.vouchedFor(service.schema().treeSchema()));
        if (!parsed.problems().isEmpty()) {
            return new Failure(id, serviceId, Failure.Kind.INVALID_FIELD, ProblemList.capped(parsed.problems()));
        }
        if (budget.spent()) {
            return timedOut(id, serviceId, "reading the application took longer than its time budget");
        }
        try {
            return Evaluator.decide(service, parsed.application(), null, budget);
        } catch (Evaluator.RuleFailure e) {
            return new Failure(id, serviceId, Failure.Kind.RULE_FAILED, List.of(new Problem("rules",
                    Echo.bounded(e.getMessage(), DIAGNOSTIC_EXCERPT))));
        } catch (Evaluator.TimedOut e) {
            return timedOut(id, serviceId, e.getMessage());
        } catch (Evaluator.DateNotCovered e) {
            return new Failure(id, serviceId, Failure.Kind.INVALID_FIELD, List.of(new Problem(
                    date != null ? "asOf" : "submittedAt", e.getMessage() + "; applications of that date cannot "
                    + "be decided")));
        }
    }

    /** The failure when the application names no service, or none the catalog has; null when it names one. */
    private Failure serviceProblem(JsonNode application, String id) {
        JsonNode serviceNode = application.get("service");
        if (serviceNode == null || !serviceNode.isTextual()) {
            List<Problem> problems = new ArrayList<>();
            ApplicationSchema.envelope().messages(application).forEach(m -> problems.add(SchemaMessages.toProblem(m)));
            if (problems.isEmpty()) {
                problems.add(new Problem("service", "is required"));
            }
            return new Failure(id, null, Failure.Kind.INVALID_FIELD, ProblemList.capped(problems));
        }
        String serviceId = serviceNode.textValue();
        // A service already compiled exists; only the first application of a service asks the file system, and
        // only for an id of the right shape.
        if (services.containsKey(serviceId) || source.hasService(serviceId)) {
            return null;
        }
        List<String> nearest = NearestIds.nearest(serviceId, source.serviceIds(), 3);
        String what = CatalogSource.isServiceId(serviceId) ? "unknown service " + Echo.quote(serviceId)
                : Echo.quote(serviceId) + " is not a service id (Latin letters, digits, '.', '_' and '-')";
        return new Failure(id, ApplicationText.safeText(application, "service"), Failure.Kind.UNKNOWN_SERVICE,
                List.of(new Problem("service", what + "; nearest: " + String.join(", ", nearest))));
    }

    private static Failure rulesBroken(String id, String serviceId, RulesException e) {
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem("service", "the rules of service '" + serviceId + "' do not compile"));
        // A diagnostic may quote a rule file: an excerpt at most, never a file copied whole.
        e.diagnostics().forEach(d -> problems.add(new Problem(Echo.bounded(d.location(), 200),
                Echo.bounded(d.message(), DIAGNOSTIC_EXCERPT))));
        return new Failure(id, serviceId, Failure.Kind.RULES_BROKEN, ProblemList.capped(problems));
    }

    /**
     * Decides an application given as JSON text.
     *
     * @param json the application
     * @return the decision
     * @throws InvalidApplicationException when it cannot be decided, with the {@link Failure}
     */
    public Decision decide(String json) {
        return orThrow(evaluate(json));
    }

    /**
     * Decides an application read from a stream of JSON in UTF-8, as {@link #evaluate(InputStream)} reads it.
     *
     * @param json the application
     * @return the decision
     * @throws InvalidApplicationException when it cannot be decided, with the {@link Failure}
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    public Decision decide(InputStream json) {
        return orThrow(evaluate(json));
    }

    /**
     * Decides an application given as a JSON tree.
     *
     * @param application the application
     * @return the decision
     * @throws InvalidApplicationException when it cannot be decided, with the {@link Failure}
     */
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
     *
     * @param request the household, the screening date and the services (or life event) chosen
     * @return an answer per service, or the household's problems when it cannot be read; never throws for what a
     *         household holds
     */
    public ScreeningResult screen(ScreeningRequest request) {
        return screenGuarded(request.householdNode(), request.asOf(), request.services(), request.lifeEvent());
    }

    /**
     * Screens a household for every service of the catalog, as {@link #screen(ScreeningRequest)} does.
     *
     * @param household the applicant and household sections (and any known form answers) as JSON
     * @param date      the screening date; {@code null} for today in Tashkent
     * @return an answer per service, or the household's problems when it cannot be read
     */
    public ScreeningResult screen(JsonNode household, LocalDate date) {
        return screenGuarded(household, date, List.of(), null);
    }

    /** As {@link #guarded}: whatever a household holds, screening returns a result. */
    private ScreeningResult screenGuarded(JsonNode household, LocalDate date, List<String> services,
                                          String lifeEvent) {
        try {
            return screener().screen(household, date, services, lifeEvent);
        } catch (RuntimeException | StackOverflowError e) {
            return ScreeningResult.failed(household == null ? null : ApplicationText.safeText(household, "id"),
                    date != null ? date : LocalDate.now(ApplicationReader.TASHKENT), Failure.Kind.INTERNAL_ERROR,
                    List.of(internalError(e, "household")));
        }
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

            @Override
            public Failure check(JsonNode input) {
                return text.check(input).failure();
            }
        });
    }

    /**
     * {@return the ids of the catalog's services, sorted; read from the catalog at each call}
     */
    public List<String> serviceIds() {
        return source.serviceIds();
    }

    /**
     * The descriptors of every service, sorted by id, read from the catalog at each call.
     *
     * @return the descriptors
     * @throws RulesException when a descriptor cannot be read
     */
    public List<ServiceDescriptor> services() {
        return source.serviceIds().stream().map(id -> source.readService(id).descriptor()).toList();
    }

    /**
     * Compiles a service now rather than on its first application; does nothing when it is compiled already.
     *
     * @param serviceId the service's id
     * @throws RulesException naming the service when the catalog has no such service
     * @throws RulesException with the diagnostics of every file when its rules do not compile
     */
    public void prepare(String serviceId) {
        compiled(serviceId);
    }

    /**
     * Compiles every service, on every core, collecting the diagnostics of those that fail. Services are compiled
     * in groups, several by one Drools builder, each into a rule base of its own, which takes less time than one
     * builder each; a service with a problem is compiled alone, so its diagnostics are what
     * {@link #prepare(String)} would report.
     *
     * @return the diagnostics of every service that does not compile, in the order of {@link #serviceIds()};
     *         empty when all compile
     * @throws IllegalStateException when the calling thread is interrupted (its interrupt flag is set again), or
     *                               when compiling a service fails otherwise than with diagnostics
     */
    public List<Diagnostic> prepareAll() {
        List<String> ids = source.serviceIds();
        int threads = Math.max(1, Math.min(ids.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> groups = new ArrayList<>();
            for (List<String> group : groups(ids, threads)) {
                groups.add(pool.submit(() -> compileGroup(group)));
            }
            for (java.util.concurrent.Future<?> group : groups) {
                group.get();
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (String id : ids) {
                try {
                    compiled(id);
                } catch (RulesException e) {
                    diagnostics.addAll(source.diagnosticsOf(id, e));
                }
            }
            return diagnostics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the services", e);
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            throw new IllegalStateException("compiling a service failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The most services {@link #prepareAll()} compiles with one builder. */
    private static final int GROUP_LIMIT = 40;

    /**
     * The services split into groups compiled by one builder each: enough groups to keep every core busy, none
     * larger than {@link #GROUP_LIMIT} (a group's rule bases share its class loader, and one bad service sends
     * its whole group to be compiled service by service).
     */
    private static List<List<String>> groups(List<String> ids, int threads) {
        int size = Math.max(1, Math.min(GROUP_LIMIT, (ids.size() + 2 * threads - 1) / (2 * threads)));
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            groups.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return groups;
    }

    /**
     * Compiles those of the group's services no one compiled or is compiling: prebuilt ones loaded, the rest
     * compiled together where they compile cleanly, alone otherwise. Every service claimed here is completed,
     * whatever happens.
     */
    private void compileGroup(List<String> group) {
        Map<String, CompletableFuture<CompiledService>> claimed = new java.util.LinkedHashMap<>();
        for (String id : group) {
            CompletableFuture<CompiledService> mine = new CompletableFuture<>();
            if (services.putIfAbsent(id, mine) == null) {
                claimed.put(id, mine);
            }
        }
        try {
            List<ServiceFolder> toCompile = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<CompiledService>> entry : claimed.entrySet()) {
                try {
                    ServiceFolder folder = source.readService(entry.getKey());
                    CompiledService loaded = loadPrebuilt(folder);
                    if (loaded != null) {
                        entry.getValue().complete(loaded);
                    } else {
                        toCompile.add(folder);
                    }
                } catch (RuntimeException e) {
                    entry.getValue().completeExceptionally(e);
                }
            }
            Map<String, CompiledService> together = ServiceCompiler.compileTogether(toCompile);
            for (ServiceFolder folder : toCompile) {
                CompletableFuture<CompiledService> mine = claimed.get(folder.id());
                CompiledService compiled = together.get(folder.id());
                try {
                    mine.complete(compiled != null ? compiled : ServiceCompiler.compile(folder));
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
            }
        } catch (RuntimeException | Error e) {
            claimed.values().forEach(future -> future.completeExceptionally(e));
            throw e;
        }
    }

    /**
     * With {@link Builder#watch(boolean)}: the diagnostics of each service whose latest edit does not compile and
     * whose previous version therefore still serves.
     *
     * @return the diagnostics by service id, a snapshot; empty when every edit compiled or the engine does not
     *         watch
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

    /** {@return where the rules come from: the folder given, or {@code catalog} for the embedded one} */
    public String rulesLocation() {
        return source.displayRoot();
    }

    /** A service's rules: loaded from the prebuilt catalog when it holds this very content, else compiled. */
    private CompiledService compile(String serviceId) {
        ServiceFolder folder = source.readService(serviceId);
        CompiledService loaded = loadPrebuilt(folder);
        return loaded != null ? loaded : ServiceCompiler.compile(folder);
    }

    /** The tree schema of service {@code serviceId} when it is compiled already and has one; else null. */
    private TreeSchema readySchema(String serviceId) {
        CompletableFuture<CompiledService> future = services.get(serviceId);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        return future.join().schema().treeSchema();
    }

    /** The service loaded from the prebuilt catalog when that holds this very content; null otherwise. */
    private CompiledService loadPrebuilt(ServiceFolder folder) {
        if (prebuilt == null) {
            return null;
        }
        org.kie.api.KieBase kieBase = prebuilt.kieBase(folder.id(), folder.version());
        if (kieBase != null) {
            return ServiceCompiler.prebuilt(folder, kieBase);
        }
        String prebuiltVersion = prebuilt.versions().get(folder.id());
        if (prebuiltVersion != null) {
            // An operator who gave a jar expects a fast start: say which services it no longer covers, and why.
            LOG.warn("service {} changed since its rules were prebuilt (rules version {}, prebuilt {}): compiled at "
                    + "run time; qaror catalog prebuild writes them again", folder.id(), folder.version(),
                    prebuiltVersion);
        }
        return null;
    }

    CompiledService compiled(String serviceId) {
        CompletableFuture<CompiledService> future = services.get(serviceId);
        if (future == null) {
            CompletableFuture<CompiledService> mine = new CompletableFuture<>();
            future = services.putIfAbsent(serviceId, mine);
            if (future == null) {
                future = mine;
                try {
                    mine.complete(compile(serviceId));
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
