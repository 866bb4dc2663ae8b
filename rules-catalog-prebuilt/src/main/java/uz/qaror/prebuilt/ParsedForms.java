package uz.qaror.prebuilt;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uz.qaror.RulesException;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFiles;

/**
 * The JSON forms of a catalog's YAML files ({@link CatalogSource#jsonForm}), gathered service by service as the
 * generator reads them, for the engine to read instead of the YAML. A file every service shares (the calendar, the
 * shared parameters) is converted once; every service must have read the same bytes of it, since the engine takes
 * its JSON form for any service whose version the index holds.
 */
final class ParsedForms {

    private final CatalogSource source;
    private final Map<String, byte[]> yamlSeen = new HashMap<>();
    private final Map<String, byte[]> forms = new TreeMap<>();

    ParsedForms(CatalogSource source) {
        this.source = source;
    }

    /** Adds the forms of the YAML files a service was read from. */
    void add(ServiceFiles files) {
        for (Map.Entry<String, byte[]> file : source.yamlFiles(files).entrySet()) {
            byte[] seen = yamlSeen.putIfAbsent(file.getKey(), file.getValue());
            if (seen != null) {
                if (!Arrays.equals(seen, file.getValue())) {
                    throw new RulesException(source.displayRoot() + "/" + file.getKey() + " changed while the "
                            + "catalog was being prebuilt; prebuild it again", List.of());
                }
                continue;
            }
            byte[] json = CatalogSource.jsonForm(file.getKey(), file.getValue());
            if (json != null) {
                forms.put(PrebuiltCatalog.PARSED + file.getKey() + ".json", json);
            }
        }
    }

    /** The forms by their path in the jar. */
    Map<String, byte[]> forms() {
        return Collections.unmodifiableMap(forms);
    }
}
