package uz.qaror.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;

/**
 * The bytes a service's decisions depend on, each file read once: its descriptor, reason texts, own parameters
 * and rule files, and the catalog's calendar and shared parameters. The service's version is the hash of exactly
 * these bytes and the service is parsed and compiled from them, never from a second read of the disk: a file
 * saved meanwhile cannot give a version one content and the rules another. A file that is a symbolic link
 * leading out of the rules folder is refused, so that a link cannot carry another file's content (say
 * {@code /etc/passwd}) into diagnostics and failures.
 */
public final class ServiceFiles {

    private final Map<Path, byte[]> contents;
    private final List<Path> ruleFiles;
    private final List<Path> otherFiles;
    private final String version;

    private ServiceFiles(Map<Path, byte[]> contents, List<Path> ruleFiles, List<Path> otherFiles, String version) {
        this.contents = contents;
        this.ruleFiles = ruleFiles;
        this.otherFiles = otherFiles;
        this.version = version;
    }

    /**
     * Reads the files of service {@code id}.
     *
     * @param realRoot the rules folder with links resolved, to refuse links leading out of it; null for the
     *                 embedded catalog, which holds no links
     * @throws RulesException naming a file that is a link out of the folder or cannot be read
     */
    static ServiceFiles read(CatalogSource source, Path realRoot, String id) {
        Path root = source.root();
        Path dir = root.resolve("services").resolve(id);
        List<Path> ruleFiles = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        List<Path> toRead = new ArrayList<>();
        for (Path file : filesOf(dir)) {
            if (RuleFileKind.of(file.getFileName().toString()) != null) {
                ruleFiles.add(file);
                toRead.add(file);
            } else if (!isKnownNonRuleFile(dir, file)) {
                otherFiles.add(file);
            }
        }
        for (String name : List.of("service.yaml", "reasons.yaml", "parameters.yaml")) {
            if (Files.exists(dir.resolve(name))) {
                toRead.add(dir.resolve(name));
            }
        }
        if (Files.exists(root.resolve("calendar.yaml"))) {
            toRead.add(root.resolve("calendar.yaml"));
        }
        toRead.addAll(CatalogSource.sorted(root.resolve("parameters"), ".yaml"));
        // Each path's name in the catalog made once: sorting by names made in the comparator made each one ten
        // times over (a tenth of reading a service).
        List<Named> named = new ArrayList<>(toRead.size());
        for (Path file : toRead) {
            named.add(new Named(file, root.relativize(file).toString()));
        }
        named.sort(Comparator.comparing(Named::name));

        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Named each : named) {
            refuseLinkOut(each.file(), realRoot, source);
            contents.put(each.file(), readAll(each.file(), source));
        }
        // The catalog's shared files sort before services/ (calendar.yaml, parameters/...): their hash, the same for
        // every service while their bytes are, is hashed once and each service's own files after it.
        int shared = 0;
        while (shared < named.size() && !named.get(shared).file().startsWith(dir)) {
            shared++;
        }
        List<Named> sharedFiles = named.subList(0, shared);
        List<Path> sharedPaths = sharedFiles.stream().map(Named::file).toList();
        List<byte[]> sharedContents = sharedPaths.stream().map(contents::get).toList();
        MessageDigest digest = source.sharedFilesHashed(sharedPaths, sharedContents, () -> {
            MessageDigest hashed = sha256();
            sharedFiles.forEach(each -> hash(hashed, each, contents.get(each.file())));
            return hashed;
        });
        for (Named each : named.subList(shared, named.size())) {
            hash(digest, each, contents.get(each.file()));
        }
        return new ServiceFiles(Collections.unmodifiableMap(contents), List.copyOf(ruleFiles),
                List.copyOf(otherFiles), HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    private record Named(Path file, String name) {
    }

    /** The same bytes as compiled, in the order and form of every earlier version: path, NUL, bytes, NUL. */
    private static void hash(MessageDigest digest, Named file, byte[] bytes) {
        digest.update(file.name().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
        digest.update((byte) 0);
    }

    /** The hash of every byte read, the service's {@code rulesVersion}. */
    public String version() {
        return version;
    }

    /** Every file read, with its content, in the order of the version's hash. */
    public Map<Path, byte[]> contents() {
        return contents;
    }

    /** The content of a file as read, or null when the service has no such file. */
    public byte[] content(Path file) {
        return contents.get(file);
    }

    /** The rule files (DRL and decision tables), sorted. */
    public List<Path> ruleFiles() {
        return ruleFiles;
    }

    /** Files of the service folder that nothing loads. */
    public List<Path> otherFiles() {
        return otherFiles;
    }

    private static void refuseLinkOut(Path file, Path realRoot, CatalogSource source) {
        if (realRoot == null) {
            return;
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                throw new RulesException("a file leads out of the rules folder", List.of(Diagnostic.error(
                        source.display(file), 0, 0, "is a symbolic link that leads out of the rules folder; a "
                                + "rules folder holds its own files: copy the file in instead of linking it")));
            }
        } catch (IOException e) {
            throw unreadable(file, source, e);
        }
    }

    private static byte[] readAll(Path file, CatalogSource source) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, source, e);
        }
    }

    private static RulesException unreadable(Path file, CatalogSource source, IOException e) {
        return new RulesException("cannot read " + source.display(file), List.of(Diagnostic.error(
                source.display(file), 0, 0, "cannot read: " + e.getClass().getSimpleName())));
    }

    private static boolean isKnownNonRuleFile(Path dir, Path file) {
        Path relative = dir.relativize(file);
        String first = relative.getName(0).toString().replace("/", "");
        if (first.equals("tests")) {
            return true;
        }
        return relative.getNameCount() == 1 && switch (first) {
            case "service.yaml", "reasons.yaml", "parameters.yaml", "README.md" -> true;
            default -> false;
        };
    }

    private static List<Path> filesOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
