package uz.qaror.tools.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import uz.qaror.internal.build.FormDeclaration;
import uz.qaror.internal.catalog.CatalogSource;

/**
 * Writes a catalog of any size for scale tests: the real services copied round-robin under new ids
 * ({@code <id>-s0001}, ...), each with its package renamed so that it compiles as a service of its own. The
 * portal's 700 services are this catalog's real services many times over: same rules, same costs.
 */
public final class SyntheticCatalog {

    /** A screening test's block of expected statuses by service, and one of its entries. */
    private static final Pattern SCREEN = Pattern.compile("^(\\s*)screen:\\s*$");
    private static final Pattern KEY = Pattern.compile("^(\\s+)([a-z0-9-]+):(.*)$");
    /** The same block written on one line: {@code screen: {child-benefit: ELIGIBLE, ...}}. */
    private static final Pattern SCREEN_INLINE = Pattern.compile("^(\\s*screen:\\s*\\{)(.*)(\\}\\s*)$");
    private static final Pattern INLINE_KEY = Pattern.compile("([a-z0-9-]+)(\\s*:)");

    private SyntheticCatalog() {
    }

    public static void write(CatalogSource source, int count, Path target) throws IOException {
        List<String> ids = source.serviceIds();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("the source catalog has no services");
        }
        copyTree(source.root().resolve("parameters"), target.resolve("parameters"), null, null, Map.of());
        Files.writeString(target.resolve("catalog.yaml"), "name: synthetic catalog of " + count + " services\n");
        if (Files.exists(source.root().resolve("calendar.yaml"))) {
            Files.copy(source.root().resolve("calendar.yaml"), target.resolve("calendar.yaml"));
        }
        for (int i = 0; i < count; i++) {
            String original = ids.get(i % ids.size());
            String id = copyId(ids, i);
            copyTree(source.root().resolve("services").resolve(original), target.resolve("services").resolve(id),
                    original, id, copiesOfTheSameRound(ids, i, count));
        }
    }

    /** The id of copy {@code index} (from 0): copy {@code r * n + k} is round {@code r}'s copy of service k. */
    private static String copyId(List<String> ids, int index) {
        return ids.get(index % ids.size()) + String.format(Locale.ROOT, "-s%04d", index + 1);
    }

    /**
     * Each service's copy in the round of copy {@code index}, or in the first round where the last round is short
     * of it: what a copy's screening tests name instead of the real services they screen a household for.
     */
    private static Map<String, String> copiesOfTheSameRound(List<String> ids, int index, int count) {
        int round = index / ids.size();
        Map<String, String> copies = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            int copy = round * ids.size() + k;
            copies.put(ids.get(k), copyId(ids, copy < count ? copy : k));
        }
        return copies;
    }

    /**
     * The services named as the keys of a screening test's {@code screen:} block (indented or on one line), renamed
     * to their copies.
     */
    private static String renameScreenedServices(String yaml, Map<String, String> copies) {
        String[] lines = yaml.split("\n", -1);
        int screenIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = line.length() - line.stripLeading().length();
            if (screenIndent >= 0 && !line.isBlank() && indent <= screenIndent) {
                screenIndent = -1;
            }
            Matcher key = KEY.matcher(line);
            if (screenIndent >= 0 && key.matches() && copies.containsKey(key.group(2))) {
                lines[i] = key.group(1) + copies.get(key.group(2)) + ":" + key.group(3);
            }
            Matcher screen = SCREEN.matcher(line);
            if (screen.matches()) {
                screenIndent = screen.group(1).length();
            }
            Matcher inline = SCREEN_INLINE.matcher(line);
            if (inline.matches()) {
                lines[i] = inline.group(1) + INLINE_KEY.matcher(inline.group(2)).replaceAll(entry ->
                        Matcher.quoteReplacement(copies.getOrDefault(entry.group(1), entry.group(1)) + entry.group(2)))
                        + inline.group(3);
            }
        }
        return String.join("\n", lines);
    }

    private static void copyTree(Path from, Path to, String originalId, String newId, Map<String, String> copies)
            throws IOException {
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
                        text = renameScreenedServices(text.replace("service: " + originalId, "service: " + newId),
                                copies);
                    }
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
