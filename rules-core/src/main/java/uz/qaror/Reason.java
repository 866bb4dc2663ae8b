package uz.qaror;

import java.util.Map;
import java.util.Objects;

/**
 * Why a decision came out as it did: a reason code, its text in every language, the legal basis of the rule
 * that gave it, and that rule's name.
 */
public record Reason(String code, Outcome effect, Map<Language, String> messages, String legalBasis, String rule) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effect, "effect");
        // Texts made on demand are immutable already; copying them would make every language's text now.
        messages = messages instanceof uz.qaror.internal.run.TextsByLanguage ? messages : Map.copyOf(messages);
    }

    /** The text in the given language, falling back to Uzbek Latin, then to the code. */
    public String message(Language language) {
        String text = messages.get(language);
        if (text == null) {
            text = messages.getOrDefault(Language.UZ, code);
        }
        return text;
    }
}
