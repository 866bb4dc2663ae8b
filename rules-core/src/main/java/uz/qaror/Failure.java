package uz.qaror;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An application that could not be decided: malformed JSON, input beyond the {@link InputLimits}, a wrong type, a
 * bad date or identifier, an unknown service, rules that do not compile or fail, a decision that took longer than
 * its time budget, or a fault of the engine itself. No partial decision is made. Input that is merely absent is
 * not a failure: it gives {@link Outcome#INCOMPLETE}. The engine returns a failure rather than throwing for
 * anything an application holds.
 *
 * @param applicationId the application's {@code id}, or {@code null} where the input did not carry one
 * @param service       the service applied to, or {@code null} where the input did not name one
 * @param kind          the family of the failure
 * @param problems      what is wrong, each with its place: a field path such as {@code applicant.pinfl}, {@code $}
 *                      for the whole application, {@code service}, {@code rules}, {@code asOf}; at most 51, the
 *                      last then saying how many more there were
 */
public record Failure(String applicationId, String service, Kind kind, List<Problem> problems)
        implements Result {

    /**
     * Creates a failure; the engine makes them, and tests may make their own.
     *
     * @param applicationId see {@link #applicationId()}
     * @param service       see {@link #service()}
     * @param kind          see {@link #kind()}
     * @param problems      see {@link #problems()}
     * @throws NullPointerException when {@code problems} is {@code null}
     */
    public Failure {
        problems = List.copyOf(problems);
    }

    /** The families of failures, for counting errors by kind. */
    public enum Kind {
        /** The input is not JSON, or not a JSON object. */
        MALFORMED_JSON,
        /** A field has the wrong type or an invalid value (date, PINFL, phone, ...). */
        INVALID_FIELD,
        /** The {@code service} names no service of the catalog. */
        UNKNOWN_SERVICE,
        /** The service's rule files do not compile. */
        RULES_BROKEN,
        /** A rule failed while deciding (a bug in the rule files, not in the input). */
        RULE_FAILED,
        /**
         * The application is larger than an {@link InputLimits input limit} allows (bytes, nesting depth, string
         * or number length, household members, documents, ...); the problem names the limit and the place. An HTTP
         * server answers it with 413 Content Too Large.
         */
        LIMIT_EXCEEDED,
        /**
         * Deciding took longer than the engine's time budget ({@link DecisionEngine.Builder#timeout}); the rules
         * were halted and nothing was decided. Rules that loop are the usual cause, not the input.
         */
        TIMEOUT,
        /**
         * The engine itself failed (a bug in Qaror, not in the input or the rules); the problem names the
         * exception. Report it.
         */
        INTERNAL_ERROR;

        /** {@return whether the applicant's input, rather than the rules or the engine, is at fault} */
        public boolean isInputProblem() {
            return this == MALFORMED_JSON || this == INVALID_FIELD || this == UNKNOWN_SERVICE
                    || this == LIMIT_EXCEEDED;
        }
    }

    /** {@return the problems on one line, as {@code path: message; path: message}} */
    public String describe() {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
