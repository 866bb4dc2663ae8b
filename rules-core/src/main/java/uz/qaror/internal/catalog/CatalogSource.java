package uz.qaror.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.params.ParameterSeries;
import uz.qaror.internal.params.ParameterTable;

/**
 * A catalog root, on disk or inside the rules-catalog jar:
 * <pre>
 *   parameters/*.yaml              dated parameters shared by all services
 *   services/&lt;id&gt;/service.yaml      the descriptor
 *   services/&lt;id&gt;/*.drl, *.drl.csv, *.drl.xls(x)   rules
 *   services/&lt;id&gt;/reasons.yaml      reason texts in four languages
 *   services/&lt;id&gt;/parameters.yaml   the service's own dated parameters (optional)
 *   services/&lt;id&gt;/tests/*.yaml      test cases
 * </pre>
 */
public final class CatalogSource {

    /** The classpath resource that marks the embedded catalog's root. */
    public static final String EMBEDDED_MARKER = "qaror/catalog/catalog.yaml";

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType DESCRIPTOR = TYPES.constructType(ServiceDescriptor.class);
    private static final JavaType REASONS = TYPES.constructMapType(Map.class, TYPES.constructType(String.class),
            TYPES.constructMapType(Map.class, String.class, String.class));
    private static final JavaType SERIES = TYPES.constructType(ParameterSeries.class);
    private static final JavaType CALENDAR = TYPES.constructType(HolidayCalendar.class);
    private static final JavaType SERIES_LIST = TYPES.constructCollectionType(List.class, ParameterSeries.class);

    private final Path root;
    private final String displayRoot;
    private final boolean embedded;

    private CatalogSource(Path root, String displayRoot, boolean embedded) {
        this.root = root;
        this.displayRoot = displayRoot;
        this.embedded = embedded;
    }

