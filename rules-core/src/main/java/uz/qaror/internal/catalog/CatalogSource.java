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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
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

    private static final String CALENDAR_FILE = "calendar.yaml";
    private static final String SHARED_PARAMETERS = "parameters/";

    private static final java.util.regex.Pattern SERVICE_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private final Path root;
    private final String displayRoot;
    private final boolean embedded;
    /** The folder with links resolved, to refuse files that lead out of it; null for the embedded catalog. */
    private final Path realRoot;
    /** The JSON forms of its YAML files that prebuilt rules hold; {@link #NONE} when there are none. */
    private final ParsedFiles parsedFiles;

    /**
     * Where a catalog's YAML files are already parsed: the JSON form ({@link #jsonForm}) that prebuilt rules hold of
     * a file of a service whose files are those the rules were built from (its {@code version}).
     */
    @FunctionalInterface
    public interface ParsedFiles {

        /**
         * @param file the file's path in the catalog: {@code services/x/service.yaml}, {@code parameters/bca.yaml},
         *             {@code calendar.yaml}
         * @return its JSON form; null when there is none for this version of the service
         */
        byte[] json(String serviceId, String version, String file);
    }

    private static final ParsedFiles NONE = (serviceId, version, file) -> null;

    /**
     * The shared parameters and the working days parsed last, with the files they were parsed from: every service
     * depends on the same files, so a catalog parses them once (and again only when a name or a byte changes).
     */
    private final AtomicReference<Parsed<List<ParameterSeries>>> sharedParsed = new AtomicReference<>();
    private final AtomicReference<Parsed<HolidayCalendar.WorkingDays>> calendarParsed = new AtomicReference<>();
    /**
     * The hash of the files every service shares (the calendar, the shared parameters), the start of every service's
     * version: hashed again for each service, they were half the bytes hashed (700 folders read in 0.77x the time).
     */
    private final AtomicReference<Parsed<MessageDigest>> sharedFilesHashed = new AtomicReference<>();

    private record Parsed<T>(List<Path> files, List<byte[]> contents, T value) {
        boolean isOf(List<Path> otherFiles, List<byte[]> otherContents) {
            if (!otherFiles.equals(files) || otherContents.size() != contents.size()) {
                return false;
            }
            for (int i = 0; i < otherContents.size(); i++) {
                if (!Arrays.equals(otherContents.get(i), contents.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The value parsed from these files: the one cached when they are the same names and bytes, else parsed now. */
    private static <T> T parsedOnce(AtomicReference<Parsed<T>> cache, List<Path> files, List<byte[]> contents,
                                    Supplier<T> parse) {
        Parsed<T> last = cache.get();
        if (last != null && last.isOf(files, contents)) {
            return last.value();
        }
        T value = parse.get();
        cache.set(new Parsed<>(List.copyOf(files), contents, value));
        return value;
    }

    /**
     * A digest that has hashed these shared files (read once by the caller): a copy of the one hashed last when they
     * are the same names and bytes, else one hashed now.
     */
    MessageDigest sharedFilesHashed(List<Path> files, List<byte[]> contents, Supplier<MessageDigest> hash) {
        MessageDigest hashed = parsedOnce(sharedFilesHashed, files, contents, hash);
        try {
            return (MessageDigest) hashed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private CatalogSource(Path root, String displayRoot, boolean embedded, Path realRoot, ParsedFiles parsedFiles) {
        this.root = root;
        this.displayRoot = displayRoot;
        this.embedded = embedded;
        this.realRoot = realRoot;
        this.parsedFiles = parsedFiles;
    }

    /**
     * The same catalog, reading a YAML file from its JSON form where {@code parsed} holds one for the service's
     * version (a tenth of the time), else from the file.
     */
    public CatalogSource withParsedFiles(ParsedFiles parsed) {
        return new CatalogSource(root, displayRoot, embedded, realRoot, parsed == null ? NONE : parsed);
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
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new RulesException("rules folder " + root + " cannot be read: " + e.getMessage(), List.of());
        }
        return new CatalogSource(root, display.endsWith("/") ? display.substring(0, display.length() - 1) : display,
                false, realRoot, NONE);
    }

    /** The catalog shipped in the rules-catalog jar (or its classes folder) on the classpath. */
    public static CatalogSource embedded(ClassLoader loader) {
        URL marker = loader.getResource(EMBEDDED_MARKER);
        if (marker == null) {
            throw new RulesException("the embedded catalog is not on the classpath: add the rules-catalog "
                    + "artifact (the command line reads rules-catalog.jar in qaror.jar's folder; reinstall Qaror if "
                    + "it is missing), or give a rules folder", List.of());
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
            return new CatalogSource(markerPath.getParent(), "catalog", true, null, NONE);
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

    /**
     * Whether a service of this id exists. Only an id of the {@link #isServiceId shape} of a service folder's name
     * is looked up: anything else ({@code ../x}, a NUL, a megabyte) never reaches the file system.
     */
    public boolean hasService(String id) {
        return isServiceId(id) && Files.exists(root.resolve("services").resolve(id).resolve("service.yaml"));
    }

    /**
     * Whether {@code id} has the shape of a service id: 1 to 100 Latin letters, digits, '.', '_' and '-', not
     * starting with '.' (so never a path, a hidden file, or '..').
     */
    public static boolean isServiceId(String id) {
        return id != null && SERVICE_ID.matcher(id).matches();
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
        Path file = root.resolve(CALENDAR_FILE);
        return workingDays(Files.exists(file) ? readBytes(file) : null, name -> null);
    }

    private HolidayCalendar.WorkingDays workingDays(byte[] calendarFile, Function<String, byte[]> json) {
        return parsedOnce(calendarParsed, List.of(), Collections.singletonList(calendarFile),
                () -> parseWorkingDays(calendarFile, json));
    }

    private HolidayCalendar.WorkingDays parseWorkingDays(byte[] calendarFile, Function<String, byte[]> json) {
        HolidayCalendar calendar = calendarFile != null ? readYaml(calendarFile, displayRoot + "/" + CALENDAR_FILE,
                CALENDAR, json.apply(CALENDAR_FILE)) : HolidayCalendar.WEEKENDS_ONLY;
        try {
            return calendar.workingDays();
        } catch (IllegalArgumentException e) {
            throw new RulesException("broken calendar", List.of(Diagnostic.error(displayRoot + "/" + CALENDAR_FILE,
                    0, 0, e.getMessage())));
        }
    }

    /** The shared parameters, from {@code parameters/*.yaml}. */
    public ParameterTable sharedParameters() {
        return new ParameterTable(readSharedParameters(this::readBytes, name -> null));
    }

    private List<ParameterSeries> readSharedParameters(Function<Path, byte[]> contents, Function<String, byte[]> json) {
        List<Path> files = sorted(root.resolve("parameters"), ".yaml");
        List<byte[]> bytes = new ArrayList<>();
        for (Path file : files) {
            bytes.add(contents.apply(file));
        }
        return parsedOnce(sharedParsed, files, bytes, () -> parseSharedParameters(files, bytes, json));
    }

    private List<ParameterSeries> parseSharedParameters(List<Path> files, List<byte[]> contents,
                                                        Function<String, byte[]> json) {
        List<ParameterSeries> all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String display = display(file);
            ParameterSeries series = readYaml(contents.get(i), display, SERIES,
                    json.apply(SHARED_PARAMETERS + file.getFileName()));
            String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!expected.equals(series.id())) {
                throw new RulesException("broken parameter file", List.of(Diagnostic.error(display, 1, 1,
                        "id '" + series.id() + "' must match the file name '" + expected + "'")));
            }
            all.add(series);
        }
        return List.copyOf(all);
    }

    /**
     * Reads and checks a service folder: every file it depends on read once ({@link ServiceFiles}), then parsed
     * from those bytes; its version is their hash.
     *
     * @throws RulesException naming the file and line of the first unreadable file
     */
    public ServiceFolder readService(String id) {
        return readService(id, files(id));
    }

    /**
     * The files of service {@code id} as they are now, read once.
     *
     * @throws RulesException naming a file that cannot be read or leads out of the rules folder
     */
    public ServiceFiles files(String id) {
        if (!isServiceId(id)) {
            throw new RulesException("no service " + uz.qaror.internal.input.Echo.quote(id), List.of());
        }
        return ServiceFiles.read(this, realRoot, id);
    }

    /**
     * Parses a service from files read before ({@link #files}).
     *
     * @throws RulesException naming the file and line of the first unreadable file
     */
    public ServiceFolder readService(String id, ServiceFiles files) {
        Path dir = root.resolve("services").resolve(id);
        String displayDir = displayOf(id);
        byte[] descriptorFile = files.content(dir.resolve("service.yaml"));
        if (descriptorFile == null) {
            throw new RulesException("missing file", List.of(Diagnostic.error(displayDir + "/service.yaml", 0, 0,
                    "file not found")));
        }
        Function<String, byte[]> json = file -> parsedFiles.json(id, files.version(), file);
        String inCatalog = "services/" + id + "/";
        ServiceDescriptor descriptor = readYaml(descriptorFile, displayDir + "/service.yaml", DESCRIPTOR,
                json.apply(inCatalog + "service.yaml"));
        if (!id.equals(descriptor.id())) {
            throw new RulesException("broken service descriptor", List.of(Diagnostic.error(
                    displayDir + "/service.yaml", 1, 1,
                    "id '" + descriptor.id() + "' must match the folder name '" + id + "'")));
        }
        byte[] reasonsFile = files.content(dir.resolve("reasons.yaml"));
        Map<String, Map<String, String>> reasons = reasonsFile != null
                ? readYaml(reasonsFile, displayDir + "/reasons.yaml", REASONS, json.apply(inCatalog + "reasons.yaml"))
                : Map.of();
        byte[] parametersFile = files.content(dir.resolve("parameters.yaml"));
        List<ParameterSeries> own = parametersFile != null
                ? readYaml(parametersFile, displayDir + "/parameters.yaml", SERIES_LIST,
                        json.apply(inCatalog + "parameters.yaml")) : List.of();
        List<ParameterSeries> shared = readSharedParameters(files::content, json);
        for (ParameterSeries series : own) {
            if (shared.stream().anyMatch(s -> s.id().equals(series.id()))) {
                throw new RulesException("broken service parameters", List.of(Diagnostic.error(
                        displayDir + "/parameters.yaml", 1, 1, "parameter '" + series.id()
                                + "' is already a shared parameter; give the service's own a different id")));
            }
        }
        return new ServiceFolder(descriptor, dir, displayDir, reasons, files.ruleFiles(), files.otherFiles(),
                new ParameterTable(shared).with(own), workingDays(files.content(root.resolve(CALENDAR_FILE)), json),
                files.version(), files);
    }

    /**
     * The YAML files a service's decisions depend on (its own and those every service shares), by their path in the
     * catalog ({@link ParsedFiles}), as read in {@code files}.
     */
    public Map<String, byte[]> yamlFiles(ServiceFiles files) {
        Map<String, byte[]> yaml = new LinkedHashMap<>();
        files.contents().forEach((file, content) -> {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (name.endsWith(".yaml")) {
                yaml.put(name, content);
            }
        });
        return yaml;
    }

    /**
     * The JSON form of a catalog YAML file named by its path in the catalog (which says what it holds): the same
     * values, read in a tenth of the time; null when the file has no JSON form that reads the same.
     */
    public static byte[] jsonForm(String file, byte[] yaml) {
        return YamlAsJson.convert(yaml, typeOf(file));
    }

    private static JavaType typeOf(String file) {
        if (file.equals(CALENDAR_FILE)) {
            return CALENDAR;
        } else if (file.startsWith(SHARED_PARAMETERS)) {
            return SERIES;
        } else if (file.endsWith("/service.yaml")) {
            return DESCRIPTOR;
        } else if (file.endsWith("/reasons.yaml")) {
            return REASONS;
        } else if (file.endsWith("/parameters.yaml")) {
            return SERIES_LIST;
        }
        throw new IllegalArgumentException("not a YAML file of the catalog: " + file);
    }

    private <T> T readYaml(byte[] content, String display, JavaType type, byte[] json) {
        if (json != null) {
            T value = YamlAsJson.read(json, type);
            if (value != null) {
                return value;
            }
        }
        try {
            return YamlFiles.read(content, display, type);
        } catch (CatalogException e) {
            throw e.toRulesException("cannot read " + display);
        }
    }

    private byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException("cannot read " + display(file), List.of(Diagnostic.error(display(file), 0, 0,
                    "cannot read: " + e.getClass().getSimpleName())));
        }
    }

    /** How a file of the catalog is named in diagnostics, e.g. {@code rules/services/x/rules.drl}. */
    String display(Path file) {
        return displayRoot + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    /** The files of {@code dir} ending in {@code suffix}, sorted; none when there is no such folder. */
    static List<Path> sorted(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
