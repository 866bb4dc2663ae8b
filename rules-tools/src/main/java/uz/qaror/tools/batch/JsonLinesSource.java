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
        line++;
        String label = "line " + line;
        if (!tooLarge && length > 0 && record[length - 1] == '\r') {
            length--;
        }
        if (tooLarge || length > maxRecordBytes) {
            return InputRecord.tooLarge(line, label, consumed);
        }
        int from = 0;
        if (line == 1 && length >= 3 && (record[0] & 0xFF) == 0xEF && (record[1] & 0xFF) == 0xBB
                && (record[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        return new InputRecord(line, label, Arrays.copyOfRange(record, from, length), consumed);
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
