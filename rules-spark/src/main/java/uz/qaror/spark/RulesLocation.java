package uz.qaror.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import uz.qaror.DecisionEngine;

/**
 * Where a job's rules are, as executors see them: the catalog embedded in the job's jar, or a rules folder that the
 * driver packs into a zip and broadcasts, so that executors need no shared file system: each executor JVM unpacks
 * it once into a folder of its own. (Spark's own file shipping, {@code addFile}/{@code addArchive}, reaches only
 * the jobs of the SparkContext's default session, not those a Dataset writes under its session's artifacts.) Only
 * this description and the zip cross the wire; each executor JVM builds its engine from it once ({@link Engines}).
 */
public final class RulesLocation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name that means the embedded catalog. */
    public static final String EMBEDDED = "embedded";

    /** A rules folder as a zip, or null for the embedded catalog. */
    private final Broadcast<byte[]> archive;
    /** The zip's content hash: the same rules give the same engine, whichever job ships them. */
    private final String hash;
    private final String name;

    private RulesLocation(Broadcast<byte[]> archive, String hash, String name) {
        this.archive = archive;
        this.hash = hash;
        this.name = name;
    }

    public static RulesLocation embedded() {
        return new RulesLocation(null, null, EMBEDDED);
    }

    /**
     * {@code embedded}, or a rules folder on the driver's file system, which is packed and broadcast to the executors.
     *
     * @throws IllegalArgumentException when the folder does not exist or has no {@code services/}
     */
    public static RulesLocation of(String rules, JavaSparkContext context) {
        if (rules == null || EMBEDDED.equals(rules)) {
            return embedded();
        }
        Path folder = Path.of(rules).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve("services"))) {
            throw new IllegalArgumentException("rules folder " + rules + " does not exist or has no services/ folder");
        }
        byte[] zip = zip(folder);
        return new RulesLocation(context.broadcast(zip), sha256(zip), rules);
    }

    /** The engine of this JVM for these rules and date; built, and the rules unpacked, on first use. */
    DecisionEngine engine(LocalDate asOf) {
        String key = (archive == null ? EMBEDDED : "rules-" + hash) + "@" + asOf;
        return Engines.get(key, () -> {
            DecisionEngine.Builder builder = DecisionEngine.builder().asOf(asOf);
            if (archive != null) {
                builder.rulesDirectory(Engines.unpacked(hash, () -> unzip(archive.value(), hash)));
            }
            return builder.build();
        });
    }

    private static byte[] zip(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack rules folder " + folder + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static Path unzip(byte[] zip, String hash) {
        try {
            Path root = Files.createTempDirectory("qaror-rules-" + hash.substring(0, 12) + "-");
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = root.resolve(entry.getName()).normalize();
                    if (!file.startsWith(root)) {
                        throw new IOException("zip entry outside the rules folder: " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the rules on this executor: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
