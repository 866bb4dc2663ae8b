package uz.qaror.hostile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import uz.qaror.internal.build.ApplicationSchema;
import uz.qaror.internal.catalog.CatalogSource;

/** The application schemas of a catalog's services, by service id, for the tests that check schemas against it. */
public final class CatalogSchemas {

    private CatalogSchemas() {
    }

    /** The schema of each service of the catalog at {@code root}, in the catalog's order. */
    public static Map<String, ApplicationSchema> of(Path root) {
        CatalogSource catalog = CatalogSource.directory(root);
        Map<String, ApplicationSchema> schemas = new LinkedHashMap<>();
        for (String id : catalog.serviceIds()) {
            schemas.put(id, ApplicationSchema.forService(catalog.readService(id).descriptor()));
        }
        return schemas;
    }
}
