package uz.qaror.internal.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import uz.qaror.internal.input.Characters;

/**
 * Escapes in every JSON Qaror writes the characters that an application may not hold (DEL, C1 controls, line
 * and paragraph separators, bidi controls, U+FFFD and the non-characters). Applications cannot bring them, but a
 * rules folder's texts or a parser's message can; written raw they would reorder or break what an operator reads
 * on a terminal or in a log. JSON's meaning is unchanged: a reader gets the same string back.
 */
final class OutputEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] asciiEscapes;

    OutputEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // Surrogates arrive one half at a time; a pair is a real character (an emoji in a name) and stays as it is.
        if (ch > 0x7F && !Character.isSurrogate((char) ch) && Characters.isForbidden((char) ch)) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
        return null;
    }
}
