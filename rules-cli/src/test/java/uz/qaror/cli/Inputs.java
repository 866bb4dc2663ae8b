package uz.qaror.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Applications for batch tests, one JSON object per line, made from the examples. */
final class Inputs {

    private Inputs() {
    }

    /** An example application on one line. */
    static String example(String name) throws IOException {
        return Files.readString(CliTest.EXAMPLES.resolve(name + ".json")).replaceAll("\\s*\\n\\s*", " ");
    }

    /** {@code count} marriage applications (one service: a child JVM compiles little), ids numbered. */
    static List<String> marriages(int count) throws IOException {
        String approved = example("marriage-registration");
        String rejected = example("marriage-registration-17");
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String line = i % 3 == 2 ? rejected : approved;
            lines.add(line.replaceFirst("\"id\": \"", "\"id\": \"" + i + "-"));
        }
        return lines;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
