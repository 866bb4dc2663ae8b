package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** Interrupted batches: what the partial holds, what --resume accepts, and what a signal leaves. */
class ResumeTest {

    @TempDir
    Path dir;

    /** Runs in process with {@code stdin} as standard input. */
    static CliTest.Run withStdin(InputStream stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(stdin);
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Serves the first {@code cut} bytes, then fails as a dropped connection does. */
    static InputStream breakingAfter(byte[] bytes, int cut) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, cut), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        });
    }

    private static List<String> withErrors(List<String> lines) {
        List<String> mixed = new ArrayList<>(lines);
        for (int i = 5; i < mixed.size(); i += 97) {
            mixed.set(i, "{\"id\": ");
        }
        return mixed;
    }

    private long interruptAndResume(byte[] input, Path out, String... options) throws Exception {
        List<String> interrupted = new ArrayList<>(List.of("batch", "-", "-o", out.toString()));
        interrupted.addAll(List.of(options));
        CliTest.Run first = withStdin(breakingAfter(input, input.length * 3 / 5), interrupted.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
        Path partial = Path.of(out + ".partial");
        byte[] written = Files.readAllBytes(partial);
        assertThat(written[written.length - 1]).as("the partial ends with a whole record").isEqualTo((byte) '\n');
        // A kill in the middle of a write leaves a record cut short: the resume drops it.
        Files.write(partial, "{\"record\":99999,\"sou".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        interrupted.add("--resume");
        CliTest.Run second = withStdin(new ByteArrayInputStream(input), interrupted.toArray(String[]::new));
        assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
        Matcher resumed = Pattern.compile("resuming after (\\d+) records").matcher(second.err());
        assertThat(resumed.find()).as(second.err()).isTrue();
        assertThat(partial).doesNotExist();
        assertThat(Path.of(out + ".partial.json")).doesNotExist();
        // The interrupted run said what happened and how to continue.
        assertThat(first.err()).contains("Connection reset").contains("to continue, run:")
                .contains("qaror batch - -o " + out + (options.length > 0 ? " " + String.join(" ", options) : "")
                        + " --resume");
        return Long.parseLong(resumed.group(1));
    }

    @Test
    void anInterruptedBatchResumedGivesTheSameOutputAsOneRun() throws Exception {
        List<String> lines = withErrors(Inputs.marriages(1200));
        Path input = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path whole = dir.resolve("whole.jsonl");
        CliTest.Run one = CliTest.run("batch", input.toString(), "-o", whole.toString());
        assertThat(one.exitCode()).isEqualTo(1);

        Path out = dir.resolve("resumed.jsonl");
        long earlier = interruptAndResume(Files.readAllBytes(input), out);
        assertThat(earlier).isBetween(256L, 1199L);
        assertThat(Files.readAllLines(out)).isEqualTo(Files.readAllLines(whole));
        // The summary of the resumed run counts both runs' records.
        CliTest.Run again = withStdin(breakingAfter(Files.readAllBytes(input), Files.readAllBytes(input).length / 2),
                "batch", "-", "-o", dir.resolve("third.jsonl").toString());
        String total = one.err().lines().filter(l -> l.startsWith("1,200 records")).findFirst().orElseThrow()
                .replaceAll(";.*", "");
        assertThat(total).startsWith("1,200 records: ");
        assertThat(again.exitCode()).isEqualTo(3);
        CliTest.Run resumed = withStdin(new java.io.ByteArrayInputStream(Files.readAllBytes(input)), "batch", "-",
                "-o", dir.resolve("third.jsonl").toString(), "--resume");
        assertThat(resumed.err()).containsPattern(Pattern.quote(total) + " \\([\\d,]+ written before the resume\\); "
                + "[\\d,]+ decided in");
    }

    @Test
    void csvRecordsWithLineBreaksInCellsAreWrittenQuotedAndResumedByRecord() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : withErrors(Inputs.marriages(900))) {
            lines.add(line.replaceFirst("\"id\": \"(\\d+)-", "\"id\": \"$1\\\\nsecond line\\\\r\\\\n-"));
        }
        Path input = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path whole = dir.resolve("whole.csv");
        assertThat(CliTest.run("batch", input.toString(), "-o", whole.toString(), "--format", "csv").exitCode())
                .isEqualTo(1);
        // The write: one CSV record per input record, the line break kept inside its quoted cell.
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(whole.toFile())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(901);
        for (int i = 1; i <= 900; i++) {
            assertThat(rows.get(i).get(0)).isEqualTo(String.valueOf(i));
        }
        // The engine refuses an id holding line breaks and echoes none of it, so no cell carries the break any more;
        // the CSV is still read by record, never by line.
        assertThat(rows.get(1).get(2)).isEmpty();
        assertThat(rows.get(1).get(13)).isEqualTo("INVALID_FIELD");

        Path out = dir.resolve("resumed.csv");
        long earlier = interruptAndResume(Files.readAllBytes(input), out, "--format", "csv");
        assertThat(earlier).isBetween(256L, 899L);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(whole));
    }

    @Test
    void resumeRefusesAnotherInputOrOtherOptionsAndSaysWhatDiffers() throws Exception {
        List<String> lines = Inputs.marriages(50);
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[" + String.join(",\n", lines) + ",\n{\"id\": ]");
        Path out = dir.resolve("out.jsonl");
        CliTest.Run broken = CliTest.run("batch", array.toString(), "-o", out.toString());
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(3);
        Path partial = dir.resolve("out.jsonl.partial");
        byte[] kept = Files.readAllBytes(partial);
        assertThat(Files.readAllLines(partial)).hasSize(50);

        Path other = Inputs.write(dir.resolve("other.jsonl"), Inputs.marriages(80));
        CliTest.Run otherInput = CliTest.run("batch", other.toString(), "-o", out.toString(), "--resume");
        assertThat(otherInput.exitCode()).as(otherInput.err()).isEqualTo(2);
        assertThat(otherInput.err()).contains("cannot resume").contains("input: ");

        CliTest.Run otherLanguage = CliTest.run("batch", array.toString(), "-o", out.toString(), "--resume",
                "--lang", "ru");
        assertThat(otherLanguage.exitCode()).isEqualTo(2);
        assertThat(otherLanguage.err()).contains("--lang: uz in the partial, ru now").doesNotContain("input: ");

        CliTest.Run otherFormat = CliTest.run("batch", array.toString(), "-o", out.toString(), "--resume",
                "--format", "csv");
        assertThat(otherFormat.exitCode()).isEqualTo(2);
        assertThat(otherFormat.err()).contains("--format: jsonl in the partial, csv now");
        assertThat(Files.readAllBytes(partial)).isEqualTo(kept);

        // A partial without its record of settings (an older qaror's) is not resumed blindly either.
        Files.delete(dir.resolve("out.jsonl.partial.json"));
        CliTest.Run unknown = CliTest.run("batch", array.toString(), "-o", out.toString(), "--resume");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no record of the input and options");
    }

    @Test
    void sigtermAndSigintLeaveWholeRecordsAndTheCommandThatResumes() throws Exception {
        List<String> lines = withErrors(Inputs.marriages(30_000));
        Path input = Inputs.write(dir.resolve("in.jsonl"), lines);
        Path whole = dir.resolve("whole.jsonl");
        CliTest.run("batch", input.toString(), "-o", whole.toString());
        List<String> expected = Files.readAllLines(whole);

        for (String signal : List.of("TERM", "INT")) {
            Path own = Files.createDirectory(dir.resolve(signal));
            Path out = own.resolve("out.jsonl");
            Process child = Child.start(own, own.resolve("stdout").toFile(), List.of(),
                    "batch", input.toString(), "-o", out.toString(), "--threads", "1");
            if (signal.equals("INT") && ignores(child, 2)) {
                child.destroyForcibly();
                Assumptions.abort("SIGINT is ignored in this environment (a background job of a shell)");
            }
            Path partial = own.resolve("out.jsonl.partial");
            assertThat(Child.awaitOutput(child, partial, 100_000, Duration.ofSeconds(120)))
                    .as("still deciding when signalled").isTrue();
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start();
            assertThat(kill.waitFor()).isZero();
            int code = Child.await(child, Duration.ofSeconds(60));
            String err = Child.errOf(own, child);
            assertThat(code).as(err).isEqualTo(signal.equals("TERM") ? 143 : 130);
            String command = "qaror batch " + input + " -o " + out + " --threads 1 --resume";
            assertThat(err).as(signal).contains("to continue, run:").contains(command);

            List<String> partialLines = Files.readAllLines(partial);
            assertThat(Files.readString(partial)).endsWith("\n");
            assertThat(partialLines).isNotEmpty().isEqualTo(expected.subList(0, partialLines.size()));
            assertThat(partialLines.size()).isLessThan(30_000);
            assertThat(own.resolve("out.jsonl.lock")).doesNotExist();

            String[] again = command.substring("qaror ".length()).split(" ");
            CliTest.Run resumed = CliTest.run(again);
            assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(1);
            assertThat(Files.readAllLines(out)).isEqualTo(expected);
        }
    }

    /** Whether a process ignores a signal (its SigIgn mask in /proc). */
    private static boolean ignores(Process process, int signal) throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }
}