    /** A rules folder that a policy team edits. */
    public static CatalogSource directory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RulesException("rules folder " + root + " does not exist or is not a folder", List.of());
        }
        if (!Files.isDirectory(root.resolve("services"))) {
            throw new RulesException("rules folder " + root + " has no services/ folder; "
                    + "a catalog holds services/<id>/service.yaml and parameters/*.yaml", List.of());
        }
        String display = root.toString().replace('\\', '/');
        return new CatalogSource(root, display.endsWith("/") ? display.substring(0, display.length() - 1) : display,
                false);
    }

    /** The catalog shipped in the rules-catalog jar (or its classes folder) on the classpath. */
    public static CatalogSource embedded(ClassLoader loader) {
        URL marker = loader.getResource(EMBEDDED_MARKER);
        if (marker == null) {
            throw new RulesException("the embedded catalog is not on the classpath: add the rules-catalog "
                    + "artifact, or give a rules folder", List.of());
        }
        try {
            URI uri = marker.toURI();
            Path markerPath;
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                markerPath = fs.provider().getPath(uri);
            } else {
                markerPath = Path.of(uri);
            }
            return new CatalogSource(markerPath.getParent(), "catalog", true);
        } catch (URISyntaxException | IOException e) {
            throw new RulesException("cannot open the embedded catalog at " + marker + ": " + e.getMessage(),
                    List.of());
        }
    }

    public boolean isEmbedded() {
        return embedded;
    }

    public Path root() {
        return root;
    }

    public String displayRoot() {
        return displayRoot;
    }

    /** The ids of the services, from the folder names, sorted. */
    public List<String> serviceIds() {
        try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("service.yaml")))
                    .map(d -> d.getFileName().toString().replace("/", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Folders under {@code services/} without a {@code service.yaml}: nothing would load them. */
    public List<String> foldersWithoutDescriptor() {
        try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !Files.exists(d.resolve("service.yaml")))
                    .map(d -> displayRoot + "/" + root.relativize(d).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean hasService(String id) {
        return id != null && !id.isBlank() && !id.contains("/") && !id.contains("..")
                && Files.exists(root.resolve("services").resolve(id).resolve("service.yaml"));
    }

    /** How a service's folder is named in diagnostics: {@code <rules>/services/<id>}. */
    public String displayOf(String serviceId) {
        return displayRoot + "/services/" + serviceId;
    }

    /**
     * The diagnostics of a service that cannot be built; when the failure carries none (a folder that cannot be
     * read), one error naming the service's folder with the failure's message.
     */
    public List<Diagnostic> diagnosticsOf(String serviceId, RuntimeException failure) {
        if (failure instanceof RulesException rules && !rules.diagnostics().isEmpty()) {
            return rules.diagnostics();
        }
        return List.of(Diagnostic.error(displayOf(serviceId), 0, 0, String.valueOf(failure.getMessage())));
    }

    /**
     * The working days: weekends and the public holidays of {@code calendar.yaml} at the catalog's root excluded;
     * weekends only when there is no calendar.
     *
     * @throws RulesException naming the file and the entry of a broken calendar
     */
    public HolidayCalendar.WorkingDays workingDays() {
        Path file = root.resolve("calendar.yaml");
        HolidayCalendar calendar = Files.exists(file)
                ? readYaml(file, displayRoot + "/calendar.yaml", CALENDAR) : HolidayCalendar.WEEKENDS_ONLY;
        try {
            return calendar.workingDays();
        } catch (IllegalArgumentException e) {
            throw new RulesException("broken calendar", List.of(Diagnostic.error(displayRoot + "/calendar.yaml",
                    0, 0, e.getMessage())));
        }
    }

    /** The shared parameters, from {@code parameters/*.yaml}. */
    public ParameterTable sharedParameters() {
        return new ParameterTable(readSharedParameters());
    }

    private List<ParameterSeries> readSharedParameters() {
        Path dir = root.resolve("parameters");
        List<ParameterSeries> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        for (Path file : sorted(dir, ".yaml")) {
            String display = display(file);
            ParameterSeries series = readYaml(file, display, SERIES);
            String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!expected.equals(series.id())) {
                throw new RulesException("broken parameter file", List.of(Diagnostic.error(display, 1, 1,
                        "id '" + series.id() + "' must match the file name '" + expected + "'")));
            }
            all.add(series);
        }
        return all;
    }

    /**
     * Reads and checks a service folder.
     *
     * @throws RulesException naming the file and line of the first unreadable file
     */
    public ServiceFolder readService(String id) {
        Path dir = root.resolve("services").resolve(id);
        String displayDir = displayOf(id);
        ServiceDescriptor descriptor = readYaml(dir.resolve("service.yaml"), displayDir + "/service.yaml",
                DESCRIPTOR);
        if (!id.equals(descriptor.id())) {
            throw new RulesException("broken service descriptor", List.of(Diagnostic.error(
                    displayDir + "/service.yaml", 1, 1,
                    "id '" + descriptor.id() + "' must match the folder name '" + id + "'")));
        }
        Map<String, Map<String, String>> reasons = Files.exists(dir.resolve("reasons.yaml"))
                ? readYaml(dir.resolve("reasons.yaml"), displayDir + "/reasons.yaml", REASONS)
                : Map.of();
        List<ParameterSeries> own = Files.exists(dir.resolve("parameters.yaml"))
                ? readYaml(dir.resolve("parameters.yaml"), displayDir + "/parameters.yaml", SERIES_LIST)
                : List.of();
        List<ParameterSeries> shared = readSharedParameters();
        for (ParameterSeries series : own) {
            if (shared.stream().anyMatch(s -> s.id().equals(series.id()))) {
                throw new RulesException("broken service parameters", List.of(Diagnostic.error(
                        displayDir + "/parameters.yaml", 1, 1, "parameter '" + series.id()
                                + "' is already a shared parameter; give the service's own a different id")));
            }
        }
        List<Path> ruleFiles = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        for (Path file : filesOf(dir)) {
            String name = file.getFileName().toString();
            if (RuleFileKind.of(name) != null) {
                ruleFiles.add(file);
            } else if (!isKnownNonRuleFile(dir, file)) {
                otherFiles.add(file);
            }
        }
        String version = hash(dir, ruleFiles, shared, own);
        return new ServiceFolder(descriptor, dir, displayDir, reasons, ruleFiles, otherFiles,
                new ParameterTable(shared).with(own), workingDays(), version);
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

    private String hash(Path dir, List<Path> ruleFiles, List<ParameterSeries> shared, List<ParameterSeries> own) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(ruleFiles);
            for (String name : List.of("service.yaml", "reasons.yaml", "parameters.yaml")) {
                if (Files.exists(dir.resolve(name))) {
                    files.add(dir.resolve(name));
                }
            }
            if (Files.exists(root.resolve("calendar.yaml"))) {
                files.add(root.resolve("calendar.yaml"));
            }
            Path params = root.resolve("parameters");
            if (Files.isDirectory(params)) {
                files.addAll(sorted(params, ".yaml"));
            }
            files.sort(java.util.Comparator.comparing(p -> root.relativize(p).toString()));
            for (Path file : files) {
                digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T readYaml(Path file, String display, JavaType type) {
        if (!Files.exists(file)) {
            throw new RulesException("missing file", List.of(Diagnostic.error(display, 0, 0, "file not found")));
        }
        try {
            return YamlFiles.read(file, display, type);
        } catch (CatalogException e) {
            throw e.toRulesException("cannot read " + display);
        }
    }

    private String display(Path file) {
        return displayRoot + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> sorted(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
