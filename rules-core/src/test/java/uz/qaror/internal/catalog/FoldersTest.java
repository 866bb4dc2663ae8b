package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @Test
    void aTreeIsDeletedWithEverythingInItAndItsNeighbourKept(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/c.txt"), "c");
        Files.writeString(tree.resolve("d.txt"), "d");
        Path neighbour = Files.writeString(dir.resolve("kept.txt"), "kept");

        Folders.deleteTree(tree);

        assertThat(tree).doesNotExist();
        assertThat(neighbour).hasContent("kept");
    }

    @Test
    void aMissingFolderIsNothingToDelete(@TempDir Path dir) throws IOException {
        Folders.deleteTree(dir.resolve("missing"));
        assertThat(dir).isEmptyDirectory();
    }
}
