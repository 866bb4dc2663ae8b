package uz.qaror.bench;

import java.util.List;
import java.util.Locale;


import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.facts.DecisionSheet;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ParsedApplication;

/**
 * One thread, one JVM, the same applications, in alternating rounds so that the ratios hold on a noisy machine:
 * <ul>
 * <li>raw Drools as the engine drives it, the honest baseline: each application's facts read from its parsed
 * tree just before its session (as {@code evaluate} does, so they are fresh), then a new session, clock, globals,
 * insert, fire, dispose; only the Drools part is timed, the reading is reported beside it;</li>
 * <li>the same on sessions reused as the engine reuses them ({@code Sessions}: kept from the service's earlier
 * decisions, reset), with the rules' output compared to the fresh session's for every application in the first
 * round: the honest baseline for the engine, which decides on reused sessions;</li>
 * <li>raw Drools on facts built before the first round and reused in every round (the earlier baseline);</li>
 * <li>{@code evaluate(tree)} and {@code evaluate(text)}, the engine's whole work.</li>
 * </ul>
 * Usage: {@code HotLoop [COUNT] [ROUNDS]}.
 */
public final class HotLoop {

    private static final com.sun.management.ThreadMXBean ALLOCATED =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private HotLoop() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        List<String> texts = Workload.generated(engine, count, 17);
        List<JsonNode> trees = texts.stream().map(Workload::parse).toList();
        List<RawDroolsBaseline.Prepared> prepared = RawDroolsBaseline.prepare(engine, texts);
        for (int round = 1; round <= rounds; round++) {
            long reading = 0;
            long fresh = 0;
            long reused = 0;
            int differ = 0;
            for (RawDroolsBaseline.Prepared v : prepared) {
                long t0 = System.nanoTime();
                ParsedApplication input = ApplicationReader.read(v.tree(), v.service(), null).application();
                long t1 = System.nanoTime();
                RawDroolsBaseline.fresh(v.service(), input);
                long t2 = System.nanoTime();
                reading += t1 - t0;
                fresh += t2 - t1;
            }
            for (RawDroolsBaseline.Prepared v : prepared) {
                ParsedApplication input = ApplicationReader.read(v.tree(), v.service(), null).application();
                long t1 = System.nanoTime();
                DecisionSheet onReused = RawDroolsBaseline.reused(v.service(), input);
                long t2 = System.nanoTime();
                reused += t2 - t1;
                if (round == 1 && !same(onReused, RawDroolsBaseline.fresh(v.service(), input))) {
                    differ++;
                }
            }
            long t0 = System.nanoTime();
            prepared.forEach(RawDroolsBaseline::execute);
            long t1 = System.nanoTime();
            long allocatedBefore = ALLOCATED.getCurrentThreadAllocatedBytes();
            trees.forEach(engine::evaluate);
            long allocatedByTrees = ALLOCATED.getCurrentThreadAllocatedBytes() - allocatedBefore;
            long t2 = System.nanoTime();
            texts.forEach(engine::evaluate);
            long t3 = System.nanoTime();
            double drools = fresh / 1e3 / prepared.size();
            double again = reused / 1e3 / prepared.size();
            double read = reading / 1e3 / prepared.size();
            double reusedFacts = (t1 - t0) / 1e3 / prepared.size();
            double tree = (t2 - t1) / 1e3 / trees.size();
            double text = (t3 - t2) / 1e3 / texts.size();
            System.out.printf(Locale.ROOT, "round %d (one thread, per application): raw drools on fresh facts %.1f us "
                    + "(reading them %.1f us besides), on reused sessions %.1f us (%.2fx)%s; on reused facts %.1f us; "
                    + "evaluate(tree) %.1f us (%.2fx of raw drools on fresh facts and a new session, %.2fx on a reused "
                    + "session), evaluate(text) %.1f us (%.2fx, %.2fx)%n",
                    round, drools, read, again, again / drools,
                    round == 1 ? ", " + differ + " of " + prepared.size() + " differ from a new session" : "",
                    reusedFacts, tree, tree / drools, tree / again, text, text / drools, text / again);
            // Bytes allocated do not depend on how busy the machine is, as times do.
            System.out.printf(Locale.ROOT, "round %d: evaluate(tree) allocated %,d bytes per application%n", round,
                    allocatedByTrees / trees.size());
        }
    }

    private static boolean same(DecisionSheet a, DecisionSheet b) {
        return a.entries().toString().equals(b.entries().toString()) && a.missing().equals(b.missing())
                && a.charges().equals(b.charges());
    }
}
