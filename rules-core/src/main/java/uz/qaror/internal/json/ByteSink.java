package uz.qaror.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a generator writes a decision that becomes UTF-8 bytes: as {@link TextSink} does for text, the bytes are
 * the generator's one hand-over (a decision fits its buffer), copied once at their size.
 */
final class ByteSink extends OutputStream {

    private byte[] bytes;
    private int size;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        if (bytes == null) {
            bytes = Arrays.copyOfRange(buffer, offset, offset + length);
            size = length;
            return;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, bytes.length * 2));
        }
        System.arraycopy(buffer, offset, bytes, size, length);
        size += length;
    }

    /** What was written. */
    byte[] toByteArray() {
        if (bytes == null) {
            return new byte[0];
        }
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
