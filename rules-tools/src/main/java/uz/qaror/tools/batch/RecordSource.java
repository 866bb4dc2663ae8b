package uz.qaror.tools.batch;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a batch's applications come from: JSON Lines, one JSON array, or a folder of JSON files. Records are read
 * one at a time as bytes, and a record over {@code maxRecordBytes} is skipped to its end rather than held, so
 * memory grows neither with the input nor with one hostile record.
 */
public interface RecordSource extends Closeable {

    /** The default limit of one record's bytes: 1 MiB, the engine's own default for one application. */
    int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    /** The next record, or {@code null} at the end. */
    InputRecord next() throws IOException;

    /** The input's size in bytes, or -1 when unknown (standard input). */
    long size();

    /** How many records the input holds when that is known before reading it (a folder), else -1. */
    default long count() {
        return -1;
    }

    /** Opens a file, folder or standard input with the default record limit. */
    static RecordSource open(String name, InputStream stdin) throws IOException {
        return open(name, stdin, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * Opens a file, a folder, or standard input ({@code -}). A stream whose first non-blank character is
     * {@code [} is read as a JSON array; any other as JSON Lines.
     */
    static RecordSource open(String name, InputStream stdin, int maxRecordBytes) throws IOException {
        if (!"-".equals(name) && Files.isDirectory(Path.of(name))) {
            return new FolderSource(Path.of(name), maxRecordBytes);
        }
        long size = "-".equals(name) ? -1 : Files.size(Path.of(name));
        return of("-".equals(name) ? stdin : Files.newInputStream(Path.of(name)), size, maxRecordBytes);
    }

    /**
     * Reads a stream as JSON Lines only, whatever its first byte (a line {@code [1]} is a record that fails), for
     * a caller that was told the format (the HTTP service's batch, declared {@code application/x-ndjson}).
     */
    static RecordSource jsonLines(InputStream stream, long size, int maxRecordBytes) {
        return new JsonLinesSource(stream, size, maxRecordBytes);
    }

    /** Reads a stream of JSON Lines or one JSON array (told apart by the first non-blank byte). */
    static RecordSource of(InputStream stream, long size, int maxRecordBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(1 << 12);
        int c;
        int looked = 0;
        do {
            c = in.read();
            looked++;
        } while (looked < 1 << 12
                && (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF));
        in.reset();
        if (c == '[') {
            return new JsonArraySource(in, size, maxRecordBytes);
        }
        return new JsonLinesSource(in, size, maxRecordBytes);
    }
}
