package uz.qaror.prebuilt.codegen;

import java.io.IOException;
import java.nio.file.Path;

import uz.qaror.RulesException;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.prebuilt.ModelGenerator;
import uz.qaror.prebuilt.PrebuiltCatalog;

/**
 * Compiles the embedded catalog with Drools' executable model during the build (run by Maven after this module's
 * own classes; {@link ModelGenerator} does the work): a broken service fails the build with its file:line
 * diagnostics. Writes the generated classes and the index ({@link PrebuiltCatalog#INDEX}) into the classes folder.
 * Never part of the artifact.
 */
public final class CatalogCodegen {

    private CatalogCodegen() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CatalogCodegen CLASSES_FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        // The classes of an earlier build go first, so that a service removed from the catalog leaves none behind
        // (the generator itself compiles without them: WithoutGeneratedRules).
        Folders.deleteTree(out.resolve("qaror/service"));
        try {
            ModelGenerator.Generated generated = ModelGenerator.generate(
                    CatalogSource.embedded(CatalogCodegen.class.getClassLoader()));
            generated.writeInto(out);
            System.out.println("prebuilt " + generated.services() + " services of the embedded catalog: "
                    + generated.classes().size() + " classes, " + generated.parsed().size() + " YAML files parsed");
        } catch (RulesException e) {
            System.err.println(e.getMessage() + ":");
            e.diagnostics().forEach(d -> System.err.println("  " + d));
            System.exit(1);
        }
    }
}
