package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;

/** Hostile records and what they must not do: split, hang, exhaust memory, crash the log, reach the terminal. */
class HostileInputTest {

    @TempDir
    Path dir;

    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(Json.JSON.readTree(line));
        }
        return records;
    }

    @Test
    void onlyALineFeedEndsARecordAndAStrayCarriageReturnIsData() throws Exception {
        List<String> lines = Inputs.marriages(1000);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i % 10 == 3) {
                // a carriage return between tokens: whitespace to JSON, the record is decided
                line = line.replace("\"service\":", "\r\"service\":");
            } else if (i % 10 == 6) {
                // a raw carriage return inside a string: that record alone is malformed
                line = line.replace("\"id\": \"", "\"id\": \"\r");
            }
            input.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            input.writeBytes(i % 10 == 8 ? "\r\n".getBytes(StandardCharsets.UTF_8) : new byte[] {'\n'});
        }
        Path in = Files.write(dir.resolve("in.jsonl"), input.toByteArray());
        Path out = dir.resolve("out.jsonl");
        CliTest.Run run = CliTest.run("batch", in.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<JsonNode> records = records(out);
        assertThat(records).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            JsonNode record = records.get(i);
            assertThat(record.get("record").asInt()).isEqualTo(i + 1);
            assertThat(record.get("source").asText()).isEqualTo("line " + (i + 1));
            if (i % 10 == 6) {
                assertThat(record.path("error").path("kind").asText()).as(record.toString())
                        .isEqualTo("MALFORMED_JSON");
            } else {
                assertThat(record.has("outcome")).as(record.toString()).isTrue();
            }
        }
    }

    @Test
    void invalidUtf8IsAnErrorRecordAsEvaluateRefusesIt() throws Exception {
        String good = Inputs.example("marriage-registration");
        byte[][] hostile = {
                {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        String[] halves = good.split("Toshkent", 2);
        for (byte[] bytes : hostile) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
            record.writeBytes(bytes);
            record.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
            Path single = Files.write(dir.resolve("single.json"), record.toByteArray());
            assertThat(CliTest.run("evaluate", single.toString()).exitCode()).isNotZero();
            input.writeBytes(record.toByteArray());
            input.write('\n');
        }
        input.writeBytes(good.getBytes(StandardCharsets.UTF_8));
        input.write('\n');
        Path in = Files.write(dir.resolve("in.jsonl"), input.toByteArray());
        Path out = dir.resolve("out.jsonl");
        assertThat(CliTest.run("batch", in.toString(), "-o", out.toString()).exitCode()).isEqualTo(1);
        List<JsonNode> records = records(out);
        assertThat(records).hasSize(hostile.length + 1);
        for (int i = 0; i < hostile.length; i++) {
            assertThat(records.get(i).path("error").path("kind").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(records.get(i).path("error").path("message").asText()).contains("not UTF-8");
        }
        assertThat(records.get(hostile.length).path("outcome").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theDecisionLogSurvivesAnyShapeOfIdentifiersAndHousehold() throws Exception {
        String good = Inputs.example("marriage-registration");
        List<String> shapes = List.of("{\"a\": {\"pinfl\": \"31405982610122\"}}", "\"x\"", "5", "null", "true",
                "[1, \"x\", null, [], {\"pinfl\": {}}, {\"pinfl\": [1]}, {\"pinfl\": 31405982610122}]", "[[[]]]");
        List<String> lines = new ArrayList<>();
        for (String shape : shapes) {
            lines.add(good.replace("\"form\":", "\"household\": {\"members\": " + shape + "}, \"form\":"));
            lines.add(good.replace("\"form\":", "\"household\": " + shape + ", \"form\":"));
            lines.add(good.replace("\"pinfl\": \"31405982610122\"", "\"pinfl\": " + shape));
            lines.add(good.replaceFirst("\"applicant\": \\{", "\"applicant\": " + shape + ", \"was\": {"));
        }
        lines.add("[]");
        lines.add("{\"applicant\": []}");
        Path in = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path out = dir.resolve("out.jsonl");
        Path log = dir.resolve("log.jsonl");
        CliTest.Run run = CliTest.run("batch", in.toString(), "-o", out.toString(), "--decision-log", log.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Files.readAllLines(out)).hasSize(lines.size());
        assertThat(Files.readAllLines(log)).hasSize(lines.size());
        assertThat(Files.readString(log)).doesNotContain("31405982610122");
    }

    @Test
    void identifiersKeepNoDigitsInTheLogOrInErrorMessagesAndLinkOnlyWithAKey() throws Exception {
        String good = Inputs.example("marriage-registration");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // a wrong check digit: the engine's message names the PINFL
            lines.add(i % 2 == 0 ? good : good.replace("31405982610122", "31405982610123"));
        }
        Path in = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path csv = dir.resolve("out.csv");
        Path log = dir.resolve("log.jsonl");
        CliTest.run("batch", in.toString(), "-o", csv.toString(), "--format", "csv", "--decision-log",
                log.toString());
        String rows = Files.readString(csv);
        assertThat(rows).contains("INVALID_FIELD").doesNotContain("3140598261012");
        for (JsonNode line : records(log)) {
            String pinfl = line.path("identifiers").path("applicant.pinfl").asText();
            assertThat(pinfl).isNotEmpty().doesNotContainPattern("[0-9]");
            assertThat(line.path("identifiers").path("applicant.phone").asText()).doesNotContainPattern("[0-9]");
        }

        byte[] key = "a key the operator keeps, 32 by".getBytes(StandardCharsets.UTF_8);
        Path keyFile = Files.write(dir.resolve("link.key"), (new String(key, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path linked = dir.resolve("linked.jsonl");
        CliTest.run("batch", in.toString(), "-o", dir.resolve("out.jsonl").toString(), "--decision-log",
                linked.toString(), "--link-key-file", keyFile.toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "hmac-sha256:" + HexFormat.of().formatHex(java.util.Arrays.copyOf(
                mac.doFinal("pinfl:31405982610122".getBytes(StandardCharsets.UTF_8)), 16));
        List<JsonNode> records = records(linked);
        assertThat(records.get(0).path("identifiers").path("applicant.pinfl").asText()).isEqualTo(expected);
        assertThat(records.get(2).path("identifiers").path("applicant.pinfl").asText()).isEqualTo(expected);
        assertThat(records.get(1).path("identifiers").path("applicant.pinfl").asText()).isNotEqualTo(expected);

        CliTest.Run shortKey = CliTest.run("batch", in.toString(), "--decision-log", linked.toString(),
                "--link-key-file", Files.writeString(dir.resolve("short.key"), "short\n").toString());
        assertThat(shortKey.exitCode()).isEqualTo(2);
        assertThat(shortKey.err()).contains("at least 16");
    }

    @Test
    void controlCharactersFromInputNeverReachTheTerminalRaw() throws Exception {
        String good = Inputs.example("marriage-registration");
        Path forged = Files.writeString(dir.resolve("forged.json"),
                good.replace("\"service\": \"marriage-registration\"",
                        "\"service\": \"x\\u001b[2J\\nqaror: all 20000 applications approved\\u202e\""));
        CliTest.Run run = CliTest.run("evaluate", forged.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\u202e")
                .doesNotContainPattern(Pattern.compile("^qaror: all", Pattern.MULTILINE))
                .contains("service: contains U+001B (a control character)");

        CliTest.Run missing = CliTest.run("batch", dir.resolve("no\u001b[31mfile").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).doesNotContain("\u001b").contains("no\\u001b[31mfile");

        // A file name, echoed in its record's source, is bounded.
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.writeString(folder.resolve("a".repeat(240) + ".json"), good);
        Path out = dir.resolve("out.jsonl");
        CliTest.run("batch", folder.toString(), "-o", out.toString());
        assertThat(records(out).get(0).get("source").asText().length()).isLessThanOrEqualTo(203);
    }

    @Test
    void oversizedRecordsAreSkippedAndMemoryIsBoundedByBytesInFlight() throws Exception {
        String good = Inputs.example("marriage-registration");
        // Records just under the limit (a long address) and records far over it, through a 128 MB heap.
        String large = good.replace("Toshkent sh., Yunusobod tumani", "x".repeat(1_000_000));
        byte[] huge = ("{\"id\": \"" + "y".repeat(3_000_000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] largeLine = (large + "\n").getBytes(StandardCharsets.UTF_8);
        int records = 300;
        Path out = dir.resolve("out.jsonl");
        Process child = Child.builder(dir, List.of("-Xmx128m"), "batch", "-", "-o", out.toString(), "--threads", "2")
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        try (OutputStream stdin = child.getOutputStream()) {
            for (int i = 0; i < records; i++) {
                stdin.write(i % 3 == 0 ? huge : i % 3 == 1 ? largeLine
                        : (good + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the child died: the exit code below says why
        }
        int code = Child.await(child, Duration.ofSeconds(240));
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(code).as(err).isEqualTo(1);
        List<JsonNode> written = records(out);
        assertThat(written).hasSize(records);
        for (int i = 0; i < records; i++) {
            JsonNode record = written.get(i);
            assertThat(record.get("record").asInt()).isEqualTo(i + 1);
            if (i % 3 == 0) {
                assertThat(record.path("error").path("kind").asText()).isEqualTo("LIMIT_EXCEEDED");
                assertThat(record.path("error").path("message").asText()).contains("3,000,011 bytes");
            } else if (i % 3 == 1) {
                // Within the batch's bound, so read whole and handed to the engine, whose own limits refuse it
                assertThat(record.path("error").path("kind").asText()).isEqualTo("LIMIT_EXCEEDED");
                assertThat(record.path("error").path("message").asText()).doesNotContain("limit of one record");
            } else {
                assertThat(record.path("outcome").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void aRecordStuckInAnEndlessLoopIsGivenUpAndTheRunFinishes() throws Exception {
        Path rules = dir.resolve("rules");
        DecisionEngineCopies.copy(SimulateAndGenerateTest.CATALOG, rules);
        Path drl = rules.resolve("services/marriage-registration/rules.drl");
        Files.writeString(drl, Files.readString(drl) + """

                rule "Loops forever for one application"
                    @legalBasis("none: a test of the batch's deadline")
                when
                    Application(id == "LOOP")
                then
                    long spin = 0;
                    while (spin >= 0) { spin = (spin + 1) & 0xffff; }
                end
                """);
        List<String> lines = Inputs.marriages(40);
        lines.set(7, lines.get(7).replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"LOOP\""));
        lines.set(30, lines.get(30).replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"LOOP\""));
        Path in = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path out = dir.resolve("out.jsonl");
        long started = System.nanoTime();
        // A deadline of 4 s of CPU time (40 s of wall-clock time at most, on a loaded machine) gives the two up.
        Child.Result run = Child.run(dir, Duration.ofSeconds(180), List.of(), "batch", in.toString(), "-o",
                out.toString(), "--rules", rules.toString(), "--threads", "2", "--record-timeout", "4");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(150));
        List<JsonNode> written = records(out);
        assertThat(written).hasSize(40);
        for (int i = 0; i < 40; i++) {
            JsonNode record = written.get(i);
            assertThat(record.get("record").asInt()).isEqualTo(i + 1);
            if (i == 7 || i == 30) {
                assertThat(record.path("error").path("kind").asText()).isEqualTo("TIMEOUT");
            } else {
                assertThat(record.has("outcome")).as(record.toString()).isTrue();
            }
        }
        assertThat(run.err()).contains("TIMEOUT");
    }
}
