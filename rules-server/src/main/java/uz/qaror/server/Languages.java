package uz.qaror.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import uz.qaror.Language;

/**
 * The language of reason texts for a request: {@code ?lang=} when given (an unknown tag is the caller's mistake,
 * 400), else the first language of {@code Accept-Language} that Qaror speaks, else Uzbek Latin, the portal's
 * default.
 */
final class Languages {

    private Languages() {
    }

    static Language of(String langParameter, String acceptLanguage) {
        if (langParameter != null) {
            try {
                return Language.fromTag(langParameter);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("lang", e.getMessage());
            }
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.UZ;
        }
        record Weighted(String tag, double q, int order) {
        }
        List<Weighted> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",");
        for (int i = 0; i < parts.length && i < 32; i++) {
            String[] fields = parts[i].trim().split(";");
            double q = 1;
            for (int f = 1; f < fields.length; f++) {
                String field = fields[f].trim().toLowerCase(Locale.ROOT);
                if (field.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(field.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !fields[0].isBlank()) {
                ranges.add(new Weighted(fields[0].trim(), q, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::order));
        for (Weighted range : ranges) {
            Language language = match(range.tag());
            if (language != null) {
                return language;
            }
        }
        return Language.UZ;
    }

    /** {@code ru-RU} is Russian, {@code uz-Cyrl-UZ} Uzbek Cyrillic: the longest prefix Qaror knows. */
    private static Language match(String tag) {
        String candidate = tag;
        while (!candidate.isEmpty()) {
            try {
                return Language.fromTag(candidate);
            } catch (IllegalArgumentException e) {
                int dash = candidate.lastIndexOf('-');
                candidate = dash < 0 ? "" : candidate.substring(0, dash);
            }
        }
        return null;
    }
}
