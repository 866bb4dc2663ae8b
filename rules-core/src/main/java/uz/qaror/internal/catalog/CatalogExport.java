package uz.qaror.internal.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a catalog, typically the embedded one, into a folder a policy team can edit and then use with
 * {@code --rules}. The embedded catalog may live inside a jar, so the copy walks the catalog's own file system
 * and rebuilds each path name by name on the target's.
 */
public final class CatalogExport {

    private CatalogExport() {
    }

    /** Whether {@code target} is missing or an empty folder, so that exporting there overwrites nothing. */
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
     * Copies every file of the catalog under {@code target}, replacing files of the same name and leaving any
     * other file in place.
     *
     * @return the number of files copied
     */
    public static int copy(CatalogSource source, Path target) throws IOException {
        return Folders.copyTree(source.root(), target);
    }
}
