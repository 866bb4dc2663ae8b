package uz.qaror.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision log, written off the request path: a request hands over how to make its audit line and goes on;
 * one writer thread makes the lines, appends them to the file and flushes whenever it has caught up. The queue
 * is bounded, so a slow disk cannot slow decisions or fill the heap: when it is full the line is dropped and
 * counted ({@code qaror_decision_log_records_total{result="dropped"}}). Closing writes everything queued.
 */
final class AuditTrail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final BlockingQueue<Supplier<String>> queue;
    private final BufferedWriter out;
    private final ServerMetrics metrics;
    private final Thread writer;
    private volatile boolean closing;
    private boolean failed;

    private AuditTrail(Path file, int capacity, ServerMetrics metrics) throws IOException {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("the decision log's folder " + parent + " does not exist");
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.writer = new Thread(this::run, "qaror-decision-log");
        writer.setDaemon(true);
        writer.start();
        metrics.gauge("qaror.decision.log.queue", "Audit lines waiting for the writer", queue::size);
    }

    /**
     * Opens the file for appending, or gives a log that keeps nothing when {@code file} is null.
     *
     * @throws IOException when the file cannot be opened
     */
    static AuditTrail open(Path file, int capacity, ServerMetrics metrics) throws IOException {
        return file == null ? null : new AuditTrail(file, capacity, metrics);
    }

    /** Queues a line (made on the writer's thread); false, counted as dropped, when the queue is full. */
    boolean offer(Supplier<String> line) {
        if (closing || !queue.offer(line)) {
            metrics.logDropped();
            return false;
        }
        return true;
    }

    private void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                Supplier<String> next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    write(next);
                }
                if (queue.isEmpty()) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flush();
        }
    }

    private void write(Supplier<String> next) {
        if (failed) {
            metrics.logDropped();
            return;
        }
        try {
            out.write(next.get());
            out.write('\n');
            metrics.logWritten();
        } catch (IOException | UncheckedIOException e) {
            failed = true;
            metrics.logDropped();
            LOG.error("the decision log cannot be written, later lines are dropped and counted: {}", e.toString());
        } catch (RuntimeException e) {
            metrics.logDropped();
            LOG.error("an audit line could not be made: {}", e.toString());
        }
    }

    private void flush() {
        if (failed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
            LOG.error("the decision log cannot be written, later lines are dropped and counted: {}", e.toString());
        }
    }

    /** Stops taking lines, writes those queued, and closes the file. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A line queued between the writer's last look and its exit is still written.
        for (Supplier<String> next = queue.poll(); next != null; next = queue.poll()) {
            write(next);
        }
        flush();
        try {
            out.close();
        } catch (IOException e) {
            LOG.error("closing the decision log failed: {}", e.toString());
        }
    }
}
