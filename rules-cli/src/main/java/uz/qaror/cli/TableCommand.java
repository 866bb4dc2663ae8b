package uz.qaror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qaror table}: turns a decision table into a workbook to edit in a spreadsheet program, and back. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"Turns a decision table into an Excel workbook to edit, and the workbook back into CSV.",
                "The cells keep their text, so the engine decides the same from either form.",
                "A table is one service's file: both forms in one folder would load its rules twice, so a",
                "conversion beside the table replaces it (--keep keeps it).",
                "%nExample:",
                "  qaror table to-xlsx my-rules/services/child-benefit/amounts.drl.csv",
                "  (edit amounts.drl.xlsx in Excel or LibreOffice, save it as .xlsx)",
                "  qaror table to-csv my-rules/services/child-benefit/amounts.drl.xlsx",
                "  qaror check --rules my-rules && qaror test --rules my-rules child-benefit"},
        subcommands = {TableConvertCommand.ToXlsx.class, TableConvertCommand.ToCsv.class,
                CommandLine.HelpCommand.class})
final class TableCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand; see qaror table --help");
    }
}
