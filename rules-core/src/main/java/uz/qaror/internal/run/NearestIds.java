package uz.qaror.internal.run;

import java.util.Comparator;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Suggests the service ids closest to one that does not exist. Only the first {@value #MAX_NEEDLE} characters of
 * what was asked for are compared: an edit distance costs the product of the two lengths, and a megabyte of
 * "service" must not cost a minute of CPU.
 */
public final class NearestIds {

    /** How much of the wanted id is compared; no real id is longer. */
    public static final int MAX_NEEDLE = 100;

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private NearestIds() {
    }

    public static List<String> nearest(String wanted, List<String> known, int count) {
        String needle = wanted == null ? ""
                : wanted.substring(0, Math.min(wanted.length(), MAX_NEEDLE)).strip().toLowerCase(java.util.Locale.ROOT);
        return known.stream()
                .sorted(Comparator.comparingInt((String id) -> score(needle, id)).thenComparing(id -> id))
                .limit(count)
                .toList();
    }

    private static int score(String needle, String id) {
        if (!needle.isEmpty() && (id.contains(needle) || needle.contains(id))) {
            return 0;
        }
        return DISTANCE.apply(needle, id);
    }
}
