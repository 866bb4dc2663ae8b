package uz.qaror.prebuilt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import uz.qaror.internal.build.PrebuiltRules;

/**
 * The embedded catalog's rules as Drools executable models, generated and compiled when Qaror was built: a
 * service's KieBase is assembled from its model class (milliseconds) instead of compiling its DRL. The index says
 * from which files (their hash, the service's {@code rulesVersion}) each model was built; the engine asks for the
 * version it has read, so a catalog that is not the one this was built from is compiled at run time instead.
 */
public final class PrebuiltCatalog implements PrebuiltRules {

    /** The index resource: per line {@code service = version modelClass}. */
    public static final String INDEX = "qaror/prebuilt/catalog.index";

    private record Entry(String version, String modelClass) {
    }

    private final Map<String, Entry> entries;

    public PrebuiltCatalog() {
        this.entries = read();
    }

    private static Map<String, Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = PrebuiltCatalog.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return Map.of();
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("[ =]+");
                entries.put(parts[0], new Entry(parts[1], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return Collections.unmodifiableMap(entries);
    }

    @Override
    public KieBase kieBase(String serviceId, String version) {
        Entry entry = entries.get(serviceId);
        if (entry == null || !entry.version().equals(version)) {
            return null;
        }
        Model model;
        try {
            model = (Model) Class.forName(entry.modelClass(), true, PrebuiltCatalog.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
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
        return KieBaseBuilder.createKieBaseFromModel(model);
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        entries.forEach((id, entry) -> versions.put(id, entry.version()));
        return Collections.unmodifiableMap(versions);
    }
}
