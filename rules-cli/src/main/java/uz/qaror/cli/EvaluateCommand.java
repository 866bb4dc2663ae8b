package uz.qaror.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;

/** {@code qaror evaluate}: decides one application and prints the decision as JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Decides one application and prints the decision as JSON on stdout.",
                "An application that cannot be decided prints an error record and exits 1."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneApplication application;

    @Option(names = "--compact", description = "Print the JSON on one line.")
    boolean compact;

    @Override
    public Integer call() throws Exception {
        String json = InputFiles.readText(application.file);
        Result result = application.rules.engine().evaluate(json);
        var node = DecisionJson.toNode(result, application.language.language);
        spec.commandLine().getOut().println(compact ? Json.JSON.writeValueAsString(node)
                : Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        spec.commandLine().getOut().flush();
        if (result instanceof Failure failure) {
            return FailureReport.print(spec.commandLine().getErr(), application.file, failure);
        }
        return Qaror.DONE;
    }
}
