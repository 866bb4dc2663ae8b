package uz.qaror.tools.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads records, processes them in chunks on several threads, and hands the results back in input order.
 * Only a few chunks are in flight at once, so memory stays bounded whatever the input's size.
 *
 * @param <T> what processing one record gives
 */
public final class ChunkPipeline<T> {

    /** Records per task: large enough to amortise hand-offs between threads, small enough to keep order cheap. */
    static final int CHUNK = 256;

    /** Receives results in input order, on the calling thread. */
    public interface Sink<T> {
        void accept(List<T> results) throws IOException;
    }

    private final int threads;
    private final Function<InputRecord, T> process;

    public ChunkPipeline(int threads, Function<InputRecord, T> process) {
        this.threads = Math.max(1, threads);
        this.process = process;
    }

    /**
     * Runs the whole source through. When the source breaks (a broken JSON array), what was read before is still
     * processed and handed to the sink, then the error is thrown.
     */
    public void run(RecordSource source, Sink<T> sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "qaror-worker");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<List<T>>> pending = new ArrayDeque<>();
        int maxPending = threads * 3;
        try {
            List<InputRecord> chunk = new ArrayList<>(CHUNK);
            while (true) {
                InputRecord record;
                try {
                    record = source.next();
                } catch (IOException e) {
                    drain(pending, pending.size(), sink);
                    sink.accept(processAll(chunk));
                    throw e;
                }
                if (record == null) {
                    break;
                }
                chunk.add(record);
                if (chunk.size() == CHUNK) {
                    List<InputRecord> work = chunk;
                    pending.add(pool.submit(() -> processAll(work)));
                    chunk = new ArrayList<>(CHUNK);
                    if (pending.size() >= maxPending) {
                        drain(pending, 1, sink);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                List<InputRecord> work = chunk;
                pending.add(pool.submit(() -> processAll(work)));
            }
            drain(pending, pending.size(), sink);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<T> processAll(List<InputRecord> records) {
        List<T> results = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            results.add(process.apply(record));
        }
        return results;
    }

    private void drain(Deque<Future<List<T>>> pending, int count, Sink<T> sink) throws IOException {
        for (int i = 0; i < count; i++) {
            try {
                sink.accept(pending.poll().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("a worker failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
