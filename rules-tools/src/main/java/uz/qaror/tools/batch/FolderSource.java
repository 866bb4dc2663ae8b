package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder of JSON files, one application each, in file-name order. */
final class FolderSource implements RecordSource {

    private final List<Path> files;
    private final long size;
    private final int maxRecordBytes;
    private int position;

    FolderSource(Path folder, int maxRecordBytes) throws IOException {
        this.maxRecordBytes = maxRecordBytes;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        size = total;
    }

    @Override
    public InputRecord next() throws IOException {
        if (position >= files.size()) {
            return null;
        }
        Path file = files.get(position++);
        String label = file.getFileName().toString();
        long size = Files.size(file);
        if (size > maxRecordBytes) {
            return InputRecord.tooLarge(position, label, size);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since it was measured: never read more than the limit.
            content = in.readNBytes(maxRecordBytes + 1);
        }
        if (content.length > maxRecordBytes) {
            return InputRecord.tooLarge(position, label, size);
        }
        return new InputRecord(position, label, content, content.length);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long count() {
        return files.size();
    }

    @Override
    public void close() {
        // nothing held open between records
    }
}
