package uz.qaror.internal.input;

/**
 * The one way a message quotes what a user sent: at most {@value #SHOWN} characters followed by
 * {@code … (N characters)}, and every character {@link Characters} forbids written as {@code \}{@code uXXXX}, so
 * that an echo can neither fill a log nor forge a line of a terminal's output. Identifiers (PINFL, passport,
 * phone, STIR) are never echoed at all: messages about them say what is wrong without the value.
 */
public final class Echo {

    /** How many characters of a value a message shows. */
    public static final int SHOWN = 40;

    private Echo() {
    }

    /** The value in single quotes, bounded and escaped: {@code 'marriage-registratio… (1048576 characters)'}. */
    public static String quote(String value) {
        return "'" + bounded(value, SHOWN) + "'";
    }

    /** The value bounded to {@value #SHOWN} characters and escaped, without quotes (for a field name in a path). */
    public static String name(String value) {
        return bounded(value, SHOWN);
    }

    /**
     * Text that may carry a user's or a file's content (a parser's or compiler's message), bounded to
     * {@code max} characters and escaped.
     */
    public static String bounded(String value, int max) {
        if (value == null) {
            return "null";
        }
        int length = value.length();
        int end = length;
        if (length > max) {
            end = max;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--; // never cut a pair in two
            }
        }
        StringBuilder out = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                out.append(c).append(value.charAt(++i));
            } else if (Characters.isForbidden(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < length) {
            out.append("\u2026 (").append(length).append(" characters)");
        }
        return out.toString();
    }
}
