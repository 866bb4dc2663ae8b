package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches: formats, order across threads, resuming an interrupted run, the audit log. */
class BatchTest {

    @TempDir
    Path dir;

    Path input;
    List<String> applications;

    @BeforeEach
    void writeInput() throws Exception {
        applications = new ArrayList<>();
        try (var files = Files.list(CliTest.EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                applications.add(Files.readString(file).replaceAll("\\s*\\n\\s*", " "));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String line = applications.get(i % applications.size()).replaceFirst("\"id\": \"", "\"id\": \"" + i + "-");
            lines.add(i % 97 == 5 ? "{\"id\": " : line);
        }
        input = dir.resolve("in.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
    }

    @Test
    void manyThreadsKeepInputOrderAndGiveTheSameOutputAsOne() throws Exception {
        Path one = dir.resolve("one.jsonl");
        Path four = dir.resolve("four.jsonl");
        assertThat(CliTest.run("batch", input.toString(), "-o", one.toString(), "--threads", "1").exitCode())
                .isEqualTo(1);
        CliTest.run("batch", input.toString(), "-o", four.toString(), "--threads", "4");
        assertThat(Files.readAllLines(four)).hasSize(1200).isEqualTo(Files.readAllLines(one));
    }

    @Test
    void csvHasAHeaderAndOneRowPerRecord() throws Exception {
        Path csv = dir.resolve("out.csv");
        CliTest.run("batch", input.toString(), "-o", csv.toString(), "--format", "csv");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(1201);
        assertThat(rows.get(0)).startsWith("record,source,applicationId,service,outcome");
        assertThat(rows.get(6)).contains("MALFORMED_JSON");
    }

    @Test
    void readsAJsonArrayAndAFolder() throws Exception {
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[\n" + String.join(",\n", applications) + "\n]");
        Path out = dir.resolve("array-out.jsonl");
        CliTest.run("batch", array.toString(), "-o", out.toString());
        assertThat(Files.readAllLines(out)).hasSize(applications.size());

        Path folder = dir.resolve("folder");
        Files.createDirectories(folder);
        for (int i = 0; i < applications.size(); i++) {
            Files.writeString(folder.resolve("app-" + i + ".json"), applications.get(i));
        }
        Files.writeString(folder.resolve("broken.json"), "{");
        Path folderOut = dir.resolve("folder-out.jsonl");
        CliTest.run("batch", folder.toString(), "-o", folderOut.toString());
        List<String> records = Files.readAllLines(folderOut);
        assertThat(records).hasSize(applications.size() + 1);
        assertThat(records).anyMatch(r -> r.contains("\"source\":\"broken.json\"") && r.contains("MALFORMED_JSON"));
    }

    @Test
    void aBrokenArrayKeepsWhatWasDecidedForResume() throws Exception {
        Path array = dir.resolve("broken-array.json");
        Files.writeString(array, "[" + applications.get(0) + ", " + applications.get(1) + ", {\"id\": ]");
        Path out = dir.resolve("broken-out.jsonl");
        CliTest.Run run = CliTest.run("batch", array.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("broken after element 2");
        assertThat(out).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("broken-out.jsonl.partial"))).hasSize(2);
    }

    @Test
    void decisionLogHasOneLinePerRecordAndMasksIdentifiers() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path log = dir.resolve("audit.jsonl");
        CliTest.run("batch", input.toString(), "-o", out.toString(), "--decision-log", log.toString());
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(1200);
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("31405982610122").doesNotContain("3140*").contains("rulesVersion")
                .contains("inputSha256").contains("firedRules").contains("\"applicant.pinfl\":\"**************\"");
    }
}
