package uz.qaror.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What the commands that decide one application take: the file, the rules and date, and the language. */
final class OneApplication {

    @Parameters(paramLabel = "FILE", description = "The application (JSON), or - for standard input.")
    String file;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;
}
