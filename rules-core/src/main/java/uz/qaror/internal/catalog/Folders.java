package uz.qaror.internal.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies rules folders, from disk or from inside a jar: the embedded catalog may live in one, so a copy walks
 * the source's own file system and rebuilds each path name by name on the target's.
 */
public final class Folders {

    private Folders() {
    }

    /** Whether {@code target} is missing or an empty folder, so that writing a catalog there overwrites nothing. */
    public static boolean isEmptyOrMissing(Path target) throws IOException {
        if (!Files.exists(target)) {
            return true;
        }
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Copies every file under {@code from} to the same place under {@code to}, replacing files of the same name
     * and leaving any other file in place.
     *
     * @return the number of files copied
     */
    public static int copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Files.createDirectories(to);
        for (Path file : files) {
            Path destination = to;
            for (Path name : from.relativize(file)) {
                // A jar's file system may end folder names with '/'.
                destination = destination.resolve(name.toString().replace("/", ""));
            }
            Files.createDirectories(destination.getParent());
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        return files.size();
    }
}
