package uz.qaror;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four languages of my.gov.uz. Uzbek Latin is the portal's default. */
public enum Language {
    /** Uzbek in Latin script, {@code uz}. */
    UZ("uz"),
    /** Uzbek in Cyrillic script, {@code uz-Cyrl}. */
    UZ_CYRL("uz-Cyrl"),
    /** Russian, {@code ru}. */
    RU("ru"),
    /** English, {@code en}. */
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** {@return the tag used in files and on the command line: {@code uz}, {@code uz-Cyrl}, {@code ru}, {@code en}} */
    public String tag() {
        return tag;
    }

    /**
     * Parses a tag, ignoring case and surrounding spaces and accepting {@code _} for {@code -} and
     * {@code uz-Latn} for {@code uz}.
     *
     * @param text the tag, such as {@code uz-Cyrl} or {@code RU}
     * @return the language
     * @throws IllegalArgumentException naming the accepted tags
     */
    public static Language fromTag(String text) {
        String normalised = text.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (normalised.equals("uz-latn")) {
            return UZ;
        }
        for (Language language : values()) {
            if (language.tag.toLowerCase(Locale.ROOT).equals(normalised)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + text + "'; use one of " + tags());
    }

    /** {@return the four tags, comma-separated, for messages} */
    public static String tags() {
        return Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return tag;
    }
}
