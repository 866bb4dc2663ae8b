package uz.qaror.internal.build;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.kie.api.KieBase;

/**
 * Rules of the embedded catalog compiled when Qaror was built (the optional rules-catalog-prebuilt artifact, found
 * through the service loader), so that the engine loads a service's KieBase instead of compiling its DRL. Without
 * the artifact, or for a service whose files are not the ones it was built from, the engine compiles at run time.
 */
public interface PrebuiltRules {

    /**
     * The KieBase of a service compiled from exactly the files of {@code version} (the hash of its files, its
     * {@code rulesVersion}); null when none was built from that content.
     */
    KieBase kieBase(String serviceId, String version);

    /** The version of each service built in advance, by service id. */
    java.util.Map<String, String> versions();

    /**
     * The JSON form of one of the YAML files of service {@code serviceId} (its own or a shared one; {@code file} is
     * its path in the catalog), parsed when the rules were built; null unless they were built from exactly the
     * files of {@code version}.
     *
     * @see uz.qaror.internal.catalog.CatalogSource.ParsedFiles
     */
    default byte[] parsedFile(String serviceId, String version, String file) {
        return null;
    }

    /**
     * The rules of the same kind that a jar written by {@code qaror catalog prebuild} holds (a policy team's
     * folder compiled in advance).
     *
     * @throws uz.qaror.RulesException when the file cannot be read or is not such a jar
     */
    PrebuiltRules readJar(java.nio.file.Path jar);

    /** These rules where they hold a service's content, else {@code other}'s ({@code other} may be null). */
    default PrebuiltRules orElse(PrebuiltRules other) {
        if (other == null) {
            return this;
        }
        PrebuiltRules first = this;
        return new PrebuiltRules() {
            @Override
            public KieBase kieBase(String serviceId, String version) {
                KieBase kieBase = first.kieBase(serviceId, version);
                return kieBase != null ? kieBase : other.kieBase(serviceId, version);
            }

            @Override
            public byte[] parsedFile(String serviceId, String version, String file) {
                byte[] json = first.parsedFile(serviceId, version, file);
                return json != null ? json : other.parsedFile(serviceId, version, file);
            }

            @Override
            public java.util.Map<String, String> versions() {
                java.util.Map<String, String> versions = new java.util.LinkedHashMap<>(other.versions());
                versions.putAll(first.versions());
                return java.util.Collections.unmodifiableMap(versions);
            }

            @Override
            public PrebuiltRules readJar(java.nio.file.Path jar) {
                return first.readJar(jar);
            }
        };
    }

    /**
     * The rules in a jar written by {@code qaror catalog prebuild}, read by the prebuilt-rules artifact on the class
     * path of {@code loader}.
     *
     * @throws uz.qaror.RulesException when that artifact is missing, or the jar cannot be read or is not such a jar
     */
    static PrebuiltRules inJar(java.nio.file.Path jar, ClassLoader loader) {
        PrebuiltRules reader = find(loader);
        if (reader == null) {
            throw new uz.qaror.RulesException("prebuilt rules " + jar + " cannot be read without the "
                    + "rules-catalog-prebuilt artifact on the class path (the command line has it)",
                    java.util.List.of());
        }
        return reader.readJar(jar);
    }

    /** The prebuilt rules on the class path of {@code loader}; null when there are none. */
    static PrebuiltRules find(ClassLoader loader) {
        DroolsDates.install(); // before any rule class of the prebuilt catalog loads
        try {
            Iterator<PrebuiltRules> found = ServiceLoader.load(PrebuiltRules.class, loader).iterator();
            return found.hasNext() ? found.next() : null;
        } catch (ServiceConfigurationError e) {
            // A broken artifact must not stop the engine: it compiles at run time as without it.
            org.slf4j.LoggerFactory.getLogger(PrebuiltRules.class)
                    .warn("the prebuilt catalog cannot be loaded; rules are compiled at run time: {}", e.getMessage());
            return null;
        }
    }
}
