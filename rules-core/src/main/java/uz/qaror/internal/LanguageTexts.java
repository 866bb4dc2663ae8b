package uz.qaror.internal;

import java.util.EnumMap;
import java.util.Map;

import uz.qaror.Language;

/** A text in the four languages of the portal, for the headings and phrases Qaror's own reports print. */
public final class LanguageTexts {

    private LanguageTexts() {
    }

    /** The four versions of one text, by language. */
    public static Map<Language, String> of(String uz, String uzCyrl, String ru, String en) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.UZ, uz);
        texts.put(Language.UZ_CYRL, uzCyrl);
        texts.put(Language.RU, ru);
        texts.put(Language.EN, en);
        return texts;
    }
}
