package uz.qaror;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot serve: its files do not compile or its descriptor is broken. */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /**
     * Creates the exception; its message is the summary, then each diagnostic on a line of its own.
     *
     * @param summary     what cannot serve, such as {@code broken service descriptor}
     * @param diagnostics where and why, as {@code file:line:column} messages; may be empty
     */
    public RulesException(String summary, List<Diagnostic> diagnostics) {
        super(summary + (diagnostics.isEmpty() ? ""
                : System.lineSeparator() + diagnostics.stream().map(Diagnostic::toString)
                        .collect(Collectors.joining(System.lineSeparator()))));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * {@return where and why the rules cannot serve; empty when the summary says it all (a missing folder),
     * {@code null} after the exception was serialized}
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
