package uz.qaror.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a rules folder, for tests that change a copy. */
final class DecisionEngineCopies {

    private DecisionEngineCopies() {
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
