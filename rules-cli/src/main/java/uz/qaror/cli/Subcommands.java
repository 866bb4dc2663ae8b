package uz.qaror.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The commands of {@code qaror}, in the order its help lists them, and which of them a command line needs.
 *
 * <p>Building a command's model (picocli reads its annotations, mixins and converters) costs about 10-25 ms of a
 * cold start each, some 0.13 s for all of them: a run of {@code qaror evaluate} builds only {@code evaluate}. All are
 * built when the arguments name none of them or need the whole list: the help, the completion script, a mistyped
 * name (picocli suggests the closest), an argument file ({@code @args.txt}, read by picocli later).
 */
final class Subcommands {

    private static final Map<String, Class<?>> ALL = all();

    private Subcommands() {
    }

    private static Map<String, Class<?>> all() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("evaluate", EvaluateCommand.class);
        all.put("explain", ExplainCommand.class);
        all.put("batch", BatchCommand.class);
        all.put("serve", ServeCommand.class);
        all.put("screen", ScreenCommand.class);
        all.put("rescreen", RescreenCommand.class);
        all.put("generate", GenerateCommand.class);
        all.put("simulate", SimulateCommand.class);
        all.put("services", ServicesCommand.class);
        all.put("check", CheckCommand.class);
        all.put("test", TestCommand.class);
        all.put("catalog", CatalogCommand.class);
        all.put("table", TableCommand.class);
        all.put("help", CommandLine.HelpCommand.class);
        all.put("generate-completion", AutoComplete.GenerateCompletion.class);
        return Collections.unmodifiableMap(all);
    }

    /** The names of every command, in the order of the help. */
    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Adds to the top command the commands that these arguments need. */
    static void addTo(CommandLine top, String... args) {
        for (Class<?> command : needed(args)) {
            top.addSubcommand(command);
        }
    }

    /**
     * The commands that these arguments need: the one named after {@code --verbose} (if given), none for the version
     * alone, else all (any other option before the name may ask for the help that lists them).
     */
    static List<Class<?>> needed(String... args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                continue;
            }
            Class<?> named = arg.equals("help") || arg.equals("generate-completion") ? null : ALL.get(arg);
            return named == null ? List.copyOf(ALL.values()) : List.of(named);
        }
        return List.copyOf(ALL.values());
    }
}
