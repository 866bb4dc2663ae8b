package uz.qaror.tools.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import uz.qaror.internal.run.Budget;

/**
 * Reads records, processes them in chunks on several threads, and hands the results back in input order.
 *
 * <p>Memory is bounded by bytes, not by records: a chunk closes at {@value #CHUNK} records or {@value #CHUNK_BYTES}
 * bytes, and chunks wait for the writer once {@value #IN_FLIGHT_BYTES} bytes or three chunks per thread are in
 * flight. With a deadline, a watchdog gives up a record whose processing runs past it: the record gets the
 * {@code onTimeout} result, its thread is abandoned (a loop in Java code cannot be stopped, only left behind) and a
 * new thread carries on with the rest of the chunk, so that one record never stops or hangs the run. When more
 * threads are stuck than {@link #maxAbandoned()}, the rules are broken beyond one record, and the run fails.
 *
 * @param <T> what processing one record gives
 */
public final class ChunkPipeline<T> {

    /** Records per task: large enough to amortise hand-offs between threads, small enough to keep order cheap. */
    static final int CHUNK = 256;
    /** A chunk closes at this many bytes of records even when it holds fewer than {@link #CHUNK} records. */
    static final int CHUNK_BYTES = 1 << 20;
    /** Bytes of records read but not yet written, at most (plus the chunk being filled). */
    static final long IN_FLIGHT_BYTES = 16L << 20;

    /** Receives results in input order, on the calling thread. */
    public interface Sink<T> {
        void accept(List<T> results) throws IOException;
    }

    private final int threads;
    private final Function<InputRecord, T> process;
    private final Duration deadline;
    private final Function<InputRecord, T> onTimeout;

    /** A pipeline without a deadline: each record takes what it takes. */
    public ChunkPipeline(int threads, Function<InputRecord, T> process) {
        this(threads, process, null, null);
    }

    /**
     * A pipeline that gives up a record after {@code deadline} and stands {@code onTimeout}'s result in its place.
     */
    public ChunkPipeline(int threads, Function<InputRecord, T> process, Duration deadline,
                         Function<InputRecord, T> onTimeout) {
        this.threads = Math.max(1, threads);
        this.process = process;
        this.deadline = deadline;
        this.onTimeout = onTimeout;
    }

    /**
     * Starts the deadline of the record the calling thread is processing again: a step that waited on something
     * shared and not the record's doing (the rules of its service compiling on first use) does not count.
     * Does nothing outside a pipeline's worker.
     */
    public static void restartClock() {
        if (Thread.currentThread() instanceof ChunkPipeline<?>.Worker worker) {
            worker.restartClock();
        }
    }

    /** Threads left stuck past the deadline before the run is failed: each may keep a core busy. */
    int maxAbandoned() {
        return Math.max(8, threads * 4);
    }

    /** Runs the whole source through; see {@link #run(RecordSource, Sink, BooleanSupplier)}. */
    public boolean run(RecordSource source, Sink<T> sink) throws IOException {
        return run(source, sink, () -> false);
    }

