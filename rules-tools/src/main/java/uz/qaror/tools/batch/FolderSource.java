package uz.qaror.tools.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder of JSON files, one application each, in file-name order. */
final class FolderSource implements RecordSource {

    private final List<Path> files;
    private final long size;
    private long bytes;
    private int position;

    FolderSource(Path folder) throws IOException {
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
        byte[] content = Files.readAllBytes(file);
        bytes += content.length;
        return new InputRecord(position, file.getFileName().toString(), new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        // nothing held open between records
    }
}
