package uz.qaror.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.internal.batch.BatchRunner;
import uz.qaror.internal.batch.BatchSummary;

/** {@code qaror batch}: decides a file of JSON Lines. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Decides JSON Lines: one application per line in, one decision or error record per line out,",
                "in order, each with its line number. A line that cannot be decided becomes an error record and",
                "the batch goes on. The output file appears whole or not at all. A summary goes to stderr."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "JSON Lines input, or - for standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write here (written aside, then moved into place) instead of standard output.")
    Path output;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws IOException {
        BatchRunner runner = new BatchRunner(rules.engine(), language.language);
        long start = System.nanoTime();
        BatchSummary summary;
        try (InputStream in = InputFiles.open(input)) {
            if (output == null) {
                OutputStream out = System.out;
                summary = runner.run(in, out);
                out.flush();
            } else {
                summary = AtomicFile.write(output, out -> runner.run(in, out));
            }
        }
        spec.commandLine().getErr().println(summary.describe(Duration.ofNanos(System.nanoTime() - start)));
        spec.commandLine().getErr().flush();
        return summary.errors() > 0 ? Qaror.CHECKS_FAILED : Qaror.DONE;
    }
}
