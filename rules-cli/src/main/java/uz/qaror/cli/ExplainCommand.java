package uz.qaror.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.internal.explain.Explainer;
import uz.qaror.internal.json.Json;

/** {@code qaror explain}: decides one application and says why, as a person reads it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Decides one application and explains why: the outcome and what it means, each rule that "
                + "fired with its legal basis and the facts it matched, the parameters used, the fee, and what to "
                + "supply when the application is incomplete.",
                "Text in the chosen language; --json for a structured form."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneApplication application;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String text = InputFiles.readText(application.file);
        DecisionEngine engine = application.rules.engine();
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = Json.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failed(DecisionEngine.malformed(e));
        }
        Explainer.Explained explained = Explainer.explain(engine, tree, application.rules.asOf);
        if (explained.explanation() == null) {
            return failed((Failure) explained.result());
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(explained.explanation().toJson(application.language.language)));
        } else {
            out.print(TerminalText.escapeKeepingLines(explained.explanation().text(application.language.language)));
        }
        out.flush();
        return Qaror.DONE;
    }

    private int failed(Failure failure) {
        return FailureReport.print(spec.commandLine().getErr(), application.file, failure);
    }
}
