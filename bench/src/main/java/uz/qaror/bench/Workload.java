package uz.qaror.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.generate.ApplicationGenerator;
import uz.qaror.internal.json.Json;

/** The applications the benchmarks decide: generated over the catalog's mix, valid ones only. */
final class Workload {

    private Workload() {
    }

    /** {@code count} generated applications (seeded), as JSON text. */
    static List<String> generated(DecisionEngine engine, int count, long seed) {
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), seed, 0);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(generator.line(i));
        }
        return lines;
    }

    static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static JsonNode parse(String line) {
        try {
            return Json.JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
