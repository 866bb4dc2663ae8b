package uz.qaror.internal.run;

import java.util.Comparator;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggests the service ids closest to one that does not exist. */
public final class NearestIds {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private NearestIds() {
    }

    public static List<String> nearest(String wanted, List<String> known, int count) {
        String needle = wanted == null ? "" : wanted.toLowerCase(java.util.Locale.ROOT);
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
