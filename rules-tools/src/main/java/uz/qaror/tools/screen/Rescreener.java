package uz.qaror.tools.screen;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.screen.ScreeningJson;
import uz.qaror.tools.batch.ApplicationBytes;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.ChunkPipeline;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordRun;
import uz.qaror.tools.batch.RecordSource;

/**
 * Re-screens households under the rules in force (the baseline) and under proposed ones (the candidate), on one
 * date, and writes one record per household: the services it becomes eligible for (the proactive offers, with
 * amounts, fee and reasons in the four languages), those it loses, those whose amounts change, and the services
 * either side could not screen. A record that is not a valid household becomes an error record; none is lost.
 */
public final class Rescreener {

    /** Offers and losses carry their texts in every language: they are sent to people, not read by an operator. */
    static final List<Language> LANGUAGES = List.of(Language.values());

    private final DecisionEngine baseline;
    private final DecisionEngine candidate;
    private final ScreeningOptions options;
    private final ScreeningOptions baselineOptions;
    private final ScreeningOptions candidateOptions;
    private final Duration recordDeadline;
    private volatile boolean stopRequested;

    /**
     * Both sides are screened on {@code options.asOf()}, or today when it is not set. Services named in the options
     * that only one side has (a service the candidate adds or drops) are screened on that side alone.
     */
    public Rescreener(DecisionEngine baseline, DecisionEngine candidate, ScreeningOptions options) {
        this(baseline, candidate, options, BatchRunner.DEFAULT_RECORD_DEADLINE);
    }

    /** As above, giving up a household after {@code recordDeadline} (an error record of kind TIMEOUT). */
    public Rescreener(DecisionEngine baseline, DecisionEngine candidate, ScreeningOptions options,
                      Duration recordDeadline) {
        this.recordDeadline = recordDeadline;
        this.baseline = baseline;
        this.candidate = candidate;
        this.options = options.asOf() != null ? options : options.on(LocalDate.now(ApplicationReader.TASHKENT));
        this.baselineOptions = known(this.options, baseline);
        this.candidateOptions = known(this.options, candidate);
    }

    /** The options for one side; {@code null} when that side has none of the services named. */
    private static ScreeningOptions known(ScreeningOptions options, DecisionEngine engine) {
        if (options.services().isEmpty()) {
            return options;
        }
        List<String> ids = engine.serviceIds();
        List<String> present = options.services().stream().filter(ids::contains).toList();
        return present.isEmpty() ? null : new ScreeningOptions(options.asOf(), present, options.lifeEvent());
    }

    private static ScreeningResult screen(DecisionEngine engine, JsonNode household, ScreeningOptions options,
                                          LocalDate date) {
        return options == null ? ScreeningResult.screened(null, date, List.of(), List.of())
                : HouseholdRecords.screen(engine, household, options);
    }

    /** The date both sides are screened on. */
    public LocalDate asOf() {
        return options.asOf();
    }

    /** One household re-screened: its output line, what it counts for in the summary, and its input bytes. */
    public record Compared(String line, Tally tally, long inputBytes) {
    }

    /**
     * Re-screens one record; never throws, so that no record is lost. A record that cannot be read (over the size
     * or the engine's input limits, not UTF-8, not JSON) or is not a valid household becomes an error record of
     * that kind, as a batch's application would.
     */
    public Compared compare(InputRecord record) {
        try {
            return compareRead(record);
        } catch (RuntimeException e) {
            return error(record, null, BatchRunner.internalError(e));
        }
    }

