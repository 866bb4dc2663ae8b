package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.internal.catalog.Folders;
import uz.qaror.internal.catalog.CatalogSource;

/** {@code qaror catalog export}: copies the embedded catalog into a folder to edit. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Copies the embedded catalog into DIR for a policy team to edit.",
                "DIR gets services/ and parameters/; after editing, use it with --rules DIR:",
                "qaror check --rules DIR, qaror test --rules DIR."})
final class CatalogExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to copy into; created if missing, and must be empty.")
    Path directory;

    @Option(names = "--force",
            description = "Copy into a folder that is not empty: same-named files are overwritten, "
                    + "others kept.")
    boolean force;

    @Override
    public Integer call() {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new ParameterException(spec.commandLine(), directory + " is a file, not a folder");
            }
            if (!force && !Folders.isEmptyOrMissing(directory)) {
                throw new ParameterException(spec.commandLine(), directory + " is not empty; export into an empty"
                        + " folder, or add --force to overwrite the catalog's files there");
            }
            CatalogSource source = CatalogSource.embedded(CatalogExportCommand.class.getClassLoader());
            int files = Folders.copyTree(source.root(), directory);
            PrintWriter out = spec.commandLine().getOut();
            out.println("exported " + files + " files of the catalog to " + directory);
            out.println("edit them, then: qaror check --rules " + directory + " && qaror test --rules " + directory);
            out.flush();
            return Qaror.DONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + directory + ": " + e.getMessage(), e);
        }
    }
}
