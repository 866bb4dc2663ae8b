package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/**
 * What produced a batch's output, recorded beside its partial file so that a resume can tell whether it would
 * continue the same work: named settings that must match (the input's fingerprint, format, language, rules, date,
 * options that change records), and notes that need not (the input's path: a file moved elsewhere is the same
 * input when its bytes are).
 */
public final class RunSettings {

    private final Map<String, String> checked;
    private final Map<String, String> noted;

    private RunSettings(Map<String, String> checked, Map<String, String> noted) {
        this.checked = Collections.unmodifiableMap(new LinkedHashMap<>(checked));
        this.noted = Collections.unmodifiableMap(new LinkedHashMap<>(noted));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings in the order they are shown. */
    public static final class Builder {
        private final Map<String, String> checked = new LinkedHashMap<>();
        private final Map<String, String> noted = new LinkedHashMap<>();

        /** A setting a resume must match; {@code null} values are recorded as "none". */
        public Builder checked(String name, Object value) {
            checked.put(name, value == null ? "none" : value.toString());
            return this;
        }

        /** A setting recorded for people, which a resume may change. */
        public Builder noted(String name, Object value) {
            noted.put(name, value == null ? "none" : value.toString());
            return this;
        }

        /**
         * The input's fingerprint ({@link RunSettings#fingerprint}); standard input cannot be read twice and is
         * recorded as such.
         */
        public Builder input(String name) throws IOException {
            if ("-".equals(name)) {
                checked.put("input", "standard input (its content cannot be checked)");
                return this;
            }
            Path path = Path.of(name).toAbsolutePath().normalize();
            noted.put("input path", path.toString());
            checked.put("input", fingerprint(path));
            return this;
        }

        public RunSettings build() {
            return new RunSettings(checked, noted);
        }
    }

    /**
     * A file's size and two checksums of all its bytes (CRC-32C and CRC-32, different polynomials); for a folder the
     * same over the sorted names and bytes of every regular file under it.
     *
     * <p>Checksums, not a cryptographic digest: a fingerprint tells a resume whether the input is the one its
     * partial was written from, which a changed byte, a cut or an added line changes; whoever can change the input on
     * purpose can as well change the settings recorded beside the partial, so a digest would guard nothing more.
     * SHA-256 took 1.0-1.7 s of the start of a batch of a million applications (892 MB); the two checksums take
     * 0.03-0.3 s beyond reading the bytes, which the JDK computes with the processor's own instructions.
     */
    public static String fingerprint(Path path) throws IOException {
        Checksums sums = new Checksums();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            long total = 0;
            for (Path file : files) {
                byte[] name = path.relativize(file).toString().getBytes(StandardCharsets.UTF_8);
                sums.update(name, name.length);
                sums.update(new byte[1], 1);
                total += sums.updateFrom(file);
            }
            return files.size() + " files, " + total + " bytes, " + sums;
        }
        long size = sums.updateFrom(path);
        return size + " bytes, " + sums;
    }

    /** Two checksums of the same bytes. */
    private static final class Checksums {
        private final CRC32C castagnoli = new CRC32C();
        private final CRC32 ieee = new CRC32();

        void update(byte[] bytes, int length) {
            castagnoli.update(bytes, 0, length);
            ieee.update(bytes, 0, length);
        }

        /** Adds every byte of a file; its size. */
        long updateFrom(Path file) throws IOException {
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    update(buffer, n);
                    size += n;
                }
            }
            return size;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "crc32c %08x, crc32 %08x", castagnoli.getValue(), ieee.getValue());
        }
    }

    /** What differs from the settings of an earlier run, one sentence each; empty when a resume may go on. */
    public List<String> differencesFrom(RunSettings earlier) {
        List<String> differences = new ArrayList<>();
        for (String name : new TreeSet<>(union(checked, earlier.checked))) {
            String before = earlier.checked.getOrDefault(name, "none");
            String now = checked.getOrDefault(name, "none");
            if (!Objects.equals(before, now)) {
                differences.add(name + ": " + before + " in the partial, " + now + " now");
            }
        }
        return differences;
    }

    /** Notes that differ from an earlier run's, one sentence each (for information). */
    public List<String> notesChangedFrom(RunSettings earlier) {
        List<String> changed = new ArrayList<>();
        noted.forEach((name, now) -> {
            String before = earlier.noted.get(name);
            if (before != null && !before.equals(now)) {
                changed.add(name + ": " + before + " then, " + now + " now");
            }
        });
        return changed;
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    String toJson() throws IOException {
        ObjectNode json = Json.JSON.createObjectNode();
        json.put("about", "what wrote the partial file beside this one; qaror batch --resume checks it");
        ObjectNode c = json.putObject("checked");
        checked.forEach(c::put);
        ObjectNode n = json.putObject("noted");
        noted.forEach(n::put);
        return Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    }

    static RunSettings fromJson(String text) throws IOException {
        JsonNode json = Json.JSON.readTree(text);
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, String> noted = new LinkedHashMap<>();
        json.path("checked").properties().forEach(e -> checked.put(e.getKey(), e.getValue().asText()));
        json.path("noted").properties().forEach(e -> noted.put(e.getKey(), e.getValue().asText()));
        if (checked.isEmpty()) {
            throw new IOException("no settings in it");
        }
        return new RunSettings(checked, noted);
    }
}
