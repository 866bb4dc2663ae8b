package uz.qaror.internal.params;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import uz.qaror.Decision.ParameterUse;

/** The parameters a service can read: the catalog's shared ones and its own. Immutable. */
public final class ParameterTable {

    private final Map<String, ParameterSeries> series;

    public ParameterTable(Collection<ParameterSeries> series) {
        Map<String, ParameterSeries> byId = new LinkedHashMap<>();
        for (ParameterSeries s : series) {
            byId.put(s.id(), s);
        }
        this.series = Map.copyOf(byId);
    }

    public ParameterTable with(Collection<ParameterSeries> more) {
        java.util.List<ParameterSeries> all = new java.util.ArrayList<>(series.values());
        all.addAll(more);
        return new ParameterTable(all);
    }

    public boolean contains(String id) {
        return series.containsKey(id);
    }

    public Set<String> ids() {
        return series.keySet();
    }

    public ParameterSeries get(String id) {
        return series.get(id);
    }

    /**
     * The value of {@code id} in force on {@code date}.
     *
     * @throws IllegalArgumentException naming the parameter and the date when there is none
     */
    public ParameterUse lookup(String id, LocalDate date) {
        ParameterSeries s = series.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown parameter '" + id + "'; known: " + String.join(", ",
                    new java.util.TreeSet<>(series.keySet())));
        }
        ParameterSeries.Value value = s.at(date).orElseThrow(() -> new NotInForce(id, date,
                s.values().isEmpty() ? null : s.values().get(0).from()));
        return new ParameterUse(id, value.value(), value.from(), value.legalBasis());
    }

    /**
     * Thrown when a parameter exists but has no value in force on the date asked: the catalog cannot judge that
     * date (the application's, not a fault of the rule that reads it).
     */
    public static final class NotInForce extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotInForce(String id, LocalDate date, LocalDate first) {
            super("the catalog has no value of parameter '" + id + "' in force on " + date
                    + (first == null ? "" : " (its first value is of " + first + ")"));
        }
    }
}
