package uz.qaror.tools.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/** The counts of a simulation, built as results arrive, and its JSON form. */
public final class SimulationReport {

    static final int SAMPLES_PER_TRANSITION = 5;

    private final int maxChanges;
    private long records;
    private long changed;
    private long outcomeChanged;
    private final Map<String, ServiceFigures> services = new TreeMap<>();
    private final List<Simulator.Compared> changes = new ArrayList<>();

    SimulationReport(int maxChanges) {
        this.maxChanges = maxChanges;
    }

    /** The figures of one service. */
    static final class ServiceFigures {
        long records;
        long changed;
        long outcomeChanged;
        final Map<String, Map<String, Long>> transitions = new TreeMap<>();
        final Map<String, List<String>> samples = new TreeMap<>();
        final Map<String, long[]> amountChangeCounts = new TreeMap<>();
        final Map<String, BigDecimal> amountDeltas = new TreeMap<>();
    }

    void add(Simulator.Compared compared) {
        records++;
        ServiceFigures figures = services.computeIfAbsent(compared.service(), s -> new ServiceFigures());
        figures.records++;
        figures.transitions.computeIfAbsent(compared.before(), k -> new TreeMap<>())
                .merge(compared.after(), 1L, Long::sum);
        if (compared.changed()) {
            changed++;
            figures.changed++;
            if (!compared.before().equals(compared.after())) {
                outcomeChanged++;
                figures.outcomeChanged++;
                List<String> samples = figures.samples.computeIfAbsent(compared.before() + " -> " + compared.after(),
                        k -> new ArrayList<>());
                if (samples.size() < SAMPLES_PER_TRANSITION) {
                    samples.add(compared.applicationId());
                }
            }
            compared.amountChanges().forEach((code, values) -> {
                figures.amountChangeCounts.computeIfAbsent(code, k -> new long[1])[0]++;
                figures.amountDeltas.merge(code, values[1].subtract(values[0]), BigDecimal::add);
            });
            if (changes.size() < maxChanges) {
                changes.add(compared);
            }
        }
    }

    public long records() {
        return records;
    }

    public long changed() {
        return changed;
    }

    /** The applications whose outcome changes (the others of {@link #changed()} change an amount or the fee). */
    public long outcomeChanged() {
        return outcomeChanged;
    }

    /**
     * The report as JSON: totals, per-service transition matrices, amount changes, samples, changed records.
     * {@code changed} counts every application that changes; {@code outcomeChanged} those whose outcome changes,
     * {@code amountsOnly} those that keep their outcome and change an amount or the fee.
     */
    public ObjectNode toJson(String baseline, String candidate, String asOf) {
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("baseline", baseline);
        root.put("candidate", candidate);
        root.put("asOf", asOf);
        root.put("records", records);
        root.put("changed", changed);
        root.put("outcomeChanged", outcomeChanged);
        root.put("amountsOnly", changed - outcomeChanged);
        Map<String, Map<String, Long>> total = new TreeMap<>();
        ObjectNode byService = root.putObject("services");
        services.forEach((service, figures) -> {
            ObjectNode node = byService.putObject(service);
            node.put("records", figures.records);
            node.put("changed", figures.changed);
            node.put("outcomeChanged", figures.outcomeChanged);
            node.put("amountsOnly", figures.changed - figures.outcomeChanged);
            ObjectNode matrix = node.putObject("transitions");
            figures.transitions.forEach((from, row) -> {
                ObjectNode r = matrix.putObject(from);
                row.forEach((to, count) -> {
                    r.put(to, count);
                    total.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, count, Long::sum);
                });
            });
            ObjectNode samples = node.putObject("samples");
            figures.samples.forEach((transition, ids) -> {
                ArrayNode list = samples.putArray(transition);
                ids.forEach(list::add);
            });
            ObjectNode amounts = node.putObject("amountChanges");
            figures.amountChangeCounts.forEach((code, count) -> amounts.putObject(code).put("applications", count[0])
                    .put("totalDelta", figures.amountDeltas.get(code)));
        });
        ObjectNode matrix = root.putObject("transitions");
        total.forEach((from, row) -> {
            ObjectNode r = matrix.putObject(from);
            row.forEach(r::put);
        });
        root.put("changesListed", changes.size());
        ArrayNode list = root.putArray("changes");
        for (Simulator.Compared c : changes) {
            ObjectNode node = list.addObject();
            node.put("record", c.record());
            node.put("applicationId", c.applicationId());
            node.put("service", c.service());
            node.put("before", c.before());
            node.put("after", c.after());
            ObjectNode amounts = node.putObject("amounts");
            c.amountChanges().forEach((code, values) -> amounts.putObject(code).put("before", values[0])
                    .put("after", values[1]));
        }
        return root;
    }
}
