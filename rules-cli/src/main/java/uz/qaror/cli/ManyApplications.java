package uz.qaror.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import uz.qaror.tools.batch.RecordSource;

/** What the commands that decide many applications take: where they come from and how many threads decide. */
final class ManyApplications {

    @Parameters(paramLabel = "IN", description = "Applications: a JSON Lines file, a JSON array file, a folder of "
            + ".json files, or - for standard input.")
    String input;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Checks the options before any work starts: a usage error for the threads, exit 3 for a missing input. */
    void check(CommandSpec spec) {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (!"-".equals(input) && !Files.exists(Path.of(input))) {
            throw new UncheckedIOException(input + ": no such file or folder", new IOException());
        }
    }

    RecordSource open() throws IOException {
        return RecordSource.open(input, System.in);
    }

    /** Opens the input with a limit on one record's bytes. */
    RecordSource open(int maxRecordBytes) throws IOException {
        return RecordSource.open(input, System.in, maxRecordBytes);
    }
}
