package uz.qaror;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uz.qaror.internal.screen.ScreeningJson;

/**
 * What screening one household gives: an answer per service screened, in the order of the service ids. When the
 * household itself is not valid (a wrong type, a bad PINFL or date, an unknown service asked for), there are no
 * answers and {@link #problems()} says why.
 *
 * @param householdId the household's {@code id}, or {@code null} when it has none
 * @param asOf        the date the household was screened at: ages, parameters and dated rules as of that day
 * @param answers     one per service screened
 * @param problems    why the household could not be screened; empty when it was
 * @param ignored     known answers that none of the services screened asks ({@code form.<name>}), or that the
 *                    service they are given for does not ask ({@code forms.<service>.<name>}, {@code forms.<service>}
 *                    for a service not screened); a name here is often misspelt
 * @param problemKind what kind of failure the problems are, as {@link Failure.Kind} names an application's
 *                    ({@code LIMIT_EXCEEDED} for a household over the engine's input limits, {@code INVALID_FIELD}
 *                    for a bad value, {@code UNKNOWN_SERVICE} for a service asked for that the catalog lacks,
 *                    ...); {@code null} when the household was screened
 */
public record ScreeningResult(String householdId, LocalDate asOf, List<ScreeningAnswer> answers,
                              List<Problem> problems, List<String> ignored, Failure.Kind problemKind) {

    /**
     * Creates a result; the engine makes them, tests may make their own.
     *
     * @param householdId see {@link #householdId()}
     * @param asOf        see {@link #asOf()}
     * @param answers     see {@link #answers()}
     * @param problems    see {@link #problems()}
     * @param ignored     see {@link #ignored()}
     * @param problemKind see {@link #problemKind()}
     * @throws IllegalArgumentException when there are problems without a kind, or a kind without problems
     */
    public ScreeningResult {
        answers = List.copyOf(answers);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
        if (problems.isEmpty() != (problemKind == null)) {
            throw new IllegalArgumentException("a result has a problem kind exactly when it has problems");
        }
    }

    /**
     * A household screened: its answers, and the known answers no service asked.
     *
     * @param householdId the household's id, or {@code null}
     * @param asOf        the screening date
     * @param answers     one per service screened
     * @param ignored     known answers no service screened asks
     * @return the result
     */
    public static ScreeningResult screened(String householdId, LocalDate asOf, List<ScreeningAnswer> answers,
                                           List<String> ignored) {
        return new ScreeningResult(householdId, asOf, answers, List.of(), ignored, null);
    }

    /**
     * A household that could not be screened, and why.
     *
     * @param householdId the household's id, or {@code null}
     * @param asOf        the screening date
     * @param kind        what kind of failure it is
     * @param problems    each problem, at least one
     * @return the result
     */
    public static ScreeningResult failed(String householdId, LocalDate asOf, Failure.Kind kind,
                                         List<Problem> problems) {
        return new ScreeningResult(householdId, asOf, List.of(), problems, List.of(), kind);
    }

    /** {@return whether the household could be screened (its answers are then complete)} */
    public boolean screened() {
        return problems.isEmpty();
    }

    /**
     * The answer for a service.
     *
     * @param service the service's id
     * @return its answer, or empty when it was not screened
     */
    public Optional<ScreeningAnswer> answer(String service) {
        return answers.stream().filter(a -> a.service().equals(service)).findFirst();
    }

    /**
     * The answers with a status.
     *
     * @param status the status wanted
     * @return those answers, in service order
     */
    public List<ScreeningAnswer> withStatus(ScreeningStatus status) {
        return answers.stream().filter(a -> a.status() == status).toList();
    }

    /**
     * The result as JSON: {@code householdId}, {@code asOf}, {@code answers} (each with {@code service},
     * {@code name}, {@code status}, {@code reasons}, {@code needs}, {@code amounts}, {@code fee},
     * {@code rulesVersion}, {@code problems}), {@code problems}, {@code problemKind} and {@code ignored}.
     *
     * @param language the language of the names, reasons and labels
     * @return the JSON text, on one line
     */
    public String toJson(Language language) {
        return ScreeningJson.write(this, List.of(language));
    }
}
