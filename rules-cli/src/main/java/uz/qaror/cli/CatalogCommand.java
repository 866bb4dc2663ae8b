package uz.qaror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qaror catalog}: works on the catalog itself; its subcommands do the work. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Works on the catalog itself: export copies it into a folder to edit; synthesize writes a "
                + "catalog of any size for scale tests; prebuild compiles a folder's rules in advance; load makes its "
                + "services ready and says how long that took and which came from a prebuilt jar.",
        subcommands = {CatalogExportCommand.class, CatalogSynthesizeCommand.class, CatalogPrebuildCommand.class,
                CatalogLoadCommand.class, CommandLine.HelpCommand.class})
final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand; see qaror catalog --help");
    }
}
