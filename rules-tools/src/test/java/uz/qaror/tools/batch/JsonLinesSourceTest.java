package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * JSON Lines cut on bytes, checked against the plainest reading of what the source promises: split on {@code \n},
 * one {@code \r} before it dropped, the first line's byte-order mark dropped, a line over the limit only counted.
 * Streams are long enough to cross the source's buffer many times, and are delivered in reads of random sizes.
 */
class JsonLinesSourceTest {

    private static final byte[] MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a record holds, comparable: its bytes one character each (null when too large), its size and number. */
    private record Seen(long number, String label, String bytes, long size) {
        static Seen of(InputRecord record) {
            return new Seen(record.number(), record.label(), record.isTooLarge() ? null : list(record.bytes()),
                    record.size());
        }
    }

    private static String list(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<Seen> expected(byte[] input, int max) {
        List<Seen> records = new ArrayList<>();
        int start = 0;
        long number = 0;
        while (start < input.length) {
            int newline = start;
            while (newline < input.length && input[newline] != '\n') {
                newline++;
            }
            byte[] line = Arrays.copyOfRange(input, start, newline);
            long size = line.length + (newline < input.length ? 1 : 0);
            number++;
            if (line.length > 0 && line[line.length - 1] == '\r') {
                line = Arrays.copyOf(line, line.length - 1);
            }
            boolean tooLarge = line.length > max;
            if (!tooLarge && number == 1 && line.length >= 3 && Arrays.equals(line, 0, 3, MARK, 0, 3)) {
                line = Arrays.copyOfRange(line, 3, line.length);
            }
            records.add(new Seen(number, "line " + number, tooLarge ? null : list(line), size));
            start = newline + 1;
        }
        return records;
    }

    private static List<Seen> read(byte[] input, int max, SplittableRandom random) throws IOException {
        InputStream trickle = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(100_000)));
            }
        };
        List<Seen> records = new ArrayList<>();
        try (JsonLinesSource source = new JsonLinesSource(trickle, input.length, max)) {
            for (InputRecord record = source.next(); record != null; record = source.next()) {
                records.add(Seen.of(record));
            }
        }
        return records;
    }

    @Test
    void linesAreCutAsSplittingOnLineFeedsCutsThem() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        byte[] pieces = {'{', '}', 'a', '"', '\r', ' ', (byte) 0xD0, (byte) 0xB9, (byte) 0xEF};
        for (int stream = 0; stream < 24; stream++) {
            int max = stream % 4 == 0 ? 200_000 : 1 + random.nextInt(300);
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                input.write(MARK, 0, 3);
            }
            int lines = 200 + random.nextInt(3_000);
            for (int i = 0; i < lines; i++) {
                int length = random.nextInt(50) == 0 ? random.nextInt(100_000)
                        : random.nextInt(Math.min(2 * max + 2, 400));
                byte[] line = new byte[length];
                for (int k = 0; k < length; k++) {
                    line[k] = pieces[random.nextInt(pieces.length)];
                }
                if (random.nextInt(20) == 0) {
                    input.write(MARK, 0, 3); // a mark is dropped from the first line only
                }
                input.write(line, 0, length);
                if (random.nextInt(4) == 0) {
                    input.write('\r');
                }
                if (i < lines - 1 || random.nextBoolean()) {
                    input.write('\n');
                }
            }
            byte[] bytes = input.toByteArray();
            assertThat(read(bytes, max, random)).as("stream %d, limit %d", stream, max)
                    .isEqualTo(expected(bytes, max));
        }
    }

    @Test
    void emptyInputHasNoRecordsAndABlankLineIsOne() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(read(new byte[0], 10, random)).isEmpty();
        assertThat(read(new byte[] {'\n'}, 10, random)).containsExactly(new Seen(1, "line 1", "", 1));
        assertThat(read(new byte[] {'\r', '\n', 'x'}, 10, random))
                .containsExactly(new Seen(1, "line 1", "", 2), new Seen(2, "line 2", "x", 1));
    }
}
