package uz.qaror.cli;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import uz.qaror.RulesException;
import uz.qaror.tools.batch.ResumableOutput;

/** {@code qaror}: decides applications to the Single Portal's services from the command line. */
@Command(name = "qaror",
        mixinStandardHelpOptions = true,
        versionProvider = Qaror.Version.class,
        description = "Decides applications to the public services of Uzbekistan's Single Portal (my.gov.uz) "
                + "with each service's rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:checks failed (an application could not be decided, a rule file has errors, a test failed, "
                        + "rule coverage is below --min-coverage, check --strict found warnings)",
                "2:usage error (unknown option, missing argument)",
                "3:unreadable input or rules (file not found, rules folder or test file broken), or an output that "
                        + "cannot be written (disk full, closed pipe, not a regular file, locked by another run)"
        })
public final class Qaror implements Runnable {

    public static final int DONE = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the engine's log (Drools build messages) on stderr.")
    void verbose(boolean verbose) {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see qaror --help");
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(StandardOutput.open(FileDescriptor.out));
        commandLine.setErr(StandardOutput.open(FileDescriptor.err));
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    /**
     * The configured command line for these arguments, with only the commands they need (see {@link Subcommands}):
     * parse the same arguments with it. Without arguments, every command.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Qaror());
        Subcommands.addTo(commandLine, args);
        commandLine.setExitCodeExceptionMapper(error -> {
            if (error instanceof CommandLine.ParameterException
                    || error instanceof ResumableOutput.ResumeRefused) {
                return USAGE;
            }
            return error instanceof RulesException || error instanceof java.io.UncheckedIOException
                    || error instanceof java.io.IOException ? UNREADABLE : CHECKS_FAILED;
        });
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            cmd.getErr().println("qaror: " + TerminalText.escape(describe(error)));
            cmd.getErr().flush();
            return cmd.getExitCodeExceptionMapper().getExitCode(error);
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            CommandLine cmd = error.getCommandLine();
            // picocli's own handler, but the message (which may quote an argument) escaped
            cmd.getErr().println(TerminalText.escape(error.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, cmd.getErr())) {
                cmd.usage(cmd.getErr());
            }
            cmd.getErr().flush();
            return USAGE;
        });
        // Whatever a command printed, a failed write to standard output is an error, never exit 0.
        commandLine.setExecutionStrategy(parseResult -> {
            int code = new CommandLine.RunLast().execute(parseResult);
            try {
                StandardOutput.check(commandLine.getOut());
            } catch (IOException e) {
                commandLine.getErr().println("qaror: " + e.getMessage());
                commandLine.getErr().flush();
                return UNREADABLE;
            }
            return code;
        });
        return commandLine;
    }

    private static String describe(Exception error) {
        if (error instanceof RulesException || error instanceof java.io.UncheckedIOException
                || error instanceof java.io.IOException || error instanceof IllegalArgumentException) {
            return error.getMessage();
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /** The version of qaror, from the build; {@code unknown} when run from classes without it. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Qaror.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The version is for information only.
        }
        return properties.getProperty("version", "unknown");
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"qaror " + version(),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
