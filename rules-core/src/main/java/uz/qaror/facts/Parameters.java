package uz.qaror.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import uz.qaror.Decision.ParameterUse;

/**
 * The global {@code params}: dated parameters (BCA, minimum wage, minimum consumer expenditure, benefit
 * amounts, ...) as in force on the decision date. Rules read amounts here rather than writing literals, so that
 * a change in the law is a change of a data file. Every value read is recorded for the decision's explanation.
 */
public final class Parameters {

    private final LocalDate date;
    private final BiFunction<String, LocalDate, ParameterUse> lookup;
    private final Map<String, ParameterUse> used = new LinkedHashMap<>();

    public Parameters(LocalDate date, BiFunction<String, LocalDate, ParameterUse> lookup) {
        this.date = date;
        this.lookup = lookup;
    }

    /**
     * The value of parameter {@code id} in force on the decision date.
     *
     * @throws IllegalArgumentException when no such parameter exists or none is in force on that date
     */
    public BigDecimal value(String id) {
        ParameterUse use = used.get(id);
        if (use == null) {
            use = lookup.apply(id, date);
            used.put(id, use);
        }
        return use.value();
    }

    /** {@code multiple} times the value of {@code id}: {@code params.times("minimum-wage", 5)}. */
    public BigDecimal times(String id, Number multiple) {
        return value(id).multiply(new BigDecimal(multiple.toString()));
    }

    /** The base calculation amount in force. */
    public BigDecimal bca() {
        return value("bca");
    }

    /** The parameters read so far, in the order first read. */
    public List<ParameterUse> used() {
        return new ArrayList<>(used.values());
    }
}
