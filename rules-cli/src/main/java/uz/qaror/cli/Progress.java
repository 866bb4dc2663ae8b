package uz.qaror.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Batch progress on stderr: a bar redrawn in place on a terminal (count, rate, time left); plain lines at an
 * interval otherwise, so that logs stay readable.
 */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last = start;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal, Duration interval) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
    }

    void update(long records, long bytesRead, long size) {
        long now = System.nanoTime();
        if (now - last < (terminal ? REDRAW_NANOS : intervalNanos)) {
            return;
        }
        last = now;
        double seconds = (now - start) / 1e9;
        double rate = records / Math.max(seconds, 1e-9);
        String left = "";
        String bar = "";
        if (size > 0 && bytesRead > 0) {
            double done = Math.min(1.0, (double) bytesRead / size);
            long remaining = (long) (seconds / done - seconds);
            left = String.format(Locale.ROOT, ", %d%%, about %s left", (int) (done * 100), duration(remaining));
            int filled = (int) (done * 30);
            bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
        }
        String text = String.format(Locale.ROOT, "%s%,d records, %,.0f/s%s", bar, records, rate, left);
        if (terminal) {
            err.print("\r" + text + "   ");
            drawn = true;
        } else {
            err.println("progress: " + text);
        }
        err.flush();
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : seconds + "s";
    }
}
