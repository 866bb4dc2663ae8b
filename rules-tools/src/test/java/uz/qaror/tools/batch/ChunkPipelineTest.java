package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipeline's bounds: bytes in flight, a deadline per record, a stop. */
class ChunkPipelineTest {

    /** Records of {@code size} bytes each, counting what was read and not yet handed on. */
    static final class Source implements RecordSource {
        final int count;
        final int size;
        final AtomicLong inFlight;
        long maxInFlight;
        int read;

        Source(int count, int size, AtomicLong inFlight) {
            this.count = count;
            this.size = size;
            this.inFlight = inFlight;
        }

        @Override
        public InputRecord next() {
            if (read == count) {
                return null;
            }
            read++;
            maxInFlight = Math.max(maxInFlight, inFlight.addAndGet(size));
            return new InputRecord(read, "line " + read, new byte[size], size + 1);
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void bytesInFlightAreBoundedWhateverTheRecordCount() throws IOException {
        AtomicLong inFlight = new AtomicLong();
        Source source = new Source(200, 1 << 20, inFlight);
        List<Long> numbers = new ArrayList<>();
        new ChunkPipeline<>(2, InputRecord::number).run(source, results -> {
            numbers.addAll(results);
            inFlight.addAndGet(-(long) results.size() * (1 << 20));
        });
        assertThat(numbers).hasSize(200).isSorted();
        assertThat(source.maxInFlight).isLessThanOrEqualTo(ChunkPipeline.IN_FLIGHT_BYTES
                + ChunkPipeline.CHUNK_BYTES + (1 << 20));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRecordPastTheDeadlineIsGivenUpAndTheRestGoOnInOrder() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        try {
            ChunkPipeline<String> pipeline = new ChunkPipeline<>(2, record -> {
                if (record.number() % 100 == 7) {
                    // stuck until the test ends, deaf to interrupts as a loop in a rule is
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            // ignored on purpose
                        }
                    }
                }
                return "done " + record.number();
            }, Duration.ofMillis(300), record -> "timeout " + record.number());
            assertThat(pipeline.run(new Source(600, 10, new AtomicLong()), results::addAll)).isTrue();
        } finally {
            release.countDown();
        }
        assertThat(results).hasSize(600);
        for (int i = 1; i <= 600; i++) {
            assertThat(results.get(i - 1)).isEqualTo((i % 100 == 7 ? "timeout " : "done ") + i);
        }
    }

    @Test
    void aRecordThatWaitsForACoreIsNotGivenUp() throws IOException {
        // On a loaded machine a record mostly waits: its time counts as the thread's CPU time, as a decision's does,
        // with the wall clock allowed ten times the deadline.
        List<String> results = new ArrayList<>();
        ChunkPipeline<String> pipeline = new ChunkPipeline<>(2, record -> {
            if (record.number() == 5) {
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "done " + record.number();
        }, Duration.ofMillis(200), record -> "timeout " + record.number());
        assertThat(pipeline.run(new Source(20, 10, new AtomicLong()), results::addAll)).isTrue();
        assertThat(results).hasSize(20).allMatch(result -> result.startsWith("done "));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tooManyStuckThreadsFailTheRun() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            ChunkPipeline<String> pipeline = new ChunkPipeline<>(1, record -> {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // ignored on purpose
                    }
                }
                return "done";
            }, Duration.ofMillis(50), record -> "timeout");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> pipeline.run(new Source(100, 10, new AtomicLong()), results -> { }))
                    .isInstanceOf(IOException.class).hasMessageContaining("ran past the deadline");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aStopEndsReadingAndHandsOnWholeChunksOnly() throws IOException {
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Long>> chunks = new ArrayList<>();
        Source source = new Source(10_000, 10, new AtomicLong());
        boolean finished = new ChunkPipeline<>(2, InputRecord::number).run(source, results -> {
            chunks.add(results);
            stop.set(true);
        }, stop::get);
        assertThat(finished).isFalse();
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0)).hasSize(ChunkPipeline.CHUNK).startsWith(1L).endsWith((long) ChunkPipeline.CHUNK);
        assertThat(source.read).isLessThan(10_000);
    }
}
