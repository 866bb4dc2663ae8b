package uz.qaror.server;

import java.io.BufferedInputStream;
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
    private byte[] buffer = new byte[8192];
    private long line;
    private long bytesRead;
    private long sliceRecordCount;
    private long sliceByteCount;
    private boolean atEnd;

    BoundedJsonLines(InputStream body, long maxLine, int sliceRecords, long sliceBytes) {
        this.in = new BufferedInputStream(body, 1 << 16);
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
        int b;
        while ((b = in.read()) >= 0) {
            bytesRead++;
            sawAny = true;
            if (b == '\n') {
                break;
            }
            if (oversized) {
                continue;
            }
            if (length == maxLine) {
                oversized = true;
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLine));
            }
            buffer[length++] = (byte) b;
        }
        if (b < 0) {
            atEnd = true;
            if (!sawAny) {
                return null;
            }
        }
        line++;
        sliceRecordCount++;
        sliceByteCount += length;
        if (oversized) {
            return new InputRecord(line, "line " + line, null);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        int start = line == 1 && length >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
                && (buffer[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(buffer, start, length - start, StandardCharsets.UTF_8);
        if (buffer.length > 1 << 16) {
            buffer = new byte[8192];
        }
        return new InputRecord(line, "line " + line, text);
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
