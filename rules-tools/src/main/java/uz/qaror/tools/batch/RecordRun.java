package uz.qaror.tools.batch;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

import uz.qaror.tools.batch.BatchRunner.BatchProgress;
import uz.qaror.tools.batch.BatchRunner.ProgressListener;

/**
 * How every run that writes one output record per input record goes (a batch, a re-screening): the records an
 * earlier run wrote are skipped, the rest go through a {@link ChunkPipeline}, each chunk's results are written in
 * input order and flushed (so that a failed write stops the run at once and an interruption leaves whole records
 * only), and progress counts records and input bytes written.
 */
public final class RecordRun {

    /** Where results go, on the calling thread. */
    public interface Output<T> {
        /** Writes one result. */
        void write(T result) throws IOException;

        /** Called after each chunk: what was written must reach its file now. */
        void flush() throws IOException;
    }

    private RecordRun() {
    }

    /**
     * Skips the first {@code skip} records, processes the rest and writes them.
     *
     * @param inputBytes the input bytes a result stands for (its record's size)
     * @return whether every record was written ({@code false} when {@code stop} said so first)
     */
    public static <T> boolean run(RecordSource source, long skip, ChunkPipeline<T> pipeline,
                                  ToLongFunction<T> inputBytes, Output<T> output, ProgressListener progress,
                                  BooleanSupplier stop) throws IOException {
        long[] done = {0, 0};
        for (long i = 0; i < skip; i++) {
            InputRecord skipped = source.next();
            if (skipped == null) {
                break;
            }
            done[0]++;
            done[1] += skipped.size();
        }
        progress.progress(new BatchProgress(done[0], source.count(), done[1], source.size()));
        return pipeline.run(source, results -> {
            for (T result : results) {
                output.write(result);
                done[1] += inputBytes.applyAsLong(result);
            }
            output.flush();
            done[0] += results.size();
            progress.progress(new BatchProgress(done[0], source.count(), done[1], source.size()));
        }, stop);
    }
}
