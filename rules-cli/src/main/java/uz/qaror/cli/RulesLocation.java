package uz.qaror.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import uz.qaror.DecisionEngine;

/** Where a command's rules are: the embedded catalog or a folder, and a jar of prebuilt rules beside it. */
class RulesLocation {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules in this folder (services/<id>/ and parameters/) instead of the embedded catalog.")
    Path rules;

    /** What --prebuilt does, for every command that takes it. */
    static final String PREBUILT_DESCRIPTION = "Load the rules of services unchanged since qaror catalog prebuild "
            + "wrote this jar from it instead of compiling them (others are compiled as usual).";

    @Option(names = "--prebuilt", paramLabel = "JAR", description = PREBUILT_DESCRIPTION)
    Path prebuilt;

    DecisionEngine engine() {
        return builder().prebuiltRules(prebuilt).build();
    }

    /**
     * An engine that compiles every service with the classic compiler, even prebuilt ones (the embedded catalog's,
     * a --prebuilt jar's): for checking, which reports Drools' own warnings.
     */
    DecisionEngine compilingEngine() {
        return builder().prebuiltRules(false).build();
    }

    DecisionEngine.Builder builder() {
        DecisionEngine.Builder builder = DecisionEngine.builder();
        if (rules != null) {
            builder.rulesDirectory(rules);
        }
        return builder;
    }
}
