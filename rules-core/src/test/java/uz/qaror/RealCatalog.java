package uz.qaror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/** The real catalog and example applications of this repository, read from their folders. */
final class RealCatalog {

    static final Path FOLDER = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
    static final Path EXAMPLES = Path.of("../examples/applications");
    /** One engine over the real catalog for every test that needs it: services compile on first use. */
    static final DecisionEngine ENGINE = DecisionEngine.fromDirectory(FOLDER);

    private RealCatalog() {
    }

    /** An example application, e.g. {@code old-age-pension}, as a tree to change. */
    static ObjectNode example(String name) {
        try {
            return (ObjectNode) Json.JSON.readTree(EXAMPLES.resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
