package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.Reason;

/**
 * A reason without arguments has the same texts in every decision: they are marked as fixed (and written escaped
 * once); a reason filled with an application's values never is.
 */
class FixedTextsTest {

    private static final Map<String, Map<String, String>> REASONS = Map.of(
            "PLAIN", Map.of("uz", "Ariza qabul qilindi", "uz-Cyrl", "Ариза қабул қилинди", "ru", "Заявление принято",
                    "en", "The application is accepted"),
            "SUM", Map.of("uz", "Summa {sum} so'm", "en", "Sum {sum} soum"));

    @Test
    void aReasonWithoutArgumentsHasFixedTextsTheSameForEveryDecision() {
        ReasonTexts.Cache cache = new ReasonTexts.Cache(REASONS);
        Map<Language, String> texts = cache.texts("PLAIN", Map.of());

        assertThat(texts).isInstanceOf(TextsByLanguage.class).isSameAs(cache.texts("PLAIN", Map.of()));
        assertThat(((TextsByLanguage) texts).fixed()).isTrue();
        assertThat(texts).isEqualTo(Map.of(Language.UZ, "Ariza qabul qilindi", Language.UZ_CYRL, "Ариза қабул қилинди",
                Language.RU, "Заявление принято", Language.EN, "The application is accepted"));
        assertThat(texts.hashCode()).isEqualTo(Map.copyOf(texts).hashCode());
        assertThat(texts.get("uz")).isNull();
        assertThat(new Reason("PLAIN", Outcome.APPROVED, texts, "Act 1", "rule").messages()).isSameAs(texts);
    }

    @Test
    void aReasonFilledWithAnApplicationsValuesIsNeverFixed() {
        ReasonTexts.Cache cache = new ReasonTexts.Cache(REASONS);
        Map<Language, String> texts = cache.texts("SUM", Map.of("sum", new BigDecimal("1285000")));

        assertThat(((TextsByLanguage) texts).fixed()).isFalse();
        assertThat(texts.get(Language.EN)).isEqualTo("Sum 1,285,000 soum");
        // a language the service has no text in falls back as before: the code, through Reason.message
        Map<Language, String> partial = cache.texts("SUM", Map.of());
        assertThat(((TextsByLanguage) partial).fixed()).isTrue();
        assertThat(new Reason("SUM", Outcome.REJECTED, partial, "", "").message(Language.RU)).isEqualTo("SUM");
    }
}
