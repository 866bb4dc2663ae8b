package uz.qaror.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import picocli.CommandLine.Option;

import uz.qaror.DecisionEngine;
import uz.qaror.tools.batch.RunSettings;

/** The options every command that decides shares: where the rules are, and the date to judge at. */
final class RulesOptions extends RulesLocation {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge every application as of this date (YYYY-MM-DD) instead of its submission date.")
    LocalDate asOf;

    /** Which rules a run used, for the settings a resume checks: the embedded catalog's version, or a folder's bytes. */
    static String describe(Path rules) throws IOException {
        return rules == null ? "embedded catalog of qaror " + Qaror.version()
                : "folder " + rules.toAbsolutePath().normalize() + ", " + RunSettings.fingerprint(rules);
    }

    @Override
    DecisionEngine.Builder builder() {
        return super.builder().asOf(asOf);
    }
}
