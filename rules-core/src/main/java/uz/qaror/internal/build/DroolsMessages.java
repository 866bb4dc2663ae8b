package uz.qaror.internal.build;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilderResult;

import uz.qaror.Diagnostic;

/**
 * Turns Drools compiler results into diagnostics a policy author can act on: the file, line and column, and a
 * message in plain words where Drools' own is written for Java developers.
 */
final class DroolsMessages {

    private static final String FACTS = "Application, Applicant, Member, Household, Document, Vehicle, Property, Form";

    private static final Pattern LINE_PREFIX = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+) ");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_FIELD_2 = Pattern.compile(
            "Unknown property '?(\\w+)'? (?:on|for) (?:class )?([\\w.$]+)");
    private static final Pattern NO_FIELD = Pattern.compile("unable to resolve (?:property|field|method)[^:]*: ([\\w.$]+)\\.(\\w+)");

    private DroolsMessages() {
    }

    static Diagnostic toDiagnostic(KnowledgeBuilderResult result, String fallbackFile, Diagnostic.Severity severity) {
        String file = result.getResource() != null && result.getResource().getSourcePath() != null
                ? result.getResource().getSourcePath() : fallbackFile;
        int[] lines = result.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int column = 0;
        if (result instanceof ParserError parserError) {
            line = parserError.getRow();
            column = parserError.getCol() + 1;
        }
        String message = result.getMessage() == null ? "unknown problem" : result.getMessage();
        Matcher prefix = LINE_PREFIX.matcher(message);
        if (prefix.find()) {
            line = Integer.parseInt(prefix.group(1));
            column = Integer.parseInt(prefix.group(2)) + 1;
            message = message.substring(prefix.end());
        }
        return new Diagnostic(file, line, column, severity, plain(message),
                severity == Diagnostic.Severity.ERROR ? "drl/compile" : "drools/warning");
    }

    /** A message in the author's terms, or Drools' own first line when no plainer wording is known. */
    static String plain(String message) {
        Matcher matcher = UNKNOWN_TYPE.matcher(message);
        if (matcher.find()) {
            return "unknown fact type '" + matcher.group(1) + "'; the facts are " + FACTS
                    + " (declare a new form field in service.yaml's inputs)";
        }
        for (Pattern pattern : List.of(UNKNOWN_FIELD, NO_FIELD)) {
            matcher = pattern.matcher(message);
            if (matcher.find()) {
                return unknownField(simpleName(matcher.group(1)), matcher.group(2), message);
            }
        }
        matcher = UNKNOWN_FIELD_2.matcher(message);
        if (matcher.find()) {
            return unknownField(simpleName(matcher.group(2)), matcher.group(1), message);
        }
        if (message.startsWith("Rule Compilation error ")) {
            return "in the rule's actions (then ... end): " + firstLines(message.substring(23));
        }
        return firstLines(message);
    }

    private static String unknownField(String type, String field, String original) {
        String name = field.startsWith("get") && field.length() > 3
                ? Character.toLowerCase(field.charAt(3)) + field.substring(4) : field;
        String hint = "Form".equals(type) ? " (declare it as an input form." + name + " in service.yaml)" : "";
        return type + " has no field '" + name + "'" + hint;
    }

    private static String simpleName(String qualified) {
        int dot = Math.max(qualified.lastIndexOf('.'), qualified.lastIndexOf('$'));
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    private static String firstLines(String message) {
        String compact = message.replaceAll("\\s*\\n\\s*", " ").trim();
        return compact.length() > 300 ? compact.substring(0, 300) + "..." : compact;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : firstLines(message);
    }
}
