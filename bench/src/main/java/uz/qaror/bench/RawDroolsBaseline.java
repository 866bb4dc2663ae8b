package uz.qaror.bench;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.facts.DecisionSheet;
import uz.qaror.facts.Parameters;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ParsedApplication;
import uz.qaror.internal.run.Evaluator;

/**
 * The cost of Drools alone: the same KieBases executing the same facts, read before the clock starts (no JSON,
 * no validation, no reasons or output; the engine's own fact insertion). Usage: {@code RawDroolsBaseline APPLICATIONS.jsonl [THREADS] [ROUNDS]}.
 */
public final class RawDroolsBaseline {

    /** One valid application: its facts, ready for its service's KieBase, and the parsed tree they were read from. */
    record Prepared(CompiledService service, ParsedApplication input, JsonNode tree) {
    }

    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private RawDroolsBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DecisionEngine engine = DecisionEngine.embedded();
        List<Prepared> prepared = prepare(engine, Workload.read(file));
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            int slice = (prepared.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Prepared> part = prepared.subList(Math.min(t * slice, prepared.size()),
                        Math.min((t + 1) * slice, prepared.size()));
                futures.add(pool.submit(() -> part.forEach(RawDroolsBaseline::execute)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "raw drools round %d: %d decisions in %.2f s = %.0f decisions/s "
                    + "(%.2f us each, %d threads)%n", round, prepared.size(), seconds, prepared.size() / seconds,
                    seconds * 1e6 / prepared.size(), threads);
        }
    }

    /** The facts of every valid application, built once. */
    static List<Prepared> prepare(DecisionEngine engine, List<String> lines) {
        List<Prepared> prepared = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = Workload.parse(line);
            if (!engine.serviceIds().contains(node.path("service").asText())) {
                continue;
            }
            CompiledService service = Internals.compiled(engine, node.path("service").asText());
            ApplicationReader.Outcome read = ApplicationReader.read(node, service, null);
            if (read.application() == null) {
                continue;
            }
            prepared.add(new Prepared(service, read.application(), node));
        }
        return prepared;
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        return configuration;
    }

    /** What the engine asks of Drools for one decision, and nothing more, on a fresh session. */
    static void execute(Prepared p) {
        fresh(p.service(), p.input());
    }

    /** @return the sheet the rules wrote */
    static DecisionSheet fresh(CompiledService service, ParsedApplication input) {
        KieSession session = service.kieBase().newKieSession(PSEUDO_CLOCK, null);
        try {
            return run(session, service, input);
        } finally {
            session.dispose();
        }
    }

    /**
     * The same on a session the engine's {@code Sessions} kept from an earlier decision, reset, as the engine
     * decides: the honest baseline for an engine that reuses sessions.
     *
     * @return the sheet the rules wrote, to compare with a fresh session's
     */
    static DecisionSheet reused(CompiledService service, ParsedApplication input) {
        KieSession session = service.sessions().take();
        try {
            return run(session, service, input);
        } finally {
            service.sessions().giveBack(session, true);
        }
    }

    /** Sets the clock to the submission day (a reused session's clock is back at 0), globals, facts, fire. */
    static DecisionSheet run(KieSession session, CompiledService service, ParsedApplication input) {
        SessionPseudoClock clock = session.getSessionClock();
        long noon = input.application().getDate().atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
        if (clock.getCurrentTime() != 0) {
            throw new IllegalStateException("a session came with its clock at " + clock.getCurrentTime());
        }
        clock.advanceTime(noon, TimeUnit.MILLISECONDS);
        DecisionSheet sheet = new DecisionSheet(() -> null);
        session.setGlobal("decision", sheet);
        session.setGlobal("params", new Parameters(input.application().getDate(), service.folder().parameters()::lookup));
        Evaluator.insertFacts(session, service, input);
        session.fireAllRules(10_000);
        return sheet;
    }
}
