package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** No output is lost while the exit code says success: write failures, device targets, two runs on one file. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandExitsThreeWhenStandardOutputIsAFullDevice() throws Exception {
        File full = new File("/dev/full");
        Assumptions.assumeTrue(full.exists(), "no /dev/full here");
        Path input = Inputs.write(dir.resolve("in.jsonl"), Inputs.marriages(300));
        String example = CliTest.EXAMPLES.resolve("marriage-registration.json").toAbsolutePath().toString();
        Map<String, String[]> commands = new LinkedHashMap<>();
        commands.put("batch", new String[] {"batch", input.toString()});
        commands.put("batch csv", new String[] {"batch", input.toString(), "--format", "csv"});
        commands.put("evaluate", new String[] {"evaluate", example});
        commands.put("explain", new String[] {"explain", example});
        commands.put("generate", new String[] {"generate", "--count", "300"});
        commands.put("simulate", new String[] {"simulate", "--candidate",
                SimulateAndGenerateTest.CATALOG.toAbsolutePath().toString(), input.toString()});
        Map<String, Process> running = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> command : commands.entrySet()) {
            Path own = Files.createDirectory(dir.resolve(command.getKey().replace(' ', '-')));
            running.put(command.getKey(), Child.start(own, full, List.of(), command.getValue()));
        }
        for (Map.Entry<String, Process> child : running.entrySet()) {
            int code = Child.await(child.getValue(), Duration.ofSeconds(180));
            String err = Child.errOf(dir.resolve(child.getKey().replace(' ', '-')), child.getValue());
            assertThat(code).as(child.getKey() + ": " + err).isEqualTo(3);
            assertThat(err).as(child.getKey()).contains("cannot write to standard output (No space left on device)");
        }
    }

    @Test
    void aWriteThatFailsInProcessIsAnErrorNotASuccess() throws Exception {
        Path input = Inputs.write(dir.resolve("in.jsonl"), Inputs.marriages(600));
        String example = CliTest.EXAMPLES.resolve("marriage-registration.json").toString();
        for (String[] args : List.of(new String[] {"batch", input.toString(), "--threads", "1"},
                new String[] {"evaluate", example}, new String[] {"explain", example},
                new String[] {"generate", "--count", "2000"})) {
            CommandLine commandLine = Qaror.commandLine(args);
            FailingStream stdout = new FailingStream(256);
            StringWriter err = new StringWriter();
            commandLine.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
            commandLine.setErr(new PrintWriter(err));
            assertThat(commandLine.execute(args)).as(args[0] + ": " + err).isEqualTo(3);
            assertThat(err.toString()).contains("cannot write to standard output");
            if (args[0].equals("batch")) {
                // It stops at the first flush that fails, not after deciding everything into nowhere.
                java.util.regex.Matcher stopped = java.util.regex.Pattern
                        .compile("stopped after (\\d+) records").matcher(err.toString());
                assertThat(stopped.find()).as(err.toString()).isTrue();
                assertThat(Long.parseLong(stopped.group(1))).isLessThan(600);
            }
        }
    }

    /** Takes {@code capacity} bytes, then fails every write as a full disk does. */
    static final class FailingStream extends OutputStream {
        private long room;

        FailingStream(long capacity) {
            this.room = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > room) {
                room = 0;
                throw new IOException("No space left on device");
            }
            room -= length;
        }
    }

    @Test
    void outputsGoOnlyToRegularFilesAndNeverReplaceAPipeAFolderOrALink() throws Exception {
        Path input = Inputs.write(dir.resolve("in.jsonl"), Inputs.marriages(5));
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), elsewhere);
        for (Path target : List.of(fifo, folder, link)) {
            for (String[] args : List.of(new String[] {"batch", input.toString(), "-o", target.toString()},
                    new String[] {"generate", "--count", "3", "-o", target.toString()},
                    new String[] {"simulate", "--candidate", SimulateAndGenerateTest.CATALOG.toString(),
                            input.toString(), "-o", target.toString()})) {
                CliTest.Run run = CliTest.run(args);
                assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(3);
                assertThat(run.err()).containsAnyOf("is not a regular file", "is a folder", "is a symbolic link");
            }
        }
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .isTrue();
        assertThat(folder).isDirectory();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".partial") || name.endsWith(".lock"));
        }
    }

    @Test
    void aSecondRunOnTheSameOutputFailsAtOnceAndTheFirstKeepsEveryRecord() throws Exception {
        List<String> lines = Inputs.marriages(20_000);
        Path other = Inputs.write(dir.resolve("other.jsonl"), Inputs.marriages(10));
        Path out = dir.resolve("out.jsonl");
        // The first run reads a pipe that the test keeps open: it is certainly still writing when the second starts.
        Process first = Child.builder(dir, List.of(), "batch", "-", "-o", out.toString())
                .redirectOutput(dir.resolve("first.out").toFile()).redirectError(dir.resolve("first.err").toFile())
                .start();
        try (OutputStream stdin = first.getOutputStream()) {
            for (String line : lines.subList(0, 10_000)) {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            stdin.flush();
            assertThat(Child.awaitOutput(first, dir.resolve("out.jsonl.partial"), 0, Duration.ofSeconds(120)))
                    .as("the first run is writing").isTrue();
            long started = System.nanoTime();
            CliTest.Run second = CliTest.run("batch", other.toString(), "-o", out.toString());
            assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
            assertThat(second.err()).contains("is being written by another run (pid " + first.pid())
                    .contains("out.jsonl.lock");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            for (String line : lines.subList(10_000, 20_000)) {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Child.await(first, Duration.ofSeconds(300))).as(Files.readString(dir.resolve("first.err")))
                .isZero();
        List<String> records = Files.readAllLines(out);
        assertThat(records).hasSize(20_000);
        assertThat(records.get(19_999)).startsWith("{\"record\":20000,");
        assertThat(dir.resolve("out.jsonl.lock")).doesNotExist();
    }

    @Test
    void everyOutputGetsTheModeOfAnOrdinaryNewFile() throws Exception {
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Path generated = dir.resolve("generated.jsonl");
        assertThat(CliTest.run("generate", "--count", "40", "--services", "marriage-registration", "-o",
                generated.toString()).exitCode()).isZero();
        Path decisions = dir.resolve("decisions.jsonl");
        Path log = dir.resolve("log.jsonl");
        CliTest.run("batch", generated.toString(), "-o", decisions.toString(), "--decision-log", log.toString());
        Path report = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        assertThat(CliTest.run("simulate", "--candidate", SimulateAndGenerateTest.CATALOG.toString(),
                generated.toString(), "-o", report.toString(), "--html", html.toString()).exitCode()).isZero();
        List<String> modes = new ArrayList<>();
        for (Path output : List.of(generated, decisions, log, report, html)) {
            assertThat(Files.getPosixFilePermissions(output)).as(output.getFileName().toString())
                    .isEqualTo(ordinary);
            modes.add(output.getFileName() + " " + Files.getPosixFilePermissions(output));
        }
        assertThat(modes).hasSize(5);
    }
}
