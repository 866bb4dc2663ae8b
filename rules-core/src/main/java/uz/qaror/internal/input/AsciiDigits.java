package uz.qaror.internal.input;

/**
 * ASCII digits in a text, read in place: identifiers and dates are checked for every person of every application,
 * and a regular expression's matcher for each cost more than the rest of their check.
 */
final class AsciiDigits {

    private AsciiDigits() {
    }

    /** Whether the characters from {@code from} to {@code to} (exclusive) are all ASCII digits. */
    static boolean all(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is {@code length} ASCII digits (what {@code \d{length}} matches). */
    static boolean only(String text, int length) {
        return text.length() == length && all(text, 0, length);
    }

    /** The number the ASCII digits from {@code from} to {@code to} write, or -1 when one is not a digit. */
    static int value(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
