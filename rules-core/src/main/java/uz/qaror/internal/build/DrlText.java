package uz.qaror.internal.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL file's text in three forms of equal length and line structure: as written, with comments blanked (so a
 * code or a parameter mentioned only in a comment does not count as used), and with string contents blanked as
 * well (so digits in dates and legal references are not taken for amounts). Blanking keeps every offset, so a
 * match in any form has the line and column of the original. The compiler reads it to place syntax errors, the
 * linter to find what rules use.
 */
public record DrlText(String raw, String code, String bare) {

    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'([^'\\n]*)'|([^\\s\"']+))");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");

    /**
     * A rule's conditions: its name, and where they are, from just after {@code when} to its {@code then} (or to
     * the next rule, or the end of the text, when that is missing).
     */
    public record Conditions(String rule, int start, int end) {
    }

    /** The conditions of every rule of the text, in order; a rule without {@code when} has none. */
    public List<Conditions> conditions() {
        Matcher rule = RULE.matcher(code);
        List<int[]> headers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (rule.find()) {
            headers.add(new int[] {rule.start(), rule.end()});
            names.add(rule.group(1) != null ? rule.group(1).replace("\\\"", "\"")
                    : rule.group(2) != null ? rule.group(2) : rule.group(3));
        }
        List<Conditions> conditions = new ArrayList<>();
        for (int r = 0; r < headers.size(); r++) {
            int end = r + 1 < headers.size() ? headers.get(r + 1)[0] : bare.length();
            Matcher when = WHEN.matcher(bare).region(headers.get(r)[1], end);
            if (when.find()) {
                Matcher then = THEN.matcher(bare).region(when.end(), end);
                conditions.add(new Conditions(names.get(r), when.end(), then.find() ? then.start() : end));
            }
        }
        return conditions;
    }

    public static DrlText of(String raw) {
        char[] code = raw.toCharArray();
        char[] bare = raw.toCharArray();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '/' && i + 1 < n && raw.charAt(i + 1) == '/') {
                while (i < n && raw.charAt(i) != '\n') {
                    blank(code, bare, i++);
                }
            } else if (c == '/' && i + 1 < n && raw.charAt(i + 1) == '*') {
                int end = raw.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                while (i < end) {
                    blank(code, bare, i++);
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && raw.charAt(i) != c && raw.charAt(i) != '\n') {
                    if (raw.charAt(i) == '\\' && i + 1 < n) {
                        bare[i] = ' ';
                        i++;
                    }
                    bare[i] = raw.charAt(i) == '\n' ? '\n' : ' ';
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return new DrlText(raw, new String(code), new String(bare));
    }

    private static void blank(char[] code, char[] bare, int i) {
        if (code[i] != '\n') {
            code[i] = ' ';
            bare[i] = ' ';
        }
    }

    /** The 1-based line of an offset. */
    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < raw.length(); i++) {
            if (raw.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of an offset. */
    public int column(int offset) {
        return offset - raw.lastIndexOf('\n', offset - 1);
    }
}