    /**
     * Runs the source through until it ends or {@code stop} says so. When the source breaks (a broken JSON array),
     * what was read before is still processed and handed to the sink, then the error is thrown. On a stop, reading
     * ends and the chunks not yet handed on are dropped: the sink has received whole chunks only.
     *
     * @return whether every record was handed on ({@code false} when stopped)
     */
    public boolean run(RecordSource source, Sink<T> sink, BooleanSupplier stop) throws IOException {
        try (Workers workers = new Workers()) {
            Deque<Chunk<T>> pending = new ArrayDeque<>();
            long pendingBytes = 0;
            List<InputRecord> records = new ArrayList<>();
            long bytes = 0;
            while (true) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                InputRecord record;
                try {
                    record = source.next();
                } catch (IOException e) {
                    if (!records.isEmpty()) {
                        pending.add(workers.submit(records, bytes));
                    }
                    if (!handOnAll(pending, workers, sink, stop)) {
                        return false;
                    }
                    throw e;
                }
                if (record == null) {
                    break;
                }
                records.add(record);
                bytes += record.heldBytes();
                if (records.size() == CHUNK || bytes >= CHUNK_BYTES) {
                    pending.add(workers.submit(records, bytes));
                    pendingBytes += bytes;
                    records = new ArrayList<>();
                    bytes = 0;
                    while (pending.size() >= threads * 3 || pendingBytes >= IN_FLIGHT_BYTES) {
                        Chunk<T> head = pending.poll();
                        pendingBytes -= head.bytes;
                        if (!handOn(head, workers, sink, stop)) {
                            return false;
                        }
                    }
                }
            }
            if (!records.isEmpty()) {
                pending.add(workers.submit(records, bytes));
            }
            return handOnAll(pending, workers, sink, stop);
        }
    }

    private boolean handOnAll(Deque<Chunk<T>> pending, Workers workers, Sink<T> sink, BooleanSupplier stop)
            throws IOException {
        while (!pending.isEmpty()) {
            if (!handOn(pending.poll(), workers, sink, stop)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for a chunk and gives its results to the sink; {@code false} when stopped first. */
    private boolean handOn(Chunk<T> chunk, Workers workers, Sink<T> sink, BooleanSupplier stop) throws IOException {
        try {
            while (!chunk.done.await(50, TimeUnit.MILLISECONDS)) {
                workers.rethrow();
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        workers.rethrow();
        sink.accept(chunk.results());
        return true;
    }

    /** Records handed to the workers together, and their results as they come. */
    private static final class Chunk<T> {
        final List<InputRecord> records;
        final long bytes;
        final AtomicReferenceArray<T> results;
        final CountDownLatch done;

        Chunk(List<InputRecord> records, long bytes) {
            this.records = records;
            this.bytes = bytes;
            this.results = new AtomicReferenceArray<>(records.size());
            this.done = new CountDownLatch(records.size());
        }

        /** Sets a record's result unless it has one: the worker's and the watchdog's claims never both win. */
        boolean complete(int index, T result) {
            if (results.compareAndSet(index, null, result)) {
                done.countDown();
                return true;
            }
            return false;
        }

        List<T> results() {
            List<T> list = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                list.add(results.get(i));
            }
            return list;
        }
    }

    /**
     * What a worker is doing, for the watchdog, with the record's budget: counted in the worker's CPU time (up to
     * ten times as much wall-clock time), as the engine counts a decision's, so that a loaded machine where a record
     * mostly waits for a core does not give it up; {@code started} is when its clock last started.
     */
    private record Current<T>(Chunk<T> chunk, int index, Budget budget, Budget.Spent started) {
    }

    /** The threads of one run: workers taking chunks from a queue, and a watchdog when there is a deadline. */
    private final class Workers implements AutoCloseable {
        final LinkedBlockingQueue<Chunk<T>> queue = new LinkedBlockingQueue<>();
        final Set<Worker> live = ConcurrentHashMap.newKeySet();
        final AtomicInteger abandoned = new AtomicInteger();
        volatile Throwable failure;
        volatile boolean closed;
        final Thread watchdog;

        Workers() {
            for (int i = 0; i < threads; i++) {
                start(null, 0);
            }
            if (deadline != null) {
                watchdog = new Thread(this::watch, "qaror-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            } else {
                watchdog = null;
            }
        }

        Chunk<T> submit(List<InputRecord> records, long bytes) {
            Chunk<T> chunk = new Chunk<>(records, bytes);
            queue.add(chunk);
            return chunk;
        }

        void start(Chunk<T> unfinished, int from) {
            Worker worker = new Worker(this, unfinished, from);
            live.add(worker);
            worker.start();
        }

        void rethrow() throws IOException {
            Throwable e = failure;
            if (e instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (e != null) {
                throw new IOException("a worker failed: " + e, e);
            }
        }

        private void watch() {
            long tick = Math.max(10, Math.min(250, deadline.toMillis() / 10));
            while (!closed) {
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
                for (Worker worker : live) {
                    Current<T> current = worker.current;
                    if (current != null && current.budget().spent()) {
                        giveUp(worker, current);
                    }
                }
            }
        }

        private void giveUp(Worker worker, Current<T> current) {
            T result = onTimeout.apply(current.chunk().records.get(current.index()));
            if (!current.chunk().complete(current.index(), result)) {
                return; // it finished just now
            }
            // Not interrupted: an interrupt inside Drools (loading a rule's class) could break what other threads
            // share; the thread is only left behind, and whatever it does from now on is ignored.
            live.remove(worker);
            if (abandoned.incrementAndGet() > maxAbandoned()) {
                failure = new IOException(abandoned.get() + " records ran past the deadline of " + deadline.toMillis()
                        + " ms and left their threads stuck: the rules may loop forever; the run stops");
                return;
            }
            start(current.chunk(), current.index() + 1);
        }

        @Override
        public void close() {
            closed = true;
            queue.clear();
            live.forEach(Thread::interrupt);
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
    }

    /** Takes chunks and processes their records one by one, first finishing an abandoned worker's chunk if given. */
    private final class Worker extends Thread {
        private final Workers workers;
        private final Chunk<T> unfinished;
        private final int from;
        volatile Current<T> current;

        Worker(Workers workers, Chunk<T> unfinished, int from) {
            super("qaror-worker");
            setDaemon(true);
            this.workers = workers;
            this.unfinished = unfinished;
            this.from = from;
        }

        @Override
        public void run() {
            try {
                if (unfinished != null && !process(unfinished, from)) {
                    return;
                }
                while (!workers.closed) {
                    if (!process(workers.queue.take(), 0)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the run is over
            } catch (RuntimeException | Error e) {
                // A bug must not pass silently: the run fails and says so (unless this thread was given up on).
                if (workers.live.contains(this)) {
                    workers.failure = e;
                }
            } finally {
                workers.live.remove(this);
            }
        }

        /** A budget starting now on this thread; none without a deadline. */
        private Budget budget() {
            return deadline == null ? null : Budget.start(deadline);
        }

        /** Gives back all the time the record took so far (restarting its budget without asking for CPU time). */
        void restartClock() {
            Current<T> now = current;
            if (now != null && now.budget() != null) {
                current = new Current<>(now.chunk(), now.index(), now.budget().extendedBy(now.started()),
                        Budget.measure());
            }
        }

        /** {@code false} when the watchdog gave up one of its records: this thread is then no longer a worker. */
        private boolean process(Chunk<T> chunk, int start) {
            for (int i = start; i < chunk.records.size(); i++) {
                current = new Current<>(chunk, i, budget(), Budget.measure());
                T result = ChunkPipeline.this.process.apply(chunk.records.get(i));
                current = null;
                if (!chunk.complete(i, result)) {
                    return false;
                }
            }
            return true;
        }
    }
}
