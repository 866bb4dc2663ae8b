package uz.qaror.tools.batch;

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
    /** Records an interrupted run wrote before this one resumed: counted, but not in this run's rate. */
    private long earlier;
    private final Map<Outcome, Long> byOutcome = new TreeMap<>();
    private final Map<String, Map<Outcome, Long>> byService = new TreeMap<>();
    private final Map<Failure.Kind, Long> errorsByKind = new TreeMap<>();

    /** Counts a record written by an earlier run of a resumed batch. */
    void addWritten(String service, String outcome, String errorKind) {
        earlier++;
        if (outcome != null) {
            count(service == null ? "?" : service, Outcome.valueOf(outcome));
        } else {
            countError(errorKind == null ? Failure.Kind.MALFORMED_JSON : Failure.Kind.valueOf(errorKind));
        }
    }

    /** Rebuilds the counts of what an interrupted run already wrote. */
    public void addWritten(ResumableOutput output, RecordFormat format) throws java.io.IOException {
        java.io.IOException[] failure = new java.io.IOException[1];
        output.forEachExisting(line -> {
            try {
                RecordFormat.Recorded recorded = format.read(line);
                addWritten(recorded.service(), recorded.outcome(), recorded.errorKind());
            } catch (java.io.IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    void add(Result result) {
        if (result instanceof Decision decision) {
            count(decision.service(), decision.outcome());
        } else {
            countError(((Failure) result).kind());
        }
    }

    private void count(String service, Outcome outcome) {
        records++;
        byOutcome.merge(outcome, 1L, Long::sum);
        byService.computeIfAbsent(service, s -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
    }

    private void countError(Failure.Kind kind) {
        records++;
        errorsByKind.merge(kind, 1L, Long::sum);
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
        long now = records - earlier;
        out.append(String.format(java.util.Locale.ROOT, "%d records: %d decisions, %d errors", records, decisions(),
                errors()));
        if (earlier > 0) {
            out.append(String.format(java.util.Locale.ROOT, " (%d written before the resume)", earlier));
        }
        out.append(String.format(java.util.Locale.ROOT, "; %d decided in %.1f s (%.0f/s)%n", now, seconds,
                now / seconds));
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
