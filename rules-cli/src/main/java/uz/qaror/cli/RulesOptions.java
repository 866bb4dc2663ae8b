package uz.qaror.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import picocli.CommandLine.Option;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.batch.RunSettings;

/** The options every command that decides shares: where the rules are, and the date to judge at. */
final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules in this folder (services/<id>/ and parameters/) instead of the embedded catalog.")
    Path rules;

    /** What --prebuilt does, for every command that takes it. */
    static final String PREBUILT_DESCRIPTION = "Load the rules of services unchanged since qaror catalog prebuild "
            + "wrote this jar from it instead of compiling them (others are compiled as usual).";

    @Option(names = "--prebuilt", paramLabel = "JAR", description = PREBUILT_DESCRIPTION)
    Path prebuilt;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge every application as of this date (YYYY-MM-DD) instead of its submission date.")
    LocalDate asOf;

    /** Which rules a run used, for the settings a resume checks: the embedded catalog's version, or a folder's bytes. */
    static String describe(Path rules) throws IOException {
        return rules == null ? "embedded catalog of qaror " + Qaror.version()
                : "folder " + rules.toAbsolutePath().normalize() + ", " + RunSettings.fingerprint(rules);
    }

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

    private DecisionEngine.Builder builder() {
        DecisionEngine.Builder builder = DecisionEngine.builder().asOf(asOf);
        if (rules != null) {
            builder.rulesDirectory(rules);
        }
        return builder;
    }
}
