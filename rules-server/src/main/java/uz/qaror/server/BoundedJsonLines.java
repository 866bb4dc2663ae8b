package uz.qaror.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordSource;

/**
 * JSON Lines from a request body, read in bounded slices. Every line is a record, blank lines included (they
 * become error records, as in {@code qaror batch}); a line longer than the limit is skipped to its end and handed
 * out with {@code null} text, for the caller to answer with an error record, so that no line ever needs more
 * memory than the limit. A slice ends (the source reports its end) once it has handed out enough records or
 * bytes; {@link #nextSlice()} starts the next one. Deciding slice after slice bounds the memory of a batch
 * whatever the size of its lines and of the whole body.
 */
final class BoundedJsonLines implements RecordSource {

    private final InputStream in;
    private final int maxLine;
    private final int sliceRecords;
    private final long sliceBytes;
    /** What was read from the body and not yet handed out: {@code input[position..limit)}. */
    private final byte[] input = new byte[1 << 16];
    private int position;
    private int limit;
    /** The line being gathered, at most {@code maxLine} bytes. */
    private byte[] line = new byte[8192];
    private long number;
    private long bytesRead;
    private long sliceRecordCount;
    private long sliceByteCount;
    private boolean atEnd;

    BoundedJsonLines(InputStream body, long maxLine, int sliceRecords, long sliceBytes) {
        this.in = body;
        this.maxLine = (int) Math.min(Integer.MAX_VALUE - 8, maxLine);
        this.sliceRecords = sliceRecords;
        this.sliceBytes = sliceBytes;
    }

    /** Starts the next slice; false when the body has been read to its end. */
    boolean nextSlice() {
        sliceRecordCount = 0;
        sliceByteCount = 0;
        return !atEnd;
    }

    /** Whether the record's line was longer than the limit (its text was not kept). */
    static boolean oversized(InputRecord record) {
        return record.text() == null;
    }

    @Override
    public InputRecord next() throws IOException {
        if (atEnd || sliceRecordCount >= sliceRecords || sliceByteCount >= sliceBytes) {
            return null;
        }
        int length = 0;
        boolean oversized = false;
        boolean sawAny = false;
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                atEnd = true;
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int end = position;
            while (end < limit && input[end] != '\n') {
                end++;
            }
            ended = end < limit;
            int count = end - position;
            if (!oversized && length + count > maxLine) {
                oversized = true;
            }
            if (!oversized) {
                if (length + count > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLine, Math.max(length + count, line.length * 2)));
                }
                System.arraycopy(input, position, line, length, count);
                length += count;
            }
            position = ended ? end + 1 : end;
        }
        number++;
        sliceRecordCount++;
        sliceByteCount += length;
        if (oversized) {
            return new InputRecord(number, "line " + number, null);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(line, start, length - start, StandardCharsets.UTF_8);
        if (line.length > 1 << 16) {
            line = new byte[8192];
        }
        return new InputRecord(number, "line " + number, text);
    }

    /** Reads more of the body; false at its end. */
    private boolean fill() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
