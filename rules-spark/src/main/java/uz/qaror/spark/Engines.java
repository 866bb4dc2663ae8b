package uz.qaror.spark;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import uz.qaror.DecisionEngine;

/**
 * The engines of this JVM, one per rules location and date, built the first time a task asks and kept for every
 * later task: KieBases cannot be serialised, and compiling a catalog per task or per partition would cost more
 * than deciding it. An engine is thread-safe, so the tasks an executor runs at once share it. Shipped rules are
 * unpacked once per JVM too.
 */
final class Engines {

    private static final ConcurrentMap<String, DecisionEngine> ENGINES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Path> FOLDERS = new ConcurrentHashMap<>();

    private Engines() {
    }

    static DecisionEngine get(String key, Supplier<DecisionEngine> build) {
        return ENGINES.computeIfAbsent(key, k -> build.get());
    }

    /** The folder shipped rules were unpacked into on this JVM; removed when the JVM ends. */
    static Path unpacked(String hash, Supplier<Path> unpack) {
        return FOLDERS.computeIfAbsent(hash, h -> {
            Path folder = unpack.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "qaror-rules-cleanup"));
            return folder;
        });
    }

    private static void delete(Path folder) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // A temporary folder left behind is not worth failing a job for.
        }
    }

    /** How many engines this JVM built, for tests. */
    static int count() {
        return ENGINES.size();
    }
}
