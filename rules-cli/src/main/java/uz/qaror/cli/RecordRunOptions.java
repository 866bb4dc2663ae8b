package uz.qaror.cli;

import java.io.PrintWriter;
import java.time.Duration;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What the commands that run over a file of records take alike (batch, rescreen): the limit of one record's bytes,
 * the time one record may take, and how often progress is printed.
 */
final class RecordRunOptions {

    @Option(names = "--max-record-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest record read, in bytes (default ${DEFAULT-VALUE}, 1 MiB); a larger one becomes an "
                    + "error record (LIMIT_EXCEEDED) and is skipped, never held in memory.")
    int maxRecordBytes;

    @Mixin
    RecordTimeoutOption recordTimeout;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When stderr is not a terminal, print a progress line this often (default ${DEFAULT-VALUE}).")
    int progressEvery;

    /** A usage error for a limit that is not positive. */
    void check(CommandSpec spec) {
        if (maxRecordBytes < 1 || !recordTimeout.isPositive()) {
            throw new ParameterException(spec.commandLine(),
                    "--max-record-bytes and --record-timeout must be positive");
        }
    }

    Duration recordDeadline() {
        return recordTimeout.deadline();
    }

    /** A progress bar on a terminal, plain progress lines otherwise. */
    Progress progress(PrintWriter err) {
        // Java cannot ask whether stderr is a terminal; the launcher can, and says so in qaror.stderr.tty.
        boolean terminal = Boolean.getBoolean("qaror.stderr.tty") || System.console() != null;
        return new Progress(err, terminal, Duration.ofSeconds(progressEvery));
    }
}
