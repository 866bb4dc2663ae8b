package uz.qaror;

/**
 * A message about a rules folder, in the form editors and CI read: {@code file:line:column: level: message}.
 * Line and column start at 1; 0 means unknown.
 *
 * @param file     the file's path as shown to people: under the rules folder as it was given, or under
 *                 {@code catalog/} for the embedded catalog
 * @param line     the line, from 1; 0 when unknown
 * @param column   the column, from 1; 0 when unknown
 * @param severity whether the rules cannot serve ({@code ERROR}) or merely should be fixed ({@code WARNING})
 * @param message  what is wrong, in English
 * @param code what kind of problem it is, a stable name for tools that group or filter findings (SARIF's rule id),
 *             such as {@code lint/legal-basis} or {@code drl/syntax}; {@code null} when not classified
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String code) {

    /**
     * A diagnostic of no particular kind.
     *
     * @param file     the file's path as shown to people
     * @param line     the line, from 1; 0 when unknown
     * @param column   the column, from 1; 0 when unknown
     * @param severity how bad it is
     * @param message  what is wrong
     */
    public Diagnostic(String file, int line, int column, Severity severity, String message) {
        this(file, line, column, severity, message, null);
    }

    /** How bad a diagnostic is. */
    public enum Severity {
        /** The rules cannot serve: a file does not compile or the descriptor is broken. */
        ERROR,
        /** The rules serve, but something should be fixed (a lint finding). */
        WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An error of no particular kind.
     *
     * @param file    the file's path as shown to people
     * @param line    the line, from 1; 0 when unknown
     * @param column  the column, from 1; 0 when unknown
     * @param message what is wrong
     * @return the diagnostic
     */
    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message);
    }

    /**
     * A warning of no particular kind.
     *
     * @param file    the file's path as shown to people
     * @param line    the line, from 1; 0 when unknown
     * @param column  the column, from 1; 0 when unknown
     * @param message what should be fixed
     * @return the diagnostic
     */
    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, message);
    }

    /**
     * The same diagnostic, classified.
     *
     * @param kind the {@code code}, such as {@code lint/legal-basis}
     * @return a copy with that code
     */
    public Diagnostic withCode(String kind) {
        return new Diagnostic(file, line, column, severity, message, kind);
    }

    /** {@return whether the severity is {@code ERROR}} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@return {@code file:line:column}, with 1 for an unknown line or column} */
    public String location() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }

    @Override
    public String toString() {
        return location() + ": " + severity.label() + ": " + message;
    }
}
