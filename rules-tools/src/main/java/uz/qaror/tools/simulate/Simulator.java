package uz.qaror.tools.simulate;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Result;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.ChunkPipeline;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordSource;

/**
 * Decides every application under two rule sets, the one in force (baseline) and a proposed one (candidate),
 * and reports what the change would do: per service, the outcome transitions, changed amounts and fees, and
 * the applications that change.
 */
public final class Simulator {

    private final DecisionEngine baseline;
    private final DecisionEngine candidate;
    private final int threads;

    public Simulator(DecisionEngine baseline, DecisionEngine candidate, int threads) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.threads = threads;
    }

    /** What one application got on each side. */
    record Compared(long record, String applicationId, String service, String before, String after,
                    Map<String, BigDecimal[]> amountChanges) {

        boolean changed() {
            return !before.equals(after) || !amountChanges.isEmpty();
        }
    }

    public SimulationReport run(RecordSource source, int maxChanges) throws IOException {
        SimulationReport report = new SimulationReport(maxChanges);
        new ChunkPipeline<>(threads, this::compare).run(source, results -> results.forEach(report::add));
        return report;
    }

    private Compared compare(InputRecord record) {
        Result before = BatchRunner.decide(baseline, record).result();
        Result after = BatchRunner.decide(candidate, record).result();
        Map<String, BigDecimal[]> changes = new LinkedHashMap<>();
        if (before instanceof Decision b && after instanceof Decision a) {
            Map<String, BigDecimal> amountsBefore = amounts(b);
            Map<String, BigDecimal> amountsAfter = amounts(a);
            java.util.Set<String> codes = new java.util.TreeSet<>(amountsBefore.keySet());
            codes.addAll(amountsAfter.keySet());
            for (String code : codes) {
                BigDecimal x = amountsBefore.getOrDefault(code, BigDecimal.ZERO);
                BigDecimal y = amountsAfter.getOrDefault(code, BigDecimal.ZERO);
                if (x.compareTo(y) != 0) {
                    changes.put(code, new BigDecimal[] {x, y});
                }
            }
        }
        return new Compared(record.number(), before.applicationId(),
                before.service() == null ? "?" : before.service(), label(before), label(after), changes);
    }

    private static Map<String, BigDecimal> amounts(Decision decision) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        decision.amounts().forEach(a -> amounts.put(a.code(), a.value()));
        if (decision.fee() != null) {
            amounts.put("fee", decision.fee().totalSoum());
        }
        return amounts;
    }

    private static String label(Result result) {
        return result instanceof Decision d ? d.outcome().name() : "ERROR";
    }
}
