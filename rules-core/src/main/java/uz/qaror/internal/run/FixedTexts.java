package uz.qaror.internal.run;

import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import uz.qaror.Language;

/**
 * A reason's texts when its template has no arguments: the same strings in every decision of its service, so that
 * they can be written as the rules' other texts are (escaped for JSON once). Immutable; equal to any map with the
 * same texts.
 */
public final class FixedTexts extends AbstractMap<Language, String> {

    private static final Language[] LANGUAGES = Language.values();

    private final String[] texts = new String[LANGUAGES.length];

    FixedTexts(Map<Language, String> texts) {
        for (Language language : LANGUAGES) {
            this.texts[language.ordinal()] = texts.get(language);
        }
    }

    @Override
    public String get(Object key) {
        return key instanceof Language language ? texts[language.ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Language language && texts[language.ordinal()] != null;
    }

    @Override
    public Set<Entry<Language, String>> entrySet() {
        Map<Language, String> all = new EnumMap<>(Language.class);
        for (Language language : LANGUAGES) {
            if (texts[language.ordinal()] != null) {
                all.put(language, texts[language.ordinal()]);
            }
        }
        return Map.copyOf(all).entrySet();
    }
}
