package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qaror.Language;

/** Reason texts write the values rules pass as each language writes numbers, keeping the decimals they have. */
class ReasonTextsTest {

    private static final String NBSP = "\u00A0";
    private static final Map<String, Map<String, String>> REASONS = Map.of("RATE", Map.of(
            "uz", "Stavka {rate}, summa {sum} so'm, yil {year}", "uz-Cyrl", "Ставка {rate}, сумма {sum} сўм",
            "ru", "Ставка {rate}, сумма {sum} сум", "en", "Rate {rate}, sum {sum} soum, {missing} stays"));

    @Test
    void decimalsAreKeptAndSumsGroupedAsEachLanguageWritesThem() {
        Map<Language, String> texts = ReasonTexts.texts(REASONS, "RATE",
                Map.of("rate", new BigDecimal("0.45"), "sum", new BigDecimal("1285000.5"), "year", 2025));

        assertThat(texts.get(Language.EN)).isEqualTo("Rate 0.45, sum 1,285,000.5 soum, {missing} stays");
        assertThat(texts.get(Language.RU)).isEqualTo("Ставка 0,45, сумма 1" + NBSP + "285" + NBSP + "000,5 сум");
        assertThat(texts.get(Language.UZ_CYRL)).isEqualTo("Ставка 0,45, сумма 1" + NBSP + "285" + NBSP + "000,5 сўм");
        // Whole numbers a rule passes as int (a year, an age, a count) are written as they are: sums are decimals.
        assertThat(texts.get(Language.UZ)).isEqualTo("Stavka 0,45, summa 1" + NBSP + "285" + NBSP + "000,5 so'm,"
                + " yil 2025");
    }

    @Test
    void wholeSumsHaveNoDecimalsAndTrailingZerosGo() {
        Map<Language, String> texts = ReasonTexts.texts(REASONS, "RATE",
                Map.of("rate", new BigDecimal("1.50"), "sum", new BigDecimal("360000.00")));

        assertThat(texts.get(Language.EN)).startsWith("Rate 1.5, sum 360,000 soum");
        assertThat(texts.get(Language.RU)).isEqualTo("Ставка 1,5, сумма 360" + NBSP + "000 сум");
    }
}
