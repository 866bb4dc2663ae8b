package uz.qaror.internal.run;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import uz.qaror.Language;

/**
 * Writes sums as each language of the portal writes numbers, with the JDK's locale data (CLDR): {@code 1 285 000,5}
 * in Uzbek and Russian (a no-break space between groups), {@code 1,285,000.5} in English. Decimals are kept where
 * the value has them (0.45 stays 0.45) and dropped where they are zeros (360000.00 is 360 000).
 */
public final class LocalNumbers {

    private static final Map<Language, DecimalFormat> FORMATS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            FORMATS.put(language, (DecimalFormat) NumberFormat.getNumberInstance(Locale.forLanguageTag(
                    language.tag())));
        }
    }

    private LocalNumbers() {
    }

    /** A decimal value, grouped and with its meaningful decimals, in a language's way; {@code -} for none. */
    public static String format(BigDecimal value, Language language) {
        if (value == null) {
            return "-";
        }
        BigDecimal plain = value.stripTrailingZeros();
        // A DecimalFormat is not safe to share between threads; a clone is cheap next to a locale lookup.
        DecimalFormat format = (DecimalFormat) FORMATS.get(language).clone();
        format.setMaximumFractionDigits(Math.max(plain.scale(), 0));
        format.setMinimumFractionDigits(0);
        return format.format(plain);
    }

    /**
     * A value a rule passed to a reason text: decimals (sums, rates) as {@link #format(BigDecimal, Language)}, whole
     * numbers passed as int or long (years, ages, counts) and anything else as they are.
     */
    public static String text(Object value, Language language) {
        if (value instanceof BigDecimal decimal) {
            return format(decimal, language);
        }
        if (value instanceof Double || value instanceof Float) {
            return format(new BigDecimal(value.toString()), language);
        }
        return String.valueOf(value);
    }
}
