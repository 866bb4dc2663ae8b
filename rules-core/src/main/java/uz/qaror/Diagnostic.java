package uz.qaror;

/**
 * A message about a rules folder, in the form editors and CI read: {@code file:line:column: level: message}.
 * Line and column start at 1; 0 means unknown.
 *
 * @param code what kind of problem it is, a stable name for tools that group or filter findings (SARIF's rule id),
 *             such as {@code lint/legal-basis} or {@code drl/syntax}; {@code null} when not classified
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String code) {

    /** A diagnostic of no particular kind. */
    public Diagnostic(String file, int line, int column, Severity severity, String message) {
        this(file, line, column, severity, message, null);
    }

    public enum Severity {
        ERROR,
        WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message);
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, message);
    }

    /** The same diagnostic, classified. */
    public Diagnostic withCode(String kind) {
        return new Diagnostic(file, line, column, severity, message, kind);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column}, with 1 for an unknown line or column. */
    public String location() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }

    @Override
    public String toString() {
        return location() + ": " + severity.label() + ": " + message;
    }
}
