package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.json.Json;

/**
 * The batch contract, for generated inputs with hostile records mixed in (invalid UTF-8, carriage returns, records
 * over the size limit, blank lines, wrong shapes, not JSON): exactly one output record and one log line per input
 * record, in order, each with its own record number and line, and the kind of error the record deserves.
 */
class BatchContractTest {

    private static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
    private static final int LIMIT = 4096;
    private static DecisionEngine engine;
    private static String application;

    @BeforeContainer
    static void engine() throws IOException {
        engine = DecisionEngine.fromDirectory(CATALOG);
        application = Files.readString(Path.of("../examples/applications/marriage-registration.json"))
                .replaceAll("\\s*\\n\\s*", " ");
    }

    @AfterContainer
    static void close() {
        engine.close();
    }

    /** One input record: its bytes (never a line feed) and the error kind it must give, or null for a decision. */
    record Hostile(byte[] bytes, String kind) {
    }

    @Provide
    Arbitrary<List<Hostile>> inputs() {
        Arbitrary<Hostile> valid = Arbitraries.just(new Hostile(bytes(application), null));
        Arbitrary<Hostile> crBetweenTokens = Arbitraries.just(
                new Hostile(bytes(application.replace(", \"service\"", ",\r\"service\"")), null));
        Arbitrary<Hostile> crInString = Arbitraries.just(
                new Hostile(bytes(application.replace("\"id\": \"", "\"id\": \"\r")), "MALFORMED_JSON"));
        Arbitrary<Hostile> windowsLineEnd = Arbitraries.just(new Hostile(bytes(application + "\r"), null));
        Arbitrary<Hostile> badUtf8 = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                .map(bad -> {
                    String[] halves = application.split("Toshkent", 2);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(bytes(halves[0]));
                    out.writeBytes(bad);
                    out.writeBytes(bytes(halves[1]));
                    return new Hostile(out.toByteArray(), "MALFORMED_JSON");
                });
        Arbitrary<Hostile> huge = Arbitraries.integers().between(LIMIT + 1, LIMIT * 4)
                .map(n -> new Hostile(bytes("{\"id\": \"" + "x".repeat(n) + "\"}"), "LIMIT_EXCEEDED"));
        Arbitrary<Hostile> blank = Arbitraries.of("", " ", "\t ", "\r").map(s -> new Hostile(bytes(s),
                "MALFORMED_JSON"));
        Arbitrary<Hostile> notJson = Arbitraries.strings().withChars("{}[]\":,ab1 \\").ofMaxLength(30)
                .filter(s -> !s.isBlank())
                .filter(s -> {
                    try {
                        Json.JSON.readTree(s);
                        return false;
                    } catch (IOException e) {
                        return true;
                    }
                })
                .map(s -> new Hostile(bytes(s), "MALFORMED_JSON"));
        Arbitrary<String> shape = Arbitraries.of("{}", "[]", "\"x\"", "5", "null", "true", "[{}]", "{\"a\": [1]}",
                "[1, {\"pinfl\": {}}]");
        Arbitrary<Hostile> wrongShape = Combinators.combine(Arbitraries.of("\"members\": ", "\"household\": ",
                "\"applicant\": ", "\"pinfl\": "), shape).as((field, value) -> {
                    String text = field.equals("\"members\": ")
                            ? application.replace("\"form\":", "\"household\": {\"members\": " + value + "}, \"form\":")
                            : field.equals("\"household\": ")
                            ? application.replace("\"form\":", "\"household\": " + value + ", \"form\":")
                            : field.equals("\"pinfl\": ")
                            ? application.replace("\"pinfl\": \"31405982610122\"", "\"pinfl\": " + value)
                            : application.replaceFirst("\"applicant\": \\{", "\"applicant\": " + value + ", \"x\": {");
                    return new Hostile(bytes(text), "?");
                });
        Arbitrary<Hostile> top = Arbitraries.of("[]", "5", "\"text\"", "null").map(s -> new Hostile(bytes(s),
                "MALFORMED_JSON"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, valid), net.jqwik.api.Tuple.of(1, crBetweenTokens),
                net.jqwik.api.Tuple.of(1, crInString), net.jqwik.api.Tuple.of(1, windowsLineEnd),
                net.jqwik.api.Tuple.of(2, badUtf8), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, blank),
                net.jqwik.api.Tuple.of(2, notJson), net.jqwik.api.Tuple.of(3, wrongShape),
                net.jqwik.api.Tuple.of(1, top))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 30)
    void everyInputRecordGivesExactlyOneOutputRecordInOrder(@ForAll("inputs") List<Hostile> generated,
                                                            @ForAll boolean finalLineFeed) throws IOException {
        // A stream whose first non-blank byte is '[' is read as one JSON array, by design: JSON Lines start otherwise.
        List<Hostile> records = new java.util.ArrayList<>(generated);
        records.add(0, new Hostile(bytes(application), null));
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            input.writeBytes(records.get(i).bytes());
            boolean last = i == records.size() - 1;
            // Without a final line feed the last record still counts, unless it is empty (then nothing is there).
            if (!last || finalLineFeed || records.get(i).bytes().length == 0) {
                input.write('\n');
            }
        }
        StringWriter out = new StringWriter();
        StringWriter log = new StringWriter();
        // A generous deadline: this is about the contract, and a loaded build machine may be slow.
        BatchRunner runner = BatchRunner.builder(engine).language(Language.EN).threads(2).decisionLog(true)
                .recordDeadline(java.time.Duration.ofMinutes(2)).build();
        try (RecordSource source = RecordSource.of(new ByteArrayInputStream(input.toByteArray()), input.size(),
                LIMIT)) {
            BatchSummary summary = runner.run(source, 0, out, log, new BatchSummary(), progress -> { });
            assertThat(summary.records()).isEqualTo(records.size());
        }
        List<String> lines = out.toString().lines().toList();
        List<String> logLines = log.toString().lines().toList();
        assertThat(lines).hasSize(records.size());
        assertThat(logLines).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = Json.JSON.readTree(lines.get(i));
            assertThat(record.get("record").asLong()).isEqualTo(i + 1);
            assertThat(record.get("source").asText()).isEqualTo("line " + (i + 1));
            assertThat(Json.JSON.readTree(logLines.get(i)).get("record").asLong()).isEqualTo(i + 1);
            String expected = records.get(i).kind();
            String kind = record.path("error").path("kind").asText(null);
            if (expected == null) {
                assertThat(record.path("outcome").asText()).as(lines.get(i)).isEqualTo("APPROVED");
            } else if (!expected.equals("?")) {
                assertThat(kind).as(lines.get(i)).isEqualTo(expected);
            }
            assertThat(logLines.get(i)).doesNotContain("31405982610122");
        }
    }
}
