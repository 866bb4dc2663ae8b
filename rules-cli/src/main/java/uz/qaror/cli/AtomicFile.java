package uz.qaror.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file aside and moves it into place, so that it appears whole or not at all. */
final class AtomicFile {

    interface Body<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static <T> T write(Path target, Body<T> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".partial");
        try {
            T result;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                result = body.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
