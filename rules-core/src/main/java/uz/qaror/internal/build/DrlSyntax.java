package uz.qaror.internal.build;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.io.Resource;

import uz.qaror.Diagnostic;

/**
 * Parses one DRL file on its own before the service is compiled, and reports its first syntax error where the
 * author made it. Drools reports a syntax error where the parser noticed it, often a line later (a missing
 * {@code )} is noticed at the next condition or at {@code then}), then reports what follows from it; and a file
 * that does not parse is dropped, so every other file using what it declares breaks too. Only the first error
 * of a file is reported, moved to its cause when the cause is one of the usual ones: a bracket left open, a quote
 * left open, a rule without {@code end}.
 */
final class DrlSyntax {

    private static final String CODE = "drl/syntax";
    private static final Pattern LINE_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ ");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+(\"(?:[^\"\\\\\\n]|\\\\.)*\""
            + "|'[^'\\n]*'|\\S+)");

    private DrlSyntax() {
    }

    /** What a file declares for the others: types, functions, globals, queries. */
    private static final Pattern DECLARES = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+)?(\\w+)"
            + "|\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(|\\bglobal\\s+[\\w.<>\\[\\]]+\\s+(\\w+)"
            + "|\\bquery\\s+\"?(\\w+)");

    /** The names a file declares for the others, read from its text (it does not parse). */
    static Set<String> declaredNames(String drl) {
        Set<String> names = new HashSet<>();
        Matcher matcher = DECLARES.matcher(DrlText.of(drl).code());
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    names.add(matcher.group(group));
                }
            }
        }
        return names;
    }

    /** Whether a message names one of the names as a word. */
    static boolean mentionsAny(String message, Set<String> names) {
        for (String name : names) {
            if (Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w])").matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    /** The file's first syntax error, at its cause; empty when the file parses. */
    static List<Diagnostic> check(String drl, Resource resource) {
        String file = resource.getSourcePath();
        DrlText text = DrlText.of(drl);
        int quote = unclosedQuote(text);
        if (quote >= 0) {
            // Inside then ... end the parser passes it on, and the Java compiler reports it at the rule's start.
            return List.of(Diagnostic.error(file, text.line(quote), text.column(quote),
                    "this text has no closing quote: close it on the same line").withCode(CODE));
        }
        DrlParser parser = new DrlParser();
        int line;
        int column;
        String message;
        try {
            parser.parse(resource, new StringReader(drl));
        } catch (DroolsParserException e) {
            return List.of(Diagnostic.error(file, e.getLineNumber(), e.getColumn() + 1,
                    DroolsMessages.plain(e.getMessage())).withCode(CODE));
        }
        DroolsError first = parser.getErrors().stream()
                .filter(error -> error.getMessage() == null || !error.getMessage().contains("Parser returned a null"))
                .findFirst().orElse(null);
        if (first == null) {
            return List.of();
        }
        if (first instanceof ParserError parserError) {
            line = parserError.getRow();
            column = parserError.getCol() + 1;
        } else {
            line = first.getLines() != null && first.getLines().length > 0 ? first.getLines()[0] : 0;
            column = 0;
        }
        message = LINE_PREFIX.matcher(first.getMessage() == null ? "unknown problem" : first.getMessage())
                .replaceFirst("");
        return List.of(atCause(text, file, line, column, message).withCode(CODE));
    }

    /** The error moved to its cause, with Drools' own words after it; as Drools placed it when no cause is seen. */
    private static Diagnostic atCause(DrlText text, String file, int line, int column, String message) {
        String drl = text.raw();
        int error = offsetOf(drl, line, column);
        int ruleStart = 0;
        Matcher inRule = IN_RULE.matcher(message);
        String rule = inRule.find() ? inRule.group(1) : null;
        String drools = " (Drools: " + DroolsMessages.plain(message) + ")";
        Matcher header = RULE_HEADER.matcher(text.code());
        while (rule != null && header.find() && header.start() < error) {
            if (header.group(1).equals("\"" + rule + "\"") || header.group(1).equals(rule)) {
                ruleStart = header.start();
                // A rule without end: the next rule's header is read as part of its actions.
                Matcher next = RULE_HEADER.matcher(text.code()).region(header.end(), error);
                if (next.find()) {
                    return Diagnostic.error(file, text.line(next.start()), 1, "rule \"" + rule + "\" has no 'end'"
                            + " before this rule starts: end each rule with 'end'" + drools);
                }
                break;
            }
        }
        // A bracket left open: noticed at the first token of a later line (the next condition, then, the end).
        if (atLineStart(drl, error)) {
            int open = innermostOpen(text.bare(), ruleStart, error);
            if (open >= 0 && text.line(open) < text.line(error)) {
                char bracket = drl.charAt(open);
                return Diagnostic.error(file, text.line(open), text.column(open), "this '" + bracket + "' is never"
                        + " closed: add '" + closing(bracket) + "' where the condition ends" + drools);
            }
        }
        return Diagnostic.error(file, line, column, DroolsMessages.plain(message));
    }

    /** The offset of the first quote in code (not in a comment) that its line does not close; -1 if none. */
    private static int unclosedQuote(DrlText text) {
        String code = text.code();
        int open = -1;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (open >= 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    open = -1;
                } else if (c == '\n') {
                    return open;
                }
            } else if (c == '"' || c == '\'') {
                open = i;
                quote = c;
            }
        }
        return open;
    }

    /** The innermost bracket opened in {@code [from, to)} and not closed before {@code to}; -1 if none. */
    private static int innermostOpen(String bare, int from, int to) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = from; i < to && i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                open.push(i);
            } else if ((c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    private static char closing(char bracket) {
        return switch (bracket) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }

    /** Whether only blanks precede {@code offset} on its line (the end of the file counts as a line start). */
    private static boolean atLineStart(String drl, int offset) {
        if (offset >= drl.length()) {
            return true;
        }
        for (int i = offset - 1; i >= 0 && drl.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(drl.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The offset of a 1-based line and column; the end of the text for a place beyond it. */
    private static int offsetOf(String drl, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = drl.indexOf('\n', offset);
            if (newline < 0) {
                return drl.length();
            }
            offset = newline + 1;
        }
        return Math.min(drl.length(), offset + Math.max(column - 1, 0));
    }
}
