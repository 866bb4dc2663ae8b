package uz.qaror;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot serve: its files do not compile or its descriptor is broken. */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public RulesException(String summary, List<Diagnostic> diagnostics) {
        super(summary + (diagnostics.isEmpty() ? ""
                : System.lineSeparator() + diagnostics.stream().map(Diagnostic::toString)
                        .collect(Collectors.joining(System.lineSeparator()))));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
