package uz.qaror.bench;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;

/**
 * One thread, one JVM, the same applications: raw Drools on prebuilt facts, {@code evaluate(tree)} and
 * {@code evaluate(text)}, in alternating rounds, so that the ratios hold on a noisy machine.
 * Usage: {@code HotLoop [COUNT] [ROUNDS]}.
 */
public final class HotLoop {

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
            long t0 = System.nanoTime();
            prepared.forEach(RawDroolsBaseline::execute);
            long t1 = System.nanoTime();
            trees.forEach(engine::evaluate);
            long t2 = System.nanoTime();
            texts.forEach(engine::evaluate);
            long t3 = System.nanoTime();
            double raw = (t1 - t0) / 1e3 / prepared.size();
            double tree = (t2 - t1) / 1e3 / trees.size();
            double text = (t3 - t2) / 1e3 / texts.size();
            System.out.printf(Locale.ROOT, "round %d: raw drools %.1f us, evaluate(tree) %.1f us (%.2fx), "
                    + "evaluate(text) %.1f us (%.2fx) per application, one thread%n", round, raw, tree, tree / raw,
                    text, text / raw);
        }
    }
}
