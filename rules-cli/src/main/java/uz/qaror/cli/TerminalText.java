package uz.qaror.cli;

/**
 * Text from outside (an application's values, a file name, a lock holder) made safe to print on a terminal: control
 * characters, ANSI escape sequences, line and paragraph separators and bidirectional overrides are shown as
 * {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}, so that input can neither draw on the screen nor forge a
 * line such as {@code qaror: ...}. Everything the command line prints about its inputs goes through here.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** One line of text: every control character escaped, line breaks included. */
    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Text of several lines that the program laid out: its line breaks kept, every other control escaped. */
    static String escapeKeepingLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            out.append(escape(text.substring(start, newline))).append('\n');
            start = newline + 1;
        }
        return out.append(escape(text.substring(start))).toString();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
