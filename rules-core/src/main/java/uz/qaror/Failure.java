package uz.qaror;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An application that could not be decided: malformed JSON, a wrong type, a bad date or identifier, an unknown
 * service, or rules that do not compile or fail. No partial decision is made. Input that is merely absent is
 * not a failure: it gives {@link Outcome#INCOMPLETE}.
 */
public record Failure(String applicationId, String service, Kind kind, List<Problem> problems)
        implements Result {

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
        /** The input exceeds a limit (its size in bytes, for one): refused before it is read whole. */
        LIMIT_EXCEEDED,
        /** Deciding took longer than the time allowed for one application, and was given up. */
        TIMEOUT;

        /** Whether the applicant's input, rather than the rules, is at fault. */
        public boolean isInputProblem() {
            return this == MALFORMED_JSON || this == INVALID_FIELD || this == UNKNOWN_SERVICE
                    || this == LIMIT_EXCEEDED;
        }
    }

    /** The problems on one line, as {@code path: message; path: message}. */
    public String describe() {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
