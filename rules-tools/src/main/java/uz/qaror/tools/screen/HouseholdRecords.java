package uz.qaror.tools.screen;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.ScreeningResult;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.screen.ScreeningJson;
import uz.qaror.tools.batch.ApplicationBytes;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.InputRecord;

/**
 * Households as records of a file: read from their bytes as a batch reads applications ({@link ApplicationBytes}:
 * the engine's input limits, strict UTF-8 and JSON; a record that cannot be read is a result with the problem,
 * never an exception, so that no record is lost) and screened; and the output line of a screened record.
 */
public final class HouseholdRecords {

    private HouseholdRecords() {
    }

    /** A record's household, or the failure that keeps it from being read. */
    static ApplicationBytes.Read read(DecisionEngine engine, InputRecord record) {
        return ApplicationBytes.read(record, engine.inputLimits(), "household");
    }

    /** Screens a household record; a record that is not a household gives a result with its problem. */
    public static ScreeningResult screen(DecisionEngine engine, InputRecord record, ScreeningOptions options) {
        ApplicationBytes.Read read = read(engine, record);
        if (read.failure() != null) {
            return notRead(options, read.failure());
        }
        return screen(engine, read.tree(), options);
    }

    /** Screens a household; a failure of the engine itself becomes the result's problem, so no record is lost. */
    static ScreeningResult screen(DecisionEngine engine, JsonNode household, ScreeningOptions options) {
        try {
            return engine.screen(options.request(household));
        } catch (RuntimeException e) {
            return notRead(options, BatchRunner.internalError(e));
        }
    }

    private static ScreeningResult notRead(ScreeningOptions options, Failure failure) {
        LocalDate date = options.asOf() != null ? options.asOf() : LocalDate.now(ApplicationReader.TASHKENT);
        return ScreeningResult.failed(null, date, failure.kind(), failure.problems());
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
