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
