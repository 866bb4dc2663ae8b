package uz.qaror.tools.screen;

import java.io.Serializable;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/**
 * The counts of a re-screening: households, error records, and per service how many households were and are
 * eligible, were newly offered it, lost it, saw its amounts change, or could not be screened for it. Summaries of
 * parts (threads, Spark partitions, an interrupted run) merge into one.
 */
public final class RescreenSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The counts of one service. */
    public record ServiceRow(String service, long eligibleBefore, long eligibleAfter, long offers, long losses,
                             long amountChanges, long errors) {
    }

    private long households;
    private long errorRecords;
    private long withOffers;
    private long withLosses;
    /** Per service: eligible before, eligible after, offers, losses, amount changes, errors. */
    private final TreeMap<String, long[]> byService = new TreeMap<>();

    public void add(Tally tally) {
        households++;
        if (tally.errorRecord()) {
            errorRecords++;
            return;
        }
        withOffers += tally.offers().isEmpty() ? 0 : 1;
        withLosses += tally.losses().isEmpty() ? 0 : 1;
        count(tally.eligibleBefore(), 0);
        count(tally.eligibleAfter(), 1);
        count(tally.offers(), 2);
        count(tally.losses(), 3);
        count(tally.amountChanges(), 4);
        count(tally.errors(), 5);
    }

    private void count(List<String> services, int column) {
        for (String service : services) {
            byService.computeIfAbsent(service, s -> new long[6])[column]++;
        }
    }

    /** Adds the counts of another part. */
    public RescreenSummary merge(RescreenSummary other) {
        households += other.households;
        errorRecords += other.errorRecords;
        withOffers += other.withOffers;
        withLosses += other.withLosses;
        other.byService.forEach((service, counts) -> {
            long[] mine = byService.computeIfAbsent(service, s -> new long[6]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += counts[i];
            }
        });
        return this;
    }

    public long households() {
        return households;
    }

    public long errorRecords() {
        return errorRecords;
    }

    public long withOffers() {
        return withOffers;
    }

    public long withLosses() {
        return withLosses;
    }

    /** The services with anything counted, by id. */
    public List<ServiceRow> services() {
        return byService.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            return new ServiceRow(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]);
        }).toList();
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("households", households);
        node.put("errorRecords", errorRecords);
        node.put("householdsWithOffers", withOffers);
        node.put("householdsWithLosses", withLosses);
        ObjectNode services = node.putObject("services");
        for (ServiceRow row : services()) {
            services.putObject(row.service()).put("eligibleBefore", row.eligibleBefore())
                    .put("eligibleAfter", row.eligibleAfter()).put("offers", row.offers())
                    .put("losses", row.losses()).put("amountChanges", row.amountChanges())
                    .put("errors", row.errors());
        }
        return node;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
