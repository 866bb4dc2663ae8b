package uz.qaror.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;
import uz.qaror.internal.Internals;
import uz.qaror.tools.generate.SyntheticCatalog;

/**
 * The decree's scale: a synthetic catalog of N services (default 700) written from the real ones, every rule set
 * compiled, then the heap measured after a full collection. Usage: {@code ScaleCheck [N] [FOLDER] [PREBUILT_JAR]}:
 * with the jar {@code qaror catalog prebuild} wrote for the folder, services load their rules from it.
 */
public final class ScaleCheck {

    private ScaleCheck() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 700;
        Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("qaror-synthetic");
        DecisionEngine source = DecisionEngine.embedded();
        if (!Files.exists(folder.resolve("services"))) {
            SyntheticCatalog.write(Internals.source(source), count, folder);
        }
        long start = System.nanoTime();
        Path prebuilt = args.length > 2 ? Path.of(args[2]) : null;
        DecisionEngine engine = DecisionEngine.builder().rulesDirectory(folder).prebuiltRules(prebuilt).build();
        List<Diagnostic> errors = engine.prepareAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long loaded = engine.serviceIds().stream().filter(id -> Internals.compiled(engine, id).prebuilt()).count();
        System.out.printf(Locale.ROOT, "%d services ready in %.1f s (%d loaded prebuilt, %d errors); heap after GC:"
                + " %d MB%n", engine.serviceIds().size(), seconds, loaded, errors.size(), heap / (1024 * 1024));
        if (!errors.isEmpty()) {
            errors.stream().limit(5).forEach(System.out::println);
        }
        // Keep the engine reachable until the heap was measured.
        System.out.println("rules location: " + engine.rulesLocation());
    }
}
