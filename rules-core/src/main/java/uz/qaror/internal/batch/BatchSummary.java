package uz.qaror.internal.batch;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Outcome;
import uz.qaror.Result;

/** Counts of a batch: decisions by outcome and by service, errors by kind, and the automation rate. */
public final class BatchSummary {

    private long records;
    private final Map<Outcome, Long> byOutcome = new TreeMap<>();
    private final Map<String, Map<Outcome, Long>> byService = new TreeMap<>();
    private final Map<Failure.Kind, Long> errorsByKind = new TreeMap<>();

    void add(Result result) {
        records++;
        if (result instanceof Decision decision) {
            byOutcome.merge(decision.outcome(), 1L, Long::sum);
            byService.computeIfAbsent(decision.service(), s -> new TreeMap<>()).merge(decision.outcome(), 1L,
                    Long::sum);
        } else {
            errorsByKind.merge(((Failure) result).kind(), 1L, Long::sum);
        }
    }

    public long records() {
        return records;
    }

    public long decisions() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    public long errors() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Outcome, Long> byOutcome() {
        return Map.copyOf(byOutcome);
    }

    public Map<String, Map<Outcome, Long>> byService() {
        return byService;
    }

    public Map<Failure.Kind, Long> errorsByKind() {
        return Map.copyOf(errorsByKind);
    }

    /** The share of decisions made without an officer (all but REFERRED), 0 to 1. */
    public double automationRate() {
        long decisions = decisions();
        return decisions == 0 ? 0 : (double) (decisions - byOutcome.getOrDefault(Outcome.REFERRED, 0L)) / decisions;
    }

    /** A few lines for people: counts, automation rate against the 65% target, throughput. */
    public String describe(Duration elapsed) {
        StringBuilder out = new StringBuilder();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        out.append(String.format(java.util.Locale.ROOT, "%d records: %d decisions, %d errors in %.1f s (%.0f/s)%n",
                records, decisions(), errors(), seconds, records / seconds));
        out.append("outcomes: ").append(byOutcome).append(System.lineSeparator());
        out.append(String.format(java.util.Locale.ROOT, "automation rate: %.1f%% (target 65%%)%n",
                automationRate() * 100));
        if (!errorsByKind.isEmpty()) {
            out.append("errors: ").append(errorsByKind).append(System.lineSeparator());
        }
        byService.forEach((service, outcomes) -> out.append("  ").append(service).append(": ").append(outcomes)
                .append(System.lineSeparator()));
        return out.toString().stripTrailing();
    }
}
