package uz.qaror.tools.screen;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/**
 * What one re-screened household counts for in the summary: the services it was and is eligible for, its offers,
 * losses, amount changes and services in error; or that its record is an error record. The same from the
 * comparison as from its written line, so that a resumed run counts the records an earlier run wrote.
 */
public record Tally(boolean errorRecord, List<String> eligibleBefore, List<String> eligibleAfter,
                    List<String> offers, List<String> losses, List<String> amountChanges, List<String> errors)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Tally {
        eligibleBefore = List.copyOf(eligibleBefore);
        eligibleAfter = List.copyOf(eligibleAfter);
        offers = List.copyOf(offers);
        losses = List.copyOf(losses);
        amountChanges = List.copyOf(amountChanges);
        errors = List.copyOf(errors);
    }

    static final Tally ERROR_RECORD = new Tally(true, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    /**
     * Reads what a written line counts for.
     *
     * @throws IllegalArgumentException when the line is not a record of a re-screening
     */
    public static Tally of(String line) {
        JsonNode node;
        try {
            node = Json.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a re-screening record: " + e.getOriginalMessage(), e);
        }
        if (node.has("error")) {
            return ERROR_RECORD;
        }
        if (!node.path("offers").isArray() || !node.path("eligibleAfter").isArray()) {
            throw new IllegalArgumentException("not a re-screening record (no offers or eligibleAfter)");
        }
        return new Tally(false, texts(node.get("eligibleBefore")), texts(node.get("eligibleAfter")),
                services(node.get("offers")), services(node.get("losses")), services(node.get("amountChanges")),
                services(node.get("errors")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The services an array names, each once (a service in error on both sides has an entry per side). */
    private static List<String> services(JsonNode array) {
        List<String> services = new ArrayList<>();
        array.forEach(item -> {
            String service = item.path("service").asText();
            if (!services.contains(service)) {
                services.add(service);
            }
        });
        return services;
    }
}
