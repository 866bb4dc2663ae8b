package uz.qaror.tools.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An output file of a batch, written aside as {@code NAME.partial} and moved into place when the batch ends, so
 * that it appears whole or not at all. An interrupted batch leaves the partial file; resuming keeps its
 * complete lines (a line cut short by the interruption is dropped) and appends after them.
 */
public final class ResumableOutput {

    private final Path target;
    private final Path partial;
    private final String header;
    private Writer writer;
    private long existingRecords;

    private ResumableOutput(Path target, String header) {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
        this.header = header;
    }

    /** The partial file of a target, where an interrupted batch left its lines. */
    public static Path partialOf(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".partial");
    }

    /**
     * Opens the output. With {@code resume} and a partial file present, keeps its complete records; otherwise
     * starts a new partial file.
     */
    public static ResumableOutput open(Path target, String header, boolean resume) throws IOException {
        ResumableOutput output = new ResumableOutput(target, header);
        Files.createDirectories(output.partial.getParent());
        if (resume && Files.exists(output.partial)) {
            output.existingRecords = countAndTrim(output.partial, header == null ? 0 : 1, Long.MAX_VALUE);
        } else {
            Files.deleteIfExists(output.partial);
            Files.createFile(output.partial);
            if (header != null) {
                Files.writeString(output.partial, header + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        }
        return output;
    }

    /** Complete records already written by an earlier, interrupted run. */
    public long existingRecords() {
        return existingRecords;
    }

    /** Keeps only the first {@code records} records (to align two outputs of one batch). */
    public void truncateTo(long records) throws IOException {
        existingRecords = countAndTrim(partial, header == null ? 0 : 1, records);
    }

    /** Calls {@code action} with each record line already written, for rebuilding counts. */
    public void forEachExisting(Consumer<String> action) throws IOException {
        try (var lines = Files.lines(partial, StandardCharsets.UTF_8)) {
            lines.skip(header == null ? 0 : 1).forEach(action);
        }
    }

    public Writer writer() throws IOException {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(partial, StandardOpenOption.APPEND), StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Flushes, closes and moves the finished file into place. */
    public void commit() throws IOException {
        writer().close();
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes and closes, leaving the partial file for a later resume. */
    public void suspend() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    public Path target() {
        return target;
    }

    public Path partial() {
        return partial;
    }

    /**
     * Counts complete lines after {@code skipLines}, keeping at most {@code limit} of them, and cuts the file after
     * the last kept one.
     */
    private static long countAndTrim(Path file, int skipLines, long limit) throws IOException {
        long keepBytes = 0;
        long position = 0;
        long lines = 0;
        long records = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            outer:
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    position++;
                    if (buffer[i] == '\n') {
                        lines++;
                        if (lines > skipLines) {
                            if (records == limit) {
                                break outer;
                            }
                            records++;
                        }
                        keepBytes = position;
                    }
                }
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(keepBytes);
        }
        return records;
    }
}
