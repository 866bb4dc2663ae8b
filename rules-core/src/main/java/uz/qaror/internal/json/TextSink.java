package uz.qaror.internal.json;

import java.io.Writer;

/**
 * Where a generator writes a decision that becomes a string. A generator hands its buffer over when it is full and
 * when it is closed; a decision fits its buffer, so the string is made from the one hand-over, without the
 * synchronised, growing buffer of a {@code StringWriter} and the copy of it that {@code toString} makes.
 */
final class TextSink extends Writer {

    private String first;
    private StringBuilder more;

    @Override
    public void write(char[] chars, int offset, int length) {
        if (first == null && more == null) {
            first = new String(chars, offset, length);
            return;
        }
        if (more == null) {
            more = new StringBuilder(first.length() * 2 + length).append(first);
            first = null;
        }
        more.append(chars, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        if (more != null) {
            return more.toString();
        }
        return first == null ? "" : first;
    }
}
