package uz.qaror.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a rules folder, for tests that change a copy. */
final class DecisionEngineCopies {

    private DecisionEngineCopies() {
    }

    static void copy(Path from, Path to) throws IOException {
        uz.qaror.internal.catalog.Folders.copyTree(from, to);
    }
}
