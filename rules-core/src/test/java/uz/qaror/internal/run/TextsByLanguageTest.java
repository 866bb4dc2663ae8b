package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.Reason;

/**
 * A reason's texts are filled in the language a decision is written in, the others only when asked for, and are
 * then the same texts as filled all at once.
 */
class TextsByLanguageTest {

    private static final Map<String, Map<String, String>> REASONS = Map.of("SUM", Map.of(
            "uz", "Summa {sum} so'm", "uz-Cyrl", "Сумма {sum} сўм", "ru", "Сумма {sum} сум", "en", "Sum {sum} soum"));
    private static final Map<String, Object> ARGUMENTS = Map.of("sum", new BigDecimal("1285000.5"));

    @Test
    void aReasonWrittenInOneLanguageFillsOnlyThatOne() {
        List<Language> filled = new ArrayList<>();
        Map<Language, String> all = ReasonTexts.texts(REASONS, "SUM", ARGUMENTS);
        Reason reason = new Reason("SUM", Outcome.APPROVED, new TextsByLanguage(language -> {
            filled.add(language);
            return all.get(language);
        }), "Act 1", "rule");

        assertThat(reason.message(Language.EN)).isEqualTo("Sum 1,285,000.5 soum");
        assertThat(reason.message(Language.EN)).isEqualTo("Sum 1,285,000.5 soum");
        assertThat(filled).containsExactly(Language.EN);

        assertThat(reason.message(Language.RU)).isEqualTo("Сумма 1\u00A0285\u00A0000,5 сум");
        assertThat(filled).containsExactly(Language.EN, Language.RU);
    }

    @Test
    void textsOnDemandAreTheTextsFilledAtOnce() {
        Map<Language, String> onDemand = ReasonTexts.texts(REASONS, "SUM", ARGUMENTS);
        Map<Language, String> atOnce = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            atOnce.put(language, ReasonTexts.fill(REASONS.get("SUM").get(language.tag()), ARGUMENTS, language));
        }
        assertThat(onDemand).isEqualTo(atOnce).hasSize(4);
        assertThat(atOnce).isEqualTo(onDemand);
        assertThat(onDemand.hashCode()).isEqualTo(atOnce.hashCode());
        assertThat(ReasonTexts.texts(REASONS, "UNKNOWN", Map.of()).get(Language.UZ)).isEqualTo("UNKNOWN");
    }
}
