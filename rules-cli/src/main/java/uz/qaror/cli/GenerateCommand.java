package uz.qaror.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.tools.batch.TextOutput;
import uz.qaror.tools.generate.ApplicationGenerator;

/** {@code qaror generate}: realistic test applications as JSON Lines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes realistic applications for the catalog's services, or households to screen, as JSON "
                + "Lines.",
                "%nValid PINFLs, plausible households and incomes, each service's form answers and documents, every "
                        + "outcome represented, and a chosen share of invalid records. The same seed gives the same "
                        + "applications. With --households, a synthetic population for qaror screen and qaror "
                        + "rescreen: plausible families (spouses, children and parents of fitting ages, as of --as-of or "
                        + "today), their assets, and now and then the documents and answers of a service."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", description = "How many applications.")
    Long count;

    @Option(names = "--households", paramLabel = "N", description = "How many households (instead of applications).")
    Long households;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--services", paramLabel = "ID", split = ",",
            description = "Only these services (comma-separated ids); default all.")
    List<String> services;

    @Option(names = "--invalid-share", paramLabel = "P", defaultValue = "0",
            description = "Share of invalid records, 0 to 1 (malformed JSON, bad PINFL, bad date, unknown service).")
    double invalidShare;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First submission day, YYYY-MM-DD (default 2023-01-01).")
    LocalDate from = ApplicationGenerator.FIRST_DAY;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Last submission day, YYYY-MM-DD, included (default 2026-10-31). Submission dates are "
                    + "spread evenly from --from to --to.")
    LocalDate to = ApplicationGenerator.LAST_DAY;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    @Mixin
    RulesOptions rules;

    /** The day generated households' ages are counted to. */
    private LocalDate populationDay;

    @Override
    public Integer call() throws IOException {
        if ((count == null) == (households == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --count N (applications) or "
                    + "--households N");
        }
        long total = count != null ? count : households;
        populationDay = rules.asOf != null ? rules.asOf : LocalDate.now(ApplicationReader.TASHKENT);
        if (total < 0 || invalidShare < 0 || invalidShare > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--count and --households must be 0 or more and --invalid-share between 0 and 1");
        }
        if (to.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to " + to + " is before --from " + from);
        }
        DecisionEngine engine = rules.engine();
        List<ServiceDescriptor> all = engine.services();
        List<ServiceDescriptor> chosen = all;
        if (services != null) {
            KnownServices.check(spec, all.stream().map(ServiceDescriptor::id).toList(), services);
            chosen = all.stream().filter(s -> services.contains(s.id())).toList();
        }
        ApplicationGenerator generator = new ApplicationGenerator(chosen, seed, invalidShare, from, to);
        if (output == null) {
            Writer out = StandardOutput.writer(spec.commandLine().getOut());
            writeAll(generator, total, out);
            out.flush();
        } else {
            AtomicFile.write(output, (OutputStream stream) -> {
                Writer out = TextOutput.utf8(stream);
                writeAll(generator, total, out);
                out.flush();
                return null;
            });
        }
        return Qaror.DONE;
    }

    private void writeAll(ApplicationGenerator generator, long total, Writer out) throws IOException {
        for (long i = 0; i < total; i++) {
            out.write(households != null ? generator.household(i, populationDay) : generator.line(i));
            out.write('\n');
            if (i % 4096 == 4095) {
                out.flush(); // a failed write (a full disk, a closed pipe) stops the run here, not at the end
            }
        }
    }
}
