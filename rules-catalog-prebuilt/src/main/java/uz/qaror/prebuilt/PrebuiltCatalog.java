package uz.qaror.prebuilt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieServices;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;

import uz.qaror.RulesException;
import uz.qaror.internal.build.PrebuiltRules;

/**
 * Rules compiled before they are needed, as Drools executable models (by {@link ModelGenerator}): the embedded
 * catalog's, generated when Qaror was built and found on the class path, or a policy team's folder's, written into
 * a jar by {@code qaror catalog prebuild}. A service's KieBase is assembled from its model class (milliseconds)
 * instead of compiling its DRL. The index says from which files (their hash, the service's {@code rulesVersion})
 * each model was built; the engine asks for the version it has read, so a service whose files changed since is
 * compiled at run time instead.
 */
public final class PrebuiltCatalog implements PrebuiltRules {

    /** The index resource: per line {@code service = version modelClass}. */
    public static final String INDEX = "qaror/prebuilt/catalog.index";

    /**
     * Where the JSON forms of the catalog's YAML files are: {@code PARSED + "services/x/service.yaml.json"}, the
     * file's path in the catalog with {@code .json} added.
     */
    public static final String PARSED = "qaror/prebuilt/parsed/";

    /** Where the generated classes are, one package per service ({@code FormDeclaration.packageOf}). */
    static final String CLASS_FOLDER = "qaror/service/";

    /** The package prefix of the generated classes, {@link #CLASS_FOLDER} as a class name begins. */
    static final String GENERATED_PACKAGE = CLASS_FOLDER.replace('/', '.');

    private record Entry(String version, String modelClass) {
    }

    private final Map<String, Entry> entries;
    private final ClassLoader loader;
    /** A resource of these rules alone (a jar's, never one of the same name on the class path). */
    private final Function<String, URL> resources;
    private volatile KieBaseConfiguration configuration;

    /** The embedded catalog's, from the class path (the service loader's constructor). */
    public PrebuiltCatalog() {
        this(PrebuiltCatalog.class.getClassLoader(), read(PrebuiltCatalog.class.getClassLoader()
                .getResourceAsStream(INDEX)), PrebuiltCatalog.class.getClassLoader()::getResource);
    }

    private PrebuiltCatalog(ClassLoader loader, Map<String, Entry> entries, Function<String, URL> resources) {
        this.loader = loader;
        this.entries = entries;
        this.resources = resources;
    }

    /**
     * The rules a jar written by {@code qaror catalog prebuild} holds. Its classes are loaded by a loader of their
     * own that looks in the jar first: a folder holding services of the embedded catalog, edited, has generated
     * classes of the same names as the embedded catalog's.
     *
     * @throws RulesException when the file cannot be read or holds no index of prebuilt rules
     */
    @Override
    public PrebuiltRules readJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new RulesException("prebuilt rules " + jar + " do not exist or are not a file", List.of());
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new RulesException("prebuilt rules " + jar + " cannot be read: " + e.getMessage(), List.of());
        }
        JarFirstLoader jarLoader = new JarFirstLoader(url, PrebuiltCatalog.class.getClassLoader());
        URL index = jarLoader.findResource(INDEX);
        try {
            if (index == null) {
                throw new RulesException("prebuilt rules " + jar + " is not a jar written by qaror catalog prebuild "
                        + "(it holds no " + INDEX + ")", List.of());
            }
            try (InputStream in = index.openStream()) {
                return new PrebuiltCatalog(jarLoader, read(in), jarLoader::findResource);
            } catch (IOException | UncheckedIOException e) {
                throw new RulesException("prebuilt rules " + jar + " cannot be read: " + e.getMessage(), List.of());
            }
        } catch (RulesException e) {
            close(jarLoader); // the loader holds the file open; rules that are not used need not
            throw e;
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing of it was used; the refusal is what the caller needs to hear.
        }
    }

    private static Map<String, Entry> read(InputStream in) {
        if (in == null) {
            return Map.of();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (in) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("[ =]+");
                if (parts.length != 3) {
                    throw new UncheckedIOException(new IOException(INDEX + " has a line that is not 'service = "
                            + "version modelClass': " + line));
                }
                entries.put(parts[0], new Entry(parts[1], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return Collections.unmodifiableMap(entries);
    }

    @Override
    public KieBase kieBase(String serviceId, String version) {
        Entry entry = builtFrom(serviceId, version);
        if (entry == null) {
            return null;
        }
        Model model;
        try {
            model = (Model) Class.forName(entry.modelClass(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            org.slf4j.LoggerFactory.getLogger(PrebuiltCatalog.class).warn(
                    "the prebuilt rules of service {} cannot be loaded; they are compiled at run time: {}",
                    serviceId, cause.toString());
            return null;
        }
        return KieBaseBuilder.createKieBaseFromModel(model, configuration());
    }

    /**
     * One configuration for every rule base of these rules, made immutable: a KieBase reads its configuration, and
     * making one (Drools reads its property files through the class loader) took a tenth of loading 700
     * services. The KieBase finds the generated types (a service's Form) through the loader that holds them.
     */
    private KieBaseConfiguration configuration() {
        KieBaseConfiguration made = configuration;
        if (made == null) {
            made = KieServices.get().newKieBaseConfiguration(null, loader);
            if (made instanceof org.kie.internal.conf.CompositeConfiguration<?, ?, ?> composite) {
                composite.makeImmutable(); // shared: an option set for one rule base would be an error, not a leak
            }
            configuration = made;
        }
        return made;
    }

    @Override
    public byte[] parsedFile(String serviceId, String version, String file) {
        URL json = builtFrom(serviceId, version) == null ? null : resources.apply(PARSED + file + ".json");
        if (json == null) {
            return null;
        }
        try (InputStream in = json.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null; // the engine reads the YAML file itself
        }
    }

    /** The entry of a service built from exactly the files of {@code version}; null when there is none. */
    private Entry builtFrom(String serviceId, String version) {
        Entry entry = entries.get(serviceId);
        return entry != null && entry.version().equals(version) ? entry : null;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        entries.forEach((id, entry) -> versions.put(id, entry.version()));
        return Collections.unmodifiableMap(versions);
    }

    /** Loads the generated classes from the jar before its parent; everything else from the parent. */
    private static final class JarFirstLoader extends URLClassLoader {


        static {
            registerAsParallelCapable();
        }

        JarFirstLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(GENERATED_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
