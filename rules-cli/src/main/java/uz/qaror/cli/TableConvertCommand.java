package uz.qaror.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.internal.table.TableException;
import uz.qaror.spreadsheet.TableWorkbook;

/** The two conversions of {@code qaror table}: the same steps, from one form to the other. */
abstract class TableConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TABLE", description = "The table to convert.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write (default: beside TABLE, same name, the other extension).")
    Path output;

    @Option(names = "--keep", description = "Keep TABLE when writing beside it (both forms then load: remove one "
            + "before checking).")
    boolean keep;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    /** The extensions this conversion reads, lower case, and the one it writes. */
    abstract List<String> from();

    abstract String to();

    abstract byte[] convert(byte[] content, String display);

    /** What to do next, printed after the conversion. */
    abstract String next(Path written);

    @Override
    public Integer call() throws IOException {
        String name = input.getFileName().toString();
        String extension = from().stream().filter(e -> name.toLowerCase(Locale.ROOT).endsWith(e)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), input + " is not a "
                        + String.join(" or ", from()) + " file"));
        Path target = output != null ? output
                : input.resolveSibling(name.substring(0, name.length() - extension.length()) + to());
        if (Files.exists(target) && !force) {
            throw new ParameterException(spec.commandLine(), target + " exists; add --force to overwrite it");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(input);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), input + " does not exist");
        }
        byte[] converted;
        try {
            converted = convert(content, input.toString());
        } catch (TableException e) {
            throw e.toRulesException();
        }
        AtomicFile.write(target, out -> {
            out.write(converted);
            return null;
        });
        boolean replaces = !keep && sameFolder(input, target);
        if (replaces) {
            Files.delete(input);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target + (replaces ? "; removed " + name + ", which it replaces" : ""));
        out.println(next(target));
        out.flush();
        return Qaror.DONE;
    }

    private static boolean sameFolder(Path a, Path b) {
        Path one = a.toAbsolutePath().normalize().getParent();
        Path other = b.toAbsolutePath().normalize().getParent();
        return one != null && one.equals(other);
    }

    @Command(name = "to-xlsx", mixinStandardHelpOptions = true,
            description = {"Turns a CSV decision table (.drl.csv) into an Excel workbook (.drl.xlsx) to edit.",
                    "The column titles are frozen above the rules; the rows that tell Drools what each column",
                    "means are shaded: edit the rules below them."})
    static final class ToXlsx extends TableConvertCommand {
        @Override
        List<String> from() {
            return List.of(".csv");
        }

        @Override
        String to() {
            return ".xlsx";
        }

        @Override
        byte[] convert(byte[] content, String display) {
            return TableWorkbook.fromCsv(content, display);
        }

        @Override
        String next(Path written) {
            return "edit it in Excel or LibreOffice and save it as .xlsx; then turn it back with: qaror table to-csv "
                    + written;
        }
    }

    @Command(name = "to-csv", mixinStandardHelpOptions = true,
            description = {"Turns an Excel decision table (.drl.xlsx or .drl.xls; its first sheet, the one Drools "
                    + "reads) into the catalog's CSV: UTF-8, comma-separated, one line per row."})
    static final class ToCsv extends TableConvertCommand {
        @Override
        List<String> from() {
            return List.of(".xlsx", ".xls");
        }

        @Override
        String to() {
            return ".csv";
        }

        @Override
        byte[] convert(byte[] content, String display) {
            return TableWorkbook.toCsv(content, display);
        }

        @Override
        String next(Path written) {
            Path service = written.toAbsolutePath().normalize().getParent();
            Path services = service == null ? null : service.getParent();
            if (services == null || services.getFileName() == null
                    || !services.getFileName().toString().equals("services") || services.getParent() == null) {
                return "now check the rules folder that holds it: qaror check --rules DIR, then qaror test --rules DIR";
            }
            Path rules = Path.of("").toAbsolutePath().relativize(services.getParent());
            String folder = rules.toString().isEmpty() ? "." : rules.toString();
            return "now check it: qaror check --rules " + folder + " && qaror test --rules " + folder + " "
                    + service.getFileName();
        }
    }
}
