package uz.qaror.internal.table;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import uz.qaror.Diagnostic;

/**
 * Reads and writes decision tables as CSV, as spreadsheet programs save them: UTF-8 with or without a
 * byte-order mark (Excel's "CSV UTF-8" writes one; UTF-16 with its mark is read too), cells separated by
 * {@code ,}, or by {@code ;} as Excel does where the comma is the decimal sign (Russian and Uzbek locales) or by
 * tabs, and lines ending in LF or CRLF. Quoted cells may hold the separator, quotes and line breaks.
 *
 * <p>Drools' own CSV reader knows none of this: it takes a byte-order mark for part of the first cell, and a
 * {@code ;} file for one column. A cell ending in {@code ...} continues a merged range, as in Drools.
 */
public final class CsvTables {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final String MERGE = "...";
    /** The words of Drools' decision tables that stand alone in a cell when the file is split correctly. */
    private static final Set<String> KEYWORDS = Set.of("RULESET", "IMPORT", "VARIABLES", "FUNCTIONS", "NOTES",
            "SEQUENTIAL", "NAME", "DESCRIPTION", "CONDITION", "ACTION", "METADATA", "PRIORITY", "SALIENCE",
            "ACTIVATION-GROUP", "AGENDA-GROUP", "NO-LOOP", "DURATION", "TIMER", "CALENDARS", "ENABLED",
            "DATE-EFFECTIVE", "DATE-EXPIRES", "RULEFLOW-GROUP", "LOCK-ON-ACTIVE", "AUTO-FOCUS");

    private CsvTables() {
    }

    /**
     * Reads a CSV table.
     *
     * @param display the file as diagnostics name it
     * @throws TableException naming the line of text that cannot be read
     */
    public static TableGrid read(byte[] content, String display) {
        String text = decode(content, display);
        char separator = separatorOf(text);
        try {
            return parse(text, separator);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new TableException(Diagnostic.error(display, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "this is not a well-formed CSV table: "
                            + e.getOriginalMessage().lines().findFirst().orElse("")));
        }
    }

    /** The separator of a file: the one that leaves the table's keywords in cells of their own. */
    static char separatorOf(String text) {
        char best = ',';
        int bestScore = -1;
        for (char separator : SEPARATORS) {
            int score;
            try {
                score = keywordCells(parse(text, separator));
            } catch (JsonProcessingException e) {
                continue;
            }
            // Ties (a table without keywords) go to the separator that splits the first line most.
            if (score > bestScore || score == bestScore && score == 0
                    && unquoted(text, separator) > unquoted(text, best)) {
                best = separator;
                bestScore = score;
            }
        }
        return best;
    }

    private static int keywordCells(TableGrid grid) {
        int count = 0;
        for (List<TableGrid.Cell> row : grid.rows()) {
            for (TableGrid.Cell cell : row) {
                String word = cell.text().trim().toUpperCase(Locale.ROOT);
                if (KEYWORDS.contains(word) || word.startsWith("RULETABLE ")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** How often a separator occurs outside quotes on the first line. */
    private static int unquoted(String text, char separator) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && (quoted || text.charAt(i) != '\n'); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static TableGrid parse(String text, char separator) throws JsonProcessingException {
        List<List<TableGrid.Cell>> rows = new ArrayList<>();
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(text)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<TableGrid.Cell> row = null;
            int mergedFrom = TableGrid.NOT_MERGED;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inArray()) {
                    row = new ArrayList<>();
                    mergedFrom = TableGrid.NOT_MERGED;
                } else if (token == JsonToken.END_ARRAY && row != null) {
                    rows.add(row);
                    row = null;
                } else if (token == JsonToken.VALUE_STRING && row != null) {
                    String cell = parser.getText();
                    JsonLocation where = parser.currentTokenLocation();
                    // Drools' CSV convention for merged cells: a cell ending in "..." spans from the previous.
                    boolean merged = cell.endsWith(MERGE);
                    mergedFrom = !merged ? TableGrid.NOT_MERGED
                            : mergedFrom == TableGrid.NOT_MERGED ? row.size() : mergedFrom;
                    row.add(new TableGrid.Cell(merged ? cell.substring(0, cell.length() - MERGE.length()) : cell,
                            mergedFrom, where.getLineNr(), where.getColumnNr()));
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new TableGrid(null, rows);
    }

    /** The text of a file, from UTF-8 (with or without its byte-order mark) or marked UTF-16. */
    private static String decode(byte[] content, String display) {
        int skip = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(content, 0xFF, 0xFE)) {
            skip = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(content, 0xFE, 0xFF)) {
            skip = 2;
            charset = StandardCharsets.UTF_16BE;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new TableException(Diagnostic.error(display, lineOfFirstBadByte(content, skip), 0,
                    "the file is not UTF-8 text; in Excel save it as \"CSV UTF-8 (Comma delimited)\", or turn it "
                            + "into a workbook with: qaror table to-xlsx"));
        }
    }

    private static int lineOfFirstBadByte(byte[] content, int skip) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = skip;
        for (int i = skip; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(content, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table as CSV the way the catalog keeps it: UTF-8 without a byte-order mark, {@code ,} between cells,
     * LF after each row, quotes only where a cell needs them; a merged range written with Drools' {@code ...}.
     */
    public static String write(TableGrid grid) {
        StringWriter out = new StringWriter();
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
        try (CsvGenerator generator = (CsvGenerator) MAPPER.getFactory().createGenerator(out)) {
            generator.setSchema(schema);
            generator.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
            for (List<TableGrid.Cell> row : grid.rows()) {
                generator.writeStartArray();
                for (int column = 0; column < row.size(); column++) {
                    TableGrid.Cell cell = row.get(column);
                    String text = cell.mergedFrom() == TableGrid.NOT_MERGED ? cell.text()
                            : cell.mergedFrom() == column ? cell.text() + MERGE : MERGE;
                    generator.writeString(text);
                }
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
