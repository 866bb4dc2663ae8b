package uz.qaror.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.json.Json;

/** networknt's schema is built only when an application needs it, and then judges as it always did. */
class ApplicationSchemaTest {

    private static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");

    @Test
    void validApplicationsNeverBuildNetworkntsSchemaAnInvalidOneBuildsItOnce() throws Exception {
        ApplicationSchema schema = ApplicationSchema.forService(
                CatalogSource.directory(CATALOG).readService("marriage-registration").descriptor());
        assertThat(schema.hasQuickCheck()).isTrue();
        JsonNode valid = Json.JSON.readTree(
                Files.readString(Path.of("../examples/applications/marriage-registration.json")));
        for (int i = 0; i < 3; i++) {
            assertThat(schema.isValid(valid)).isTrue();
        }
        assertThat(schema.judgeBuilt()).as("networknt's schema after valid applications only").isFalse();

        ObjectNode misspelt = valid.deepCopy();
        ((ObjectNode) misspelt.get("form")).put("spouseMaried", false);
        assertThat(schema.isValid(misspelt)).isFalse();
        assertThat(schema.judgeBuilt()).isTrue();
        assertThat(schema.messages(misspelt)).singleElement().asString().contains("spouseMaried");
        assertThat(schema.messages(valid)).isEmpty();
        assertThat(schema.fullyValid(valid)).isTrue();
    }
}
