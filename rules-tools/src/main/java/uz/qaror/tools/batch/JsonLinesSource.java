package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * JSON Lines read as bytes: only {@code \n} ends a record, so a stray carriage return inside a line is data (the
 * record then fails to parse on its own, and no later record shifts). One {@code \r} right before the {@code \n},
 * as Windows writes, is dropped. Blank lines are records too (they become error records, never vanish). Nothing is
 * decoded here: invalid UTF-8 reaches the decision step intact and is refused there, record by record.
 */
final class JsonLinesSource extends ByteStreamSource {

    private long line;

    JsonLinesSource(InputStream in, long size, int maxRecordBytes) {
        super(in, size, maxRecordBytes);
    }

    @Override
    public InputRecord next() throws IOException {
        if (fill()) {
            // Most lines lie whole in the buffer: copied once, at their size, rather than gathered piece by piece.
            int newline = indexOf((byte) '\n', position, end);
            if (newline >= 0 && newline - position <= maxRecordBytes + 1L) {
                int from = position;
                position = newline + 1;
                return record(buffer, from, newline - from, newline - from + 1L);
            }
        }
        byte[] record = new byte[256];
        int length = 0;
        long consumed = 0;
        boolean tooLarge = false;
        boolean ended = false;
        while (!ended) {
            if (!fill()) {
                break;
            }
            int newline = indexOf((byte) '\n', position, end);
            int stop = newline < 0 ? end : newline;
            int n = stop - position;
            consumed += n;
            if (!tooLarge && length + (long) n > maxRecordBytes + 1L) {
                // One byte of slack for the \r of a Windows line end; beyond it the record is only counted.
                tooLarge = true;
                record = null;
            }
            if (!tooLarge) {
                if (length + n > record.length) {
                    record = Arrays.copyOf(record, Math.max(length + n, record.length * 2));
                }
                System.arraycopy(buffer, position, record, length, n);
                length += n;
            }
            position = stop;
            if (newline >= 0) {
                position++;
                consumed++;
                ended = true;
            }
        }
        if (!ended && consumed == 0) {
            return null;
        }
        if (tooLarge) {
            line++;
            return InputRecord.tooLarge(line, "line " + line, consumed);
        }
        return record(record, 0, length, consumed);
    }

    /**
     * The record of a line's {@code length} bytes at {@code from} (without its {@code \n}), which took {@code consumed}
     * bytes of input: a Windows {@code \r} and the first line's byte-order mark left out, a line over the limit
     * only counted.
     */
    private InputRecord record(byte[] bytes, int from, int length, long consumed) {
        line++;
        String label = "line " + line;
        int to = from + length;
        if (length > 0 && bytes[to - 1] == '\r') {
            to--;
        }
        if (to - from > maxRecordBytes) {
            return InputRecord.tooLarge(line, label, consumed);
        }
        if (line == 1 && to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
                && (bytes[from + 2] & 0xFF) == 0xBF) {
            from += 3;
        }
        return new InputRecord(line, label, Arrays.copyOfRange(bytes, from, to), consumed);
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
