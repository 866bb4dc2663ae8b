package uz.qaror.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;

import uz.qaror.tools.batch.BatchRunner.BatchProgress;

/**
 * Batch progress on stderr: a bar redrawn in place on a terminal; plain lines at an interval otherwise, so that logs
 * stay readable. The share done counts records written (when the input's count is known, as for a folder) or the
 * input bytes of records written (a file), never bytes merely read ahead. Time left is the work left at the rate of
 * the last half minute, and is not guessed before {@value #MIN_SECONDS} s and 1% of this run's work have passed: the
 * first seconds compile rules and warm the JVM up, and say little about the rest.
 */
final class Progress {

    static final int MIN_SECONDS = 5;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long WINDOW_NANOS = 30_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** Where this run began: a resumed run starts with the records an earlier run wrote. */
    private BatchProgress first;
    private long start;
    private long last;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal, Duration interval) {
        this(err, terminal, interval, System::nanoTime);
    }

    Progress(PrintWriter err, boolean terminal, Duration interval, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    void update(BatchProgress progress) {
        long now = clock.getAsLong();
        if (first == null) {
            first = progress;
            start = now;
            last = now;
            samples.add(new long[] {now, work(progress)});
            return;
        }
        samples.add(new long[] {now, work(progress)});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.pollFirst();
        }
        if (now - last < (terminal ? REDRAW_NANOS : intervalNanos)) {
            return;
        }
        last = now;
        String text = describe(progress, now);
        if (terminal) {
            err.print("\r" + text + "   ");
            drawn = true;
        } else {
            err.println("progress: " + text);
        }
        err.flush();
    }

    /** The line shown for {@code progress} at {@code now}. */
    String describe(BatchProgress progress, long now) {
        double seconds = (now - start) / 1e9;
        long decided = progress.records() - first.records();
        String counted = progress.recordsTotal() > 0
                ? String.format(Locale.ROOT, "%,d of %,d records", progress.records(), progress.recordsTotal())
                : String.format(Locale.ROOT, "%,d records", progress.records());
        String text = String.format(Locale.ROOT, "%s, %,.0f/s", counted, decided / Math.max(seconds, 1e-9));
        long total = total(progress);
        if (total <= 0) {
            return text;
        }
        long done = work(progress);
        double share = Math.min(1.0, (double) done / total);
        int filled = (int) (share * 30);
        String bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
        return bar + text + String.format(Locale.ROOT, ", %d%%, %s", Math.min(100, done * 100 / total),
                timeLeft(progress, now, seconds, done, total));
    }

    private String timeLeft(BatchProgress progress, long now, double seconds, long done, long total) {
        long thisRun = total - work(first);
        long doneThisRun = done - work(first);
        if (done >= total) {
            return "done";
        }
        if (seconds < MIN_SECONDS || thisRun <= 0 || doneThisRun * 100 < thisRun) {
            return "estimating time left";
        }
        long[] oldest = samples.peekFirst();
        double window = (now - oldest[0]) / 1e9;
        double rate = (done - oldest[1]) / Math.max(window, 1e-9);
        if (rate <= 0) {
            return "estimating time left";
        }
        return "about " + duration(Math.round((total - done) / rate)) + " left";
    }

    private static long work(BatchProgress progress) {
        return progress.recordsTotal() > 0 ? progress.records() : progress.bytesDone();
    }

    private static long total(BatchProgress progress) {
        return progress.recordsTotal() > 0 ? progress.recordsTotal() : progress.bytesTotal();
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
