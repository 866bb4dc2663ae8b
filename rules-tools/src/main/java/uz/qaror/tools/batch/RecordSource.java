package uz.qaror.tools.batch;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a batch's applications come from: JSON Lines, one JSON array, or a folder of JSON files. Records are
 * read one at a time, so memory does not grow with the input.
 */
public interface RecordSource extends Closeable {

    /** The next record, or {@code null} at the end. */
    InputRecord next() throws IOException;

    /** Bytes consumed so far, for progress. */
    long bytesRead();

    /** The input's size in bytes, or -1 when unknown (standard input). */
    long size();

    /**
     * Opens a file, a folder, or standard input ({@code -}). A stream whose first non-blank character is
     * {@code [} is read as a JSON array; any other as JSON Lines.
     */
    static RecordSource open(String name, InputStream stdin) throws IOException {
        if (!"-".equals(name) && Files.isDirectory(Path.of(name))) {
            return new FolderSource(Path.of(name));
        }
        long size = "-".equals(name) ? -1 : Files.size(Path.of(name));
        CountingInputStream counting = new CountingInputStream(
                "-".equals(name) ? stdin : Files.newInputStream(Path.of(name)));
        BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
        in.mark(1 << 12);
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
        in.reset();
        if (c == '[') {
            return new JsonArraySource(in, counting, size);
        }
        return new JsonLinesSource(in, counting, size);
    }
}
