package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One JSON array of applications, cut into its elements by their brackets and quotes, byte by byte: each element
 * becomes a record exactly as a line of JSON Lines does, so that a broken or hostile element (bad UTF-8, a wrong
 * shape, a huge size) is that element's error record and the next one is read as usual. Only a break in the
 * array's own structure (a bracket closed by the wrong kind, the end of the input inside the array) stops it: the
 * elements after it cannot be told apart, so the batch reports where and stops.
 */
final class JsonArraySource extends ByteStreamSource {

    /** Thrown when the array itself is broken; names the element, line and column. */
    static final class BrokenArray extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenArray(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 4096;

    private long line = 1;
    private long column;
    private long index;
    private boolean started;
    private boolean finished;
    /** Blanks the last {@link #skipBlank()} passed over, counted into the bytes a record took. */
    private long skipped;

    JsonArraySource(InputStream in, long size, int maxRecordBytes) {
        super(in, size, maxRecordBytes);
    }

    @Override
    public InputRecord next() throws IOException {
        if (finished) {
            return null;
        }
        long consumed = 0;
        if (!started) {
            started = true;
            int c = skipBlank();
            consumed += skipped;
            if (c == 0xEF) {
                read();
                read();
                consumed += 3;
                c = skipBlank();
                consumed += skipped;
            }
            if (c != '[') {
                throw broken("the input is not a JSON array");
            }
            read();
            consumed++;
            int first = skipBlank();
            consumed += skipped;
            if (first == ']') {
                read();
                finish();
                return null;
            }
        }
        int c = skipBlank();
        consumed += skipped;
        long startLine = line;
        byte[] element = new byte[256];
        int length = 0;
        boolean tooLarge = false;
        byte[] open = new byte[16];
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            c = read();
            if (c < 0) {
                throw broken("the JSON array is not closed");
            }
            consumed++;
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    throw broken("the JSON array nests deeper than " + MAX_DEPTH);
                }
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = (byte) c;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    if (c == '}') {
                        throw broken("a '}' closes the array's '['");
                    }
                    index++;
                    finish();
                    return record(element, length, tooLarge, startLine, consumed);
                }
                byte opened = open[--depth];
                if ((c == '}') != (opened == '{')) {
                    throw broken("a '" + (char) c + "' closes a '" + (char) opened + "'");
                }
            } else if (c == ',' && depth == 0) {
                index++;
                return record(element, length, tooLarge, startLine, consumed);
            }
            if (!tooLarge) {
                if (length == maxRecordBytes) {
                    tooLarge = true;
                    element = null;
                } else {
                    if (length == element.length) {
                        element = Arrays.copyOf(element, Math.min(maxRecordBytes, length * 2));
                    }
                    element[length++] = (byte) c;
                }
            }
        }
    }

    private InputRecord record(byte[] element, int length, boolean tooLarge, long startLine, long consumed) {
        String label = "element " + index + " (line " + startLine + ")";
        if (tooLarge) {
            return InputRecord.tooLarge(index, label, consumed);
        }
        return new InputRecord(index, label, Arrays.copyOf(element, length), consumed);
    }

    /** After the closing bracket only blanks may follow. */
    private void finish() throws IOException {
        finished = true;
        int c = skipBlank();
        if (c >= 0) {
            throw broken("there is more after the array's closing ']'");
        }
    }

    /** Skips blanks and returns the next byte without consuming it (-1 at the end); {@link #skipped} counts them. */
    private int skipBlank() throws IOException {
        skipped = 0;
        while (true) {
            int c = peek();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            read();
            skipped++;
        }
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] & 0xFF : -1;
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return c;
    }

    private BrokenArray broken(String problem) {
        return new BrokenArray("the JSON array is broken after element " + index + " at line " + line + ", column "
                + column + ": " + problem);
    }
}
