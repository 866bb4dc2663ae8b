package uz.qaror.internal.run;

import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import uz.qaror.Language;

/**
 * A text in every language, each made when first asked for and then kept: a decision is mostly written in one
 * language, and filling a reason's placeholders in all four cost every decision as much as the rest of its
 * reasons. Immutable and safe to share between threads (two threads may make the same text; both get equal ones).
 */
public final class TextsByLanguage extends AbstractMap<Language, String> {

    private static final Language[] LANGUAGES = Language.values();

    private final Function<Language, String> make;
    private final AtomicReferenceArray<String> made = new AtomicReferenceArray<>(LANGUAGES.length);
    private final boolean fixed;

    public TextsByLanguage(Function<Language, String> make) {
        this(make, false);
    }

    private TextsByLanguage(Function<Language, String> make, boolean fixed) {
        this.make = make;
        this.fixed = fixed;
    }

    /**
     * Texts that are the same in every decision (a reason whose template has no arguments), made now in every
     * language and kept by the service: written as the rules' other texts are, escaped for JSON once.
     */
    public static TextsByLanguage fixed(Function<Language, String> make) {
        TextsByLanguage texts = new TextsByLanguage(make, true);
        for (Language language : LANGUAGES) {
            texts.get(language);
        }
        return texts;
    }

    /** Whether these are the same texts in every decision, never filled with an application's values. */
    public boolean fixed() {
        return fixed;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof Language language)) {
            return null;
        }
        String text = made.get(language.ordinal());
        if (text == null) {
            text = make.apply(language);
            if (!made.compareAndSet(language.ordinal(), null, text)) {
                text = made.get(language.ordinal());
            }
        }
        return text;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Language;
    }

    @Override
    public int size() {
        return LANGUAGES.length;
    }

    @Override
    public Set<Entry<Language, String>> entrySet() {
        Map<Language, String> all = new EnumMap<>(Language.class);
        for (Language language : LANGUAGES) {
            all.put(language, get(language));
        }
        return Map.copyOf(all).entrySet();
    }
}