    private Compared compareRead(InputRecord record) {
        ApplicationBytes.Read read = HouseholdRecords.read(baseline, record);
        if (read.failure() != null) {
            return error(record, read.failure().applicationId(), read.failure());
        }
        JsonNode household = read.tree();
        String id = ApplicationText.safeText(household, "id");
        ScreeningResult before = screen(baseline, household, baselineOptions, options.asOf());
        ScreeningResult after = screen(candidate, household, candidateOptions, options.asOf());
        if (!before.screened() || !after.screened()) {
            ScreeningResult failed = before.screened() ? after : before;
            return error(record, id, new Failure(id, null, failed.problemKind(), failed.problems()));
        }
        ObjectNode node = header(record, id);
        ArrayNode offers = node.putArray("offers");
        ArrayNode losses = node.putArray("losses");
        ArrayNode amountChanges = node.putArray("amountChanges");
        ArrayNode errors = node.putArray("errors");
        List<String> eligibleBefore = new ArrayList<>();
        List<String> eligibleAfter = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        TreeSet<String> services = new TreeSet<>();
        before.answers().forEach(a -> services.add(a.service()));
        after.answers().forEach(a -> services.add(a.service()));
        for (String service : services) {
            Optional<ScreeningAnswer> was = before.answer(service);
            Optional<ScreeningAnswer> is = after.answer(service);
            boolean wasEligible = was.map(a -> a.status() == ScreeningStatus.ELIGIBLE).orElse(false);
            boolean isEligible = is.map(a -> a.status() == ScreeningStatus.ELIGIBLE).orElse(false);
            if (wasEligible) {
                eligibleBefore.add(service);
            }
            if (isEligible) {
                eligibleAfter.add(service);
            }
            if (isEligible && !wasEligible) {
                offers.add(change(service, was, is));
                offered.add(service);
            } else if (wasEligible && !isEligible) {
                losses.add(change(service, was, is));
                lost.add(service);
            } else if (isEligible && !amounts(was.get()).equals(amounts(is.get()))) {
                amountChanges.addObject().put("service", service)
                        .<ObjectNode>set("before", DecisionJson.amounts(was.get().amounts()))
                        .set("after", DecisionJson.amounts(is.get().amounts()));
                changed.add(service);
            }
            if (errorOn(was, "baseline", errors) | errorOn(is, "candidate", errors)) {
                failed.add(service);
            }
        }
        eligibleBefore.forEach(node.putArray("eligibleBefore")::add);
        eligibleAfter.forEach(node.putArray("eligibleAfter")::add);
        return new Compared(HouseholdRecords.write(node),
                new Tally(false, eligibleBefore, eligibleAfter, offered, lost, changed, failed), record.size());
    }

    /** The output line of one record. */
    public String line(InputRecord record) {
        return compare(record).line();
    }

    private ObjectNode header(InputRecord record, String householdId) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("record", record.number());
        node.put("source", record.label());
        node.put("householdId", householdId);
        node.put("asOf", options.asOf().toString());
        return node;
    }

    private Compared error(InputRecord record, String householdId, Failure failure) {
        ObjectNode node = header(record, householdId);
        ObjectNode error = node.putObject("error");
        error.put("kind", failure.kind().name());
        error.put("message", failure.describe());
        error.set("problems", DecisionJson.problems(failure.problems()));
        return new Compared(HouseholdRecords.write(node), Tally.ERROR_RECORD, record.size());
    }

    /** The record a worker stuck past the deadline stands for. */
    private Compared givenUp(InputRecord record) {
        return error(record, null, BatchRunner.givenUp("re-screening", recordDeadline));
    }

    /** The answer now, with what it was: the service's texts, reasons, amounts and fee come from the candidate. */
    private static ObjectNode change(String service, Optional<ScreeningAnswer> was, Optional<ScreeningAnswer> is) {
        ObjectNode node = is.map(a -> ScreeningJson.answer(a, LANGUAGES))
                .orElseGet(() -> Json.JSON.createObjectNode().put("service", service).putNull("status"));
        node.put("was", was.map(a -> a.status().name()).orElse(null));
        return node;
    }

    private static boolean errorOn(Optional<ScreeningAnswer> answer, String side, ArrayNode errors) {
        if (answer.isEmpty() || answer.get().status() != ScreeningStatus.ERROR) {
            return false;
        }
        errors.addObject().put("service", answer.get().service()).put("side", side)
                .set("problems", DecisionJson.problems(answer.get().problems()));
        return true;
    }

    private static Map<String, BigDecimal> amounts(ScreeningAnswer answer) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Decision.Amount amount : answer.amounts()) {
            amounts.put(amount.code(), amount.value().stripTrailingZeros());
        }
        return amounts;
    }

    /**
     * Asks a run under way to stop, from any thread (a signal handler's): records already written stay whole, the
     * rest are dropped, and {@link #run} returns {@code false}.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Skips the first {@code skip} records (written by an earlier run), re-screens the rest on several threads and
     * writes one line per record, in input order, as a batch writes its decisions ({@link RecordRun}); a household
     * still being screened after the deadline becomes an error record of kind TIMEOUT.
     *
     * @return whether every record was written ({@code false} when {@link #stop} was called first)
     */
    public boolean run(RecordSource source, long skip, Writer out, RescreenSummary summary, int threads,
                       BatchRunner.ProgressListener progress) throws IOException {
        // Every household is screened for every service: compiling them is the run's cost, not its first record's.
        baseline.prepareAll();
        candidate.prepareAll();
        ChunkPipeline<Compared> pipeline = new ChunkPipeline<>(threads, this::compare, recordDeadline,
                this::givenUp);
        return RecordRun.run(source, skip, pipeline, Compared::inputBytes, new RecordRun.Output<>() {
            @Override
            public void write(Compared compared) throws IOException {
                out.write(compared.line());
                out.write('\n');
                summary.add(compared.tally());
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        }, progress, () -> stopRequested);
    }
}
