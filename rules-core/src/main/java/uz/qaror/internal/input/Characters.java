package uz.qaror.internal.input;

/**
 * The characters no string of an application may hold: they are invisible, reorder or break lines on a screen or
 * in a log (so that input could forge a line of output), or stand for bytes that were not text. C0 controls
 * (tab and line breaks included), DEL, C1 controls, the line and paragraph separators U+2028/2029, the bidi
 * embeddings, overrides and isolates U+202A-202E and U+2066-2069, the replacement character U+FFFD, the
 * non-characters U+FFFE/FFFF, and UTF-16 surrogates that are not part of a pair.
 */
public final class Characters {

    private Characters() {
    }

    /** The index of the first forbidden character of {@code text}, or -1 when it has none. */
    public static int firstForbidden(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, by far the most common
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (isForbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether one UTF-16 unit, taken alone, is forbidden (a surrogate counts: only a pair is a character). */
    public static boolean isForbidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }

    /** What the forbidden character at {@code index} is, in words, e.g. {@code U+000D (a control character)}. */
    public static String describe(CharSequence text, int index) {
        char c = text.charAt(index);
        String kind;
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            kind = c == '\n' || c == '\r' ? "a line break" : "a control character";
        } else if (c == '\u2028' || c == '\u2029') {
            kind = "a line or paragraph separator";
        } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            kind = "a bidirectional-text control, which reorders what follows on screen";
        } else if (c == '\uFFFD') {
            kind = "the replacement character, which stands for bytes that were not text";
        } else if (Character.isSurrogate(c)) {
            kind = "half of a UTF-16 surrogate pair";
        } else {
            kind = "a non-character";
        }
        return String.format("U+%04X (%s)", (int) c, kind);
    }
}
