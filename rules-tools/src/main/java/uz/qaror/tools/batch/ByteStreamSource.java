package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * A record source that scans one byte stream through its own buffer, without decoding it: records are cut on bytes
 * and handed on as bytes, so that what is not UTF-8 reaches the decision step intact and is refused there.
 */
abstract class ByteStreamSource implements RecordSource {

    private final InputStream in;
    private final long size;
    final int maxRecordBytes;
    final byte[] buffer = new byte[1 << 16];
    int position;
    int end;
    private boolean exhausted;

    ByteStreamSource(InputStream in, long size, int maxRecordBytes) {
        this.in = in;
        this.size = size;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Refills the buffer once it is used up; {@code false} at the end of the stream. */
    final boolean fill() throws IOException {
        if (position < end) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        int n = in.read(buffer);
        if (n < 0) {
            exhausted = true;
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final void close() throws IOException {
        in.close();
    }
}
