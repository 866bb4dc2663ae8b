package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.BatchRunner.BatchProgress;

/** What a batch tells its operator while it runs and when it ends. */
class BatchReportTest {

    @TempDir
    Path dir;

    @Test
    void progressCountsRecordsWrittenNotBytesReadAhead() throws Exception {
        // Lines of one length: the share of bytes done is then exactly the share of records done.
        List<String> lines = new ArrayList<>();
        for (String line : Inputs.marriages(1200)) {
            lines.add(line + " ".repeat(900 - line.length()));
        }
        Path in = Inputs.write(dir.resolve("in.jsonl"), lines);
        CliTest.Run run = CliTest.run("batch", in.toString(), "-o", dir.resolve("out.jsonl").toString(),
                "--threads", "1", "--progress-every", "0");
        Matcher progress = Pattern.compile("progress: .*?([\\d,]+) records.*? (\\d+)%").matcher(run.err());
        int lines0 = 0;
        while (progress.find()) {
            lines0++;
            long records = Long.parseLong(progress.group(1).replace(",", ""));
            int percent = Integer.parseInt(progress.group(2));
            assertThat(percent).as(progress.group()).isEqualTo((int) (records * 100 / 1200));
        }
        assertThat(lines0).as(run.err()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void timeLeftIsNotGuessedBeforeEnoughIsKnownThenFollowsTheRecentRate() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, Duration.ZERO, () -> now[0]);
        long total = 100_000;
        // A resumed run: 20,000 records were written before; then a slow start (rules compiling).
        progress.update(new BatchProgress(20_000, total, 0, -1));
        now[0] = seconds(3);
        progress.update(new BatchProgress(20_300, total, 0, -1));
        assertThat(last(text)).contains("20,300 of 100,000 records").contains("estimating time left")
                .doesNotContain("about");
        // Then 1,000 records a second, steadily.
        for (int s = 4; s <= 40; s++) {
            now[0] = seconds(s);
            progress.update(new BatchProgress(20_300 + (s - 3) * 1000L, total, 0, -1));
        }
        // 57,300 done, 42,700 left at 1,000/s over the last half minute.
        assertThat(last(text)).contains("57,300 of 100,000 records").contains("57%").contains("about 43s left");
    }

    private static long seconds(long s) {
        return Duration.ofSeconds(s).toNanos();
    }

    private static String last(StringWriter text) {
        List<String> lines = text.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void theSummaryIsAnAlignedTableForPeopleAndJsonForMachines() throws Exception {
        List<String> lines = new ArrayList<>(Inputs.marriages(30));
        lines.add(Inputs.example("child-benefit"));
        lines.add("{not json");
        Path in = Inputs.write(dir.resolve("in.jsonl"), lines);
        CliTest.Run text = CliTest.run("batch", in.toString(), "-o", dir.resolve("a.jsonl").toString());
        assertThat(text.err()).doesNotContain("{APPROVED=");
        List<String> table = text.err().lines().dropWhile(l -> !l.startsWith("service ")).takeWhile(l -> !l.isEmpty())
                .toList();
        assertThat(table.get(0)).matches("service\\s+APPROVED\\s+REFERRED\\s+INCOMPLETE\\s+REJECTED\\s+total");
        assertThat(table).anyMatch(l -> l.matches("marriage-registration\\s+20\\s+0\\s+0\\s+10\\s+30"))
                .anyMatch(l -> l.startsWith("all "));
        assertThat(table.stream().map(String::length).distinct()).hasSize(1);
        assertThat(text.err()).containsPattern("error\\s+records\\R+MALFORMED_JSON\\s+1");

        CliTest.Run json = CliTest.run("batch", in.toString(), "-o", dir.resolve("b.jsonl").toString(),
                "--summary", "json");
        List<String> errLines = json.err().lines().toList();
        JsonNode summary = Json.JSON.readTree(errLines.get(errLines.size() - 1));
        assertThat(summary.get("records").asInt()).isEqualTo(32);
        assertThat(summary.get("decisions").asInt()).isEqualTo(31);
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("outcomes").get("APPROVED").asInt()).isEqualTo(20 + (summary.get("services")
                .get("child-benefit").has("APPROVED") ? 1 : 0));
        assertThat(summary.get("errorsByKind").get("MALFORMED_JSON").asInt()).isEqualTo(1);
        assertThat(summary.get("services").get("marriage-registration").get("REJECTED").asInt()).isEqualTo(10);
        for (String key : List.of("resumedAfter", "decidedNow", "stopped", "seconds", "perSecond", "automationRate",
                "automationTarget")) {
            assertThat(summary.has(key)).as(key).isTrue();
        }
    }
}
