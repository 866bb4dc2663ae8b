package uz.qaror.internal.input;

import java.util.ArrayList;
import java.util.List;

import uz.qaror.Problem;

/** The problems a failure lists: at most {@value #MAX}, since a hostile record can have thousands. */
public final class ProblemList {

    /** The most problems a failure lists; the last then says how many more there were. */
    public static final int MAX = 50;

    private ProblemList() {
    }

    /** At most {@link #MAX} of {@code problems}, then one saying how many more there were. */
    public static List<Problem> capped(List<Problem> problems) {
        return capped(problems, problems.size());
    }

    /** At most {@link #MAX} of {@code problems} (the first of {@code total}), then one saying how many more. */
    static List<Problem> capped(List<Problem> problems, int total) {
        if (total <= MAX) {
            return List.copyOf(problems);
        }
        List<Problem> shown = new ArrayList<>(problems.subList(0, Math.min(MAX, problems.size())));
        shown.add(new Problem("$", "and " + (total - MAX) + " more problems"));
        return shown;
    }
}
