package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code qaror} in a JVM of its own, for what a process shows and an in-process run cannot: real standard output
 * (a full device), real signals, a bounded heap, a thread that never stops.
 */
final class Child {

    record Result(int exitCode, String out, String err) {
    }

    private Child() {
    }

    /** The command line of a child JVM running {@code qaror args}, with extra JVM options first. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("uz.qaror.cli.Qaror");
        command.addAll(List.of(args));
        return command;
    }

    static ProcessBuilder builder(Path dir, List<String> jvmOptions, String... args) {
        return new ProcessBuilder(command(jvmOptions, args)).directory(dir.toFile());
    }

    /** Starts a child whose stdout goes to {@code stdout} (a file or device) and stderr to a file in {@code dir}. */
    static Process start(Path dir, File stdout, List<String> jvmOptions, String... args) throws IOException {
        Path err = Files.createTempFile(dir, "child-", ".err");
        return builder(dir, jvmOptions, args).redirectOutput(stdout).redirectError(err.toFile()).start();
    }

    /** Waits for a child started by {@link #start}; fails (and kills it) past the timeout. */
    static int await(Process process, Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("qaror did not finish within " + timeout);
        }
        return process.exitValue();
    }

    /** Runs {@code qaror args} to the end, stdout and stderr to files, within {@code timeout}. */
    static Result run(Path dir, Duration timeout, List<String> jvmOptions, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "child-", ".out");
        Path err = Files.createTempFile(dir, "child-", ".err");
        Process process = builder(dir, jvmOptions, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        int code = await(process, timeout);
        return new Result(code, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Waits until {@code file} holds more than {@code bytes} bytes while the child runs; whether it still runs. */
    static boolean awaitOutput(Process process, Path file, long bytes, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(file) && Files.size(file) > bytes) && process.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return process.isAlive();
    }

    /** The stderr file a {@link #start}ed child writes to. */
    static String errOf(Path dir, Process process) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> errs = files.filter(f -> f.getFileName().toString().endsWith(".err")).toList();
            assertThat(errs).hasSize(1);
            return Files.readString(errs.get(0), StandardCharsets.UTF_8);
        }
    }
}
