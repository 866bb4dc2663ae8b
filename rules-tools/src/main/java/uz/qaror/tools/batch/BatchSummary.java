package uz.qaror.tools.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Outcome;
import uz.qaror.Result;
import uz.qaror.internal.json.Json;

/** Counts of a batch: decisions by outcome and by service, errors by kind, and the automation rate. */
public final class BatchSummary {

    /** The share of applications decree PQ-308 wants decided without an officer. */
    public static final double AUTOMATION_TARGET = 0.65;

    private long records;
    /** Records an interrupted run wrote before this one resumed: counted, but not in this run's rate. */
    private long earlier;
    private boolean stopped;
    private final Map<Outcome, Long> byOutcome = new TreeMap<>();
    private final Map<String, Map<Outcome, Long>> byService = new TreeMap<>();
    private final Map<Failure.Kind, Long> errorsByKind = new TreeMap<>();

    /** Counts a record written by an earlier run of a resumed batch. */
    void addWritten(String service, String outcome, String errorKind) {
        earlier++;
        if (outcome != null) {
            count(service == null ? "?" : service, Outcome.valueOf(outcome));
        } else {
            countError(kindOf(errorKind));
        }
    }

    private static Failure.Kind kindOf(String name) {
        try {
            return name == null ? Failure.Kind.MALFORMED_JSON : Failure.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            // a kind this version does not know, written by another: still an error
            return Failure.Kind.RULE_FAILED;
        }
    }

    /** Rebuilds the counts of what an interrupted run already wrote. */
    public void addWritten(ResumableOutput output, RecordFormat format) throws IOException {
        output.forEachExisting(record -> {
            RecordFormat.Recorded recorded = format.read(record);
            addWritten(recorded.service(), recorded.outcome(), recorded.errorKind());
        });
    }

    void add(Result result) {
        if (result instanceof Decision decision) {
            count(decision.service(), decision.outcome());
        } else {
            countError(((Failure) result).kind());
        }
    }

    void markStopped() {
        stopped = true;
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

    /** Records written, by this run and (when resumed) by the earlier one. */
    public long records() {
        return records;
    }

    /** Records written by the earlier run that this one resumed. */
    public long earlier() {
        return earlier;
    }

    /** Whether the run was stopped (a signal) before its input ended. */
    public boolean stopped() {
        return stopped;
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

    /**
     * The summary for machines: {@code records}, {@code decisions}, {@code errors}, {@code resumedAfter} (records of
     * the earlier run), {@code decidedNow}, {@code stopped}, {@code seconds}, {@code perSecond} (this run's),
     * {@code automationRate} and {@code automationTarget} (0 to 1), {@code outcomes} (outcome: count, every outcome
     * present), {@code errorsByKind} (kind: count, only kinds seen) and {@code services} (service: outcome: count).
     */
    public ObjectNode toJson(Duration elapsed) {
        ObjectNode json = Json.JSON.createObjectNode();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        json.put("records", records);
        json.put("decisions", decisions());
        json.put("errors", errors());
        json.put("resumedAfter", earlier);
        json.put("decidedNow", records - earlier);
        json.put("stopped", stopped);
        json.put("seconds", seconds);
        json.put("perSecond", Math.round((records - earlier) / seconds));
        json.put("automationRate", automationRate());
        json.put("automationTarget", AUTOMATION_TARGET);
        ObjectNode outcomes = json.putObject("outcomes");
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.name(), byOutcome.getOrDefault(outcome, 0L));
        }
        ObjectNode errors = json.putObject("errorsByKind");
        errorsByKind.forEach((kind, count) -> errors.put(kind.name(), count));
        ObjectNode services = json.putObject("services");
        byService.forEach((service, counts) -> {
            ObjectNode node = services.putObject(service);
            counts.forEach((outcome, count) -> node.put(outcome.name(), count));
        });
        return json;
    }
}
