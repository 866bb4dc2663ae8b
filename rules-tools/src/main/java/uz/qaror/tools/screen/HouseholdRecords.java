package uz.qaror.tools.screen;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.ScreeningResult;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.screen.ScreeningJson;
import uz.qaror.tools.batch.InputRecord;

/**
 * Households as records of a file: read from text (a blank or malformed record is a result with the problem,
 * never an exception, so that no record is lost) and screened; and the output line of a screened record.
 */
public final class HouseholdRecords {

    private HouseholdRecords() {
    }

    /** The JSON of a record, or the problem that keeps it from being read. */
    public record Parsed(JsonNode household, Problem problem) {
    }

    public static Parsed parse(String text) {
        if (text.isBlank()) {
            return new Parsed(null, new Problem("$", "the record is empty; each holds one household"));
        }
        try {
            return new Parsed(Json.JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, DecisionEngine.malformed(e).problems().get(0));
        }
    }

    /** Screens a household given as text; a record that is not a household gives a result with its problem. */
    public static ScreeningResult screen(DecisionEngine engine, String text, ScreeningOptions options) {
        Parsed parsed = parse(text);
        if (parsed.problem() != null) {
            return notRead(options, parsed.problem());
        }
        return screen(engine, parsed.household(), options);
    }

    /** Screens a household; a failure of the engine itself becomes the result's problem, so no record is lost. */
    static ScreeningResult screen(DecisionEngine engine, JsonNode household, ScreeningOptions options) {
        try {
            return engine.screen(options.request(household));
        } catch (RuntimeException e) {
            return notRead(options, new Problem("$", "internal error: " + e));
        }
    }

    static ScreeningResult notRead(ScreeningOptions options, Problem problem) {
        LocalDate date = options.asOf() != null ? options.asOf() : LocalDate.now(ApplicationReader.TASHKENT);
        return new ScreeningResult(null, date, List.of(), List.of(problem), List.of());
    }

    /**
     * The output line of a screened record: {@code record}, {@code source}, then the result as
     * {@link ScreeningResult#toJson} writes it (texts in the given languages).
     */
    public static String line(InputRecord record, ScreeningResult result, List<Language> languages) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("record", record.number());
        node.put("source", record.label());
        node.setAll(ScreeningJson.toNode(result, languages));
        return write(node);
    }

    static String write(JsonNode node) {
        try {
            return Json.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record is always serialisable", e);
        }
    }
}
