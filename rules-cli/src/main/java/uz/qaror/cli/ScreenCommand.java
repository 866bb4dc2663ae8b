package uz.qaror.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.screen.HouseholdRecords;
import uz.qaror.tools.screen.ScreeningOptions;

/** {@code qaror screen}: every service a household qualifies for. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Screens a household for every service of the catalog: eligible (with amounts and fee), not "
                + "eligible (with the reasons), what is needed to decide, referred to an officer, or not applicable.",
                "%nThe household is JSON: applicant, household, documents and the form answers already known "
                        + "(see examples/households/). Each service is decided as the application the household would "
                        + "make on the screening date; only a rule that approves makes a service eligible. Exits 1 "
                        + "when the household cannot be screened or a service could not be screened."})
final class ScreenCommand implements Callable<Integer> {

    /** The order a person reads the answers in: what they get first, what does not concern them last. */
    private static final List<ScreeningStatus> ORDER = List.of(ScreeningStatus.ELIGIBLE, ScreeningStatus.NEEDS,
            ScreeningStatus.OFFICER, ScreeningStatus.NOT_ELIGIBLE, ScreeningStatus.ERROR,
            ScreeningStatus.NOT_APPLICABLE);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The household (JSON), or - for standard input.")
    String file;

    @Mixin
    RulesOptions rules;

    @Mixin
    ScreeningChoice choice;

    @Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DecisionEngine engine = rules.engine();
        // Read as a batch reads a record: at most the engine's byte limit (and one byte more, to tell it too large).
        byte[] bytes;
        try (InputStream in = InputFiles.open(file)) {
            bytes = new ApplicationText(engine.inputLimits()).take(in);
        }
        ScreeningOptions options = choice.options(spec, engine.serviceIds(), rules.asOf);
        if (choice.services == null) {
            // Every service is screened: compile them on every core rather than one after another. A service that
            // does not compile is reported in its answer.
            engine.prepareAll();
        }
        ScreeningResult result = HouseholdRecords.screen(engine, new InputRecord(1, file, bytes, bytes.length),
                options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Json.JSON.readTree(result.toJson(language.language))));
        } else if (result.screened()) {
            out.println(table(result, language.language));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (!result.screened()) {
            return FailureReport.print(err, file, new Failure(result.householdId(), null, result.problemKind(),
                    result.problems()), "screened");
        }
        result.ignored().forEach(name -> err.println("qaror: note: " + TerminalText.escape(name)
                + " is asked by none of the services screened; is it misspelt?"));
        err.flush();
        return result.withStatus(ScreeningStatus.ERROR).isEmpty() ? Qaror.DONE : Qaror.CHECKS_FAILED;
    }

    static String table(ScreeningResult result, Language language) {
        Map<ScreeningStatus, Long> counts = new TreeMap<>(result.answers().stream()
                .collect(Collectors.groupingBy(ScreeningAnswer::status, Collectors.counting())));
        String heading = "Household " + (result.householdId() == null ? "" : result.householdId() + " ")
                + "as of " + result.asOf() + ", " + result.answers().size() + " services: "
                + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        result.answers().stream()
                .sorted(Comparator.comparing((ScreeningAnswer a) -> ORDER.indexOf(a.status()))
                        .thenComparing(ScreeningAnswer::service))
                .forEach(answer -> {
                    rows.add(List.of(answer.status().name(), answer.service(), answer.name(language)));
                    details(answer, language).forEach(line -> rows.add(List.of("", "", "  " + line)));
                });
        return heading + System.lineSeparator() + System.lineSeparator()
                + Table.render(List.of("STATUS", "SERVICE", "NAME"), rows);
    }

    private static List<String> details(ScreeningAnswer answer, Language language) {
        List<String> lines = new ArrayList<>();
        for (Reason reason : answer.reasons()) {
            if (!reason.code().equals("MISSING_INPUT")) {
                lines.add(reason.message(language));
            }
        }
        answer.needs().forEach(n -> lines.add("needs: " + n.label(language) + " (" + n.path() + ")"));
        if (!answer.amounts().isEmpty()) {
            lines.add("amounts: " + answer.amounts().stream()
                    .map(a -> a.code() + " " + a.value().toPlainString() + " " + a.unit())
                    .collect(Collectors.joining(", ")));
        }
        if (answer.fee() != null && answer.status() == ScreeningStatus.ELIGIBLE) {
            lines.add("fee: " + answer.fee().totalBca().toPlainString() + " BCA = "
                    + answer.fee().totalSoum().toPlainString() + " soum");
        }
        answer.problems().forEach(p -> lines.add("problem: " + p));
        return lines;
    }
}
