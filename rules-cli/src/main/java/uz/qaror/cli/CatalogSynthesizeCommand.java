package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.tools.generate.SyntheticCatalog;

/** {@code qaror catalog synthesize}: a catalog of any size for scale tests. */
@Command(name = "synthesize", mixinStandardHelpOptions = true,
        description = {"Writes a catalog of N services into DIR for scale tests.",
                "%nThe real services are copied round-robin under new ids (<id>-s0001, ...), each compiling as a "
                        + "service of its own. Then: qaror check --rules DIR, or qaror generate/batch --rules DIR."})
final class CatalogSynthesizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "An empty or missing folder to write the catalog into.")
    Path directory;

    @Option(names = "--count", paramLabel = "N", defaultValue = "700",
            description = "How many services (default ${DEFAULT-VALUE}, the decree's target).")
    int count;

    @Option(names = "--rules", paramLabel = "SOURCE",
            description = "Copy the services of this rules folder instead of the embedded catalog.")
    Path rules;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        try {
            if (!Folders.isEmptyOrMissing(directory)) {
                throw new ParameterException(spec.commandLine(), directory + " is not an empty folder; name an empty "
                        + "or missing one");
            }
            CatalogSource source = rules == null
                    ? CatalogSource.embedded(CatalogSynthesizeCommand.class.getClassLoader())
                    : CatalogSource.directory(rules);
            SyntheticCatalog.write(source, count, directory);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote a catalog of " + count + " services to " + directory);
            out.flush();
            return Qaror.DONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
    }
}
