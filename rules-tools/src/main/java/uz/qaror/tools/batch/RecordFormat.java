package uz.qaror.tools.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;

/**
 * How a batch writes its records: JSON Lines (the whole decision) or CSV (one row per decision). A JSON line never
 * holds a raw line break (JSON escapes it); a CSV cell may (an application id with a line break in it), quoted as
 * RFC 4180 says, so CSV records are told apart by line breaks outside quotes, never by lines.
 */
public enum RecordFormat {
    JSONL,
    CSV;

    private static final List<String> COLUMNS = List.of("record", "source", "applicationId", "service", "outcome",
            "reasons", "missing", "feeBca", "feeSoum", "amounts", "asOf", "dueDate", "rulesVersion", "errorKind",
            "errorMessage");
    /** A JSON record's own fields, their names quoted once (see DecisionJson's). */
    private static final SerializableString RECORD = new SerializedString("record");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = columns().withoutHeader();

    private static CsvSchema columns() {
        CsvSchema.Builder builder = CsvSchema.builder();
        COLUMNS.forEach(builder::addColumn);
        return builder.build();
    }

    public static RecordFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "'; use jsonl or csv", e);
        }
    }

    /** The first line of the file, or {@code null} when the format has none. */
    public String header() {
        return this == CSV ? String.join(",", COLUMNS) : null;
    }

    /**
     * Whether a line break inside double quotes belongs to the record (CSV) rather than ending it. A doubled quote
     * inside a quoted cell toggles twice, so counting quotes finds the record's end exactly.
     */
    boolean quotesHoldLineBreaks() {
        return this == CSV;
    }

    /** One output record (without its final line break) for one input record. */
    public String format(InputRecord record, Result result, Language language) {
        try {
            return this == JSONL ? jsonLine(record, result, language) : csvLine(record, result, language);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record is always serialisable", e);
        }
    }

    /**
     * The same record as UTF-8 bytes, for a run that writes to a stream of bytes: a JSON record is written as bytes
     * at once, a CSV one encoded from its text.
     */
    public byte[] utf8(InputRecord record, Result result, Language language) {
        return this == JSONL ? DecisionJson.utf8(jsonRecord(record, result, language))
                : format(record, result, language).getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonLine(InputRecord record, Result result, Language language) {
        return DecisionJson.text(jsonRecord(record, result, language));
    }

    /** The record's number and source, then the decision's fields, written straight from the result. */
    private static DecisionJson.JsonWriter jsonRecord(InputRecord record, Result result, Language language) {
        return generator -> {
            generator.writeStartObject();
            generator.writeFieldName(RECORD);
            generator.writeNumber(record.number());
            generator.writeFieldName(SOURCE);
            generator.writeString(record.label());
            DecisionJson.writeFields(generator, result, language);
            generator.writeEndObject();
        };
    }

    private static String csvLine(InputRecord record, Result result, Language language)
            throws JsonProcessingException {
        List<Object> row = new ArrayList<>();
        row.add(record.number());
        row.add(record.label());
        row.add(result.applicationId() == null ? "" : result.applicationId());
        row.add(result.service() == null ? "" : result.service());
        if (result instanceof Decision d) {
            row.add(d.outcome().name());
            row.add(d.reasons().stream().map(r -> r.code()).collect(Collectors.joining(";")));
            row.add(String.join(";", d.missing()));
            row.add(d.fee() == null ? "" : d.fee().totalBca().toPlainString());
            row.add(d.fee() == null ? "" : d.fee().totalSoum().toPlainString());
            row.add(d.amounts().stream().map(a -> a.code() + "=" + a.value().toPlainString())
                    .collect(Collectors.joining(";")));
            row.add(d.asOf().toString());
            row.add(d.dueDate() == null ? "" : d.dueDate().toString());
            row.add(d.rulesVersion());
            row.add("");
            row.add("");
        } else {
            Failure f = (Failure) result;
            for (int i = 0; i < 9; i++) {
                row.add("");
            }
            row.add(f.kind().name());
            row.add(f.describe());
        }
        String line = CSV_MAPPER.writer(CSV_SCHEMA).writeValueAsString(row);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** What a written line says, for rebuilding the summary of a resumed batch. */
    record Recorded(String service, String outcome, String errorKind) {
    }

    Recorded read(String line) throws java.io.IOException {
        if (this == JSONL) {
            JsonNode node = Json.JSON.readTree(line);
            return new Recorded(node.path("service").asText(null), node.path("outcome").asText(null),
                    node.path("error").path("kind").asText(null));
        }
        List<String> cells = CSV_MAPPER.readerForListOf(String.class)
                .with(CsvSchema.emptySchema().withoutHeader()).readValue(line);
        String outcome = cells.size() > 4 && !cells.get(4).isEmpty() ? cells.get(4) : null;
        String kind = cells.size() > 13 && !cells.get(13).isEmpty() ? cells.get(13) : null;
        return new Recorded(cells.size() > 3 ? cells.get(3) : null, outcome, kind);
    }
}
