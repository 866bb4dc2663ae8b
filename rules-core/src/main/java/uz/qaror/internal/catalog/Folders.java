package uz.qaror.internal.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
     * and leaving any other file in place. Nothing is written through a symbolic link: a folder or file below
     * {@code to} that is a link (a {@code services/} pointing elsewhere, say) stops the copy before anything is
     * written there, so that a copy cannot overwrite files outside the folder named.
     *
     * @return the number of files copied
     * @throws IOException naming a link below {@code to}, or when a file cannot be copied
     */
    public static int copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> destinations = new java.util.ArrayList<>();
        for (Path file : files) {
            Path destination = to;
            for (Path name : from.relativize(file)) {
                // A jar's file system may end folder names with '/'.
                destination = destination.resolve(name.toString().replace("/", ""));
                if (Files.isSymbolicLink(destination)) {
                    throw new IOException(destination + " is a symbolic link; nothing is written through a link: "
                            + "remove it, or export into another folder");
                }
            }
            destinations.add(destination);
        }
        Files.createDirectories(to);
        for (int i = 0; i < files.size(); i++) {
            Files.createDirectories(destinations.get(i).getParent());
            Files.copy(files.get(i), destinations.get(i), StandardCopyOption.REPLACE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
        }
        return files.size();
    }

    /** Deletes a folder with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path file : files) {
            Files.delete(file);
        }
    }
}
