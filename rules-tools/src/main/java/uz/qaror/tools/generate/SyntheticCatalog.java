package uz.qaror.tools.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import uz.qaror.internal.build.FormDeclaration;
import uz.qaror.internal.catalog.CatalogSource;

/**
 * Writes a catalog of any size for scale tests: the real services copied round-robin under new ids
 * ({@code <id>-s0001}, ...), each with its package renamed so that it compiles as a service of its own. The
 * portal's 700 services are this catalog's real services many times over: same rules, same costs.
 */
public final class SyntheticCatalog {

    private SyntheticCatalog() {
    }

    public static void write(CatalogSource source, int count, Path target) throws IOException {
        List<String> ids = source.serviceIds();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("the source catalog has no services");
        }
        copyTree(source.root().resolve("parameters"), target.resolve("parameters"), null, null);
        Files.writeString(target.resolve("catalog.yaml"), "name: synthetic catalog of " + count + " services\n");
        if (Files.exists(source.root().resolve("calendar.yaml"))) {
            Files.copy(source.root().resolve("calendar.yaml"), target.resolve("calendar.yaml"));
        }
        for (int i = 0; i < count; i++) {
            String original = ids.get(i % ids.size());
            String id = original + String.format("-s%04d", i + 1);
            copyTree(source.root().resolve("services").resolve(original), target.resolve("services").resolve(id),
                    original, id);
        }
    }

    private static void copyTree(Path from, Path to, String originalId, String newId) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                String name = source.getFileName().toString();
                if (originalId != null && (name.equals("service.yaml") || name.endsWith(".drl")
                        || name.endsWith(".drl.csv") || name.endsWith(".yaml"))) {
                    String text = Files.readString(source, StandardCharsets.UTF_8)
                            .replace(FormDeclaration.packageOf(originalId), FormDeclaration.packageOf(newId));
                    if (name.equals("service.yaml")) {
                        text = text.replaceFirst("(?m)^id: .*$", "id: " + newId);
                    } else if (source.getParent().getFileName().toString().equals("tests")) {
                        text = text.replace("service: " + originalId, "service: " + newId);
                    }
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
