package uz.qaror.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** The time one record of a run may take: batch, rescreen and the batches sent to serve take it alike. */
final class RecordTimeoutOption {

    @Option(names = "--record-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest time one record may take (default ${DEFAULT-VALUE}): CPU time of its thread, so "
                    + "that a loaded machine does not fail records, and at most ten times as much wall-clock time; past "
                    + "it the record becomes an error record (TIMEOUT), its thread is left behind and a new one carries "
                    + "on.")
    double seconds;

    boolean isPositive() {
        return seconds > 0;
    }

    Duration deadline() {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
