package uz.qaror.internal.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dated parameter as its YAML file holds it: a value per effective date, each with the act that set it.
 * A value stays in force until the next one begins.
 */
public record ParameterSeries(String id, String unit, Map<String, String> description, List<Value> values) {

    public ParameterSeries {
        description = description == null ? Map.of() : Map.copyOf(description);
        values = values == null ? List.of()
                : values.stream().sorted(Comparator.comparing(Value::from)).toList();
    }

    /** A value and the day it takes effect. */
    public record Value(LocalDate from, BigDecimal value, String legalBasis, String verification) {
    }

    /** The value in force on {@code date}, if the series began by then. */
    public Optional<Value> at(LocalDate date) {
        Value found = null;
        for (Value value : values) {
            if (value.from().isAfter(date)) {
                break;
            }
            found = value;
        }
        return Optional.ofNullable(found);
    }
}
