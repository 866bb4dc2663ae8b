package uz.qaror;

import java.util.Map;
import java.util.Objects;

/**
 * Why a decision came out as it did: a reason code, its text in every language, the legal basis of the rule
 * that gave it, and that rule's name.
 *
 * @param code       the reason code, such as {@code APPLICANT_UNDER_AGE}; the engine's own are
 *                   {@code MISSING_INPUT}, {@code NO_RULE_DECIDED} and {@code OFFICER_DECIDES}
 * @param effect     the outcome the reason asks for
 * @param messages   the text in each language, placeholders filled in
 * @param legalBasis the {@code @legalBasis} of the rule that gave it; empty for the engine's own reasons
 * @param rule       the name of the rule that gave it; empty for the engine's own reasons
 */
public record Reason(String code, Outcome effect, Map<Language, String> messages, String legalBasis, String rule) {

    /**
     * Creates a reason; the engine makes them, and tests may make their own.
     *
     * @param code       see {@link #code()}
     * @param effect     see {@link #effect()}
     * @param messages   see {@link #messages()}
     * @param legalBasis see {@link #legalBasis()}
     * @param rule       see {@link #rule()}
     * @throws NullPointerException when {@code code}, {@code effect} or {@code messages} is {@code null}
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effect, "effect");
        // Texts made on demand are immutable already; copying them would make every language's text now (and a
        // copy of fixed ones would no longer say they are the rules' own, written escaped once).
        messages = messages instanceof uz.qaror.internal.run.TextsByLanguage ? messages : Map.copyOf(messages);
    }

    /**
     * The text in a language.
     *
     * @param language the language wanted
     * @return the text in that language, else in Uzbek Latin, else the code
     */
    public String message(Language language) {
        String text = messages.get(language);
        if (text == null) {
            text = messages.getOrDefault(Language.UZ, code);
        }
        return text;
    }
}
