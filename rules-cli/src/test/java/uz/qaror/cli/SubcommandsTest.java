package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * A command line builds only the command its arguments name (a cold start pays for one command's model, not fifteen),
 * and that command behaves as it does among all the others.
 */
class SubcommandsTest {

    private static List<String> built(String... args) {
        return List.copyOf(Qaror.commandLine(args).getSubcommands().keySet());
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(built("evaluate", "application.json")).containsExactly("evaluate");
        assertThat(built("--verbose", "batch", "in.jsonl", "-o", "out.jsonl")).containsExactly("batch");
        assertThat(built("catalog", "export", "dir")).containsExactly("catalog");
        assertThat(built("--version")).isEmpty();
    }

    @Test
    void everyCommandIsBuiltWhereTheListOrAnyOfThemMayBeNeeded() {
        List<String> all = Subcommands.names();
        assertThat(all).hasSize(15).contains("evaluate", "help", "generate-completion");
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-h", "evaluate"},
                new String[] {"help", "evaluate"}, new String[] {"generate-completion"},
                new String[] {"evaluat", "x.json"}, new String[] {"@arguments.txt"},
                new String[] {"--version", "evaluate"}, new String[] {"--", "evaluate"})) {
            assertThat(built(args)).as(String.join(" ", args)).containsExactlyElementsOf(all);
        }
    }

    @Test
    void theNamesAreTheCommandsOwnInTheOrderOfTheHelp() {
        // The list is written out (reading every command's annotation would cost what building them saves); it must
        // stay what the commands call themselves.
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : Qaror.commandLine().getSubcommands().entrySet()) {
            names.add(command.getValue().getCommandName());
        }
        assertThat(names).containsExactlyElementsOf(Subcommands.names());
        String help = CliTest.run("--help").out();
        int last = -1;
        for (String name : Subcommands.names()) {
            int at = help.indexOf("\n  " + name + " ");
            assertThat(at).as(name + " listed in qaror --help after the one before").isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void aCommandBuiltAloneHasTheHelpAndOptionsItHasAmongAllTheOthers() {
        CommandLine whole = Qaror.commandLine();
        for (String name : Subcommands.names()) {
            if (name.equals("help") || name.equals("generate-completion")) {
                continue; // never built alone
            }
            CommandLine alone = Qaror.commandLine(name).getSubcommands().get(name);
            assertThat(usages(alone)).as(name).isEqualTo(usages(whole.getSubcommands().get(name)));
            assertThat(alone.getCommandSpec().findOption("--verbose")).as(name + " inherits --verbose").isNotNull();
        }
    }

    @Test
    void aMistypedCommandIsStillMetWithSuggestions() {
        CliTest.Run run = CliTest.run("evaluat", "x.json");
        assertThat(run.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(run.err()).contains("Did you mean: qaror evaluate");
    }

    /** The usage help of a command and of each of its own commands. */
    private static List<String> usages(CommandLine command) {
        List<String> usages = new ArrayList<>();
        usages.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : command.getSubcommands().values()) {
            usages.addAll(usages(sub));
        }
        return usages;
    }
}
