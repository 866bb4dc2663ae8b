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
 * The engine makes one for each decision; not thread-safe, and need not be: only the deciding thread's rules
 * call it.
 */
public final class Parameters {

    private final LocalDate date;
    private final BiFunction<String, LocalDate, ParameterUse> lookup;
    private final Map<String, ParameterUse> used = new LinkedHashMap<>();

    /**
     * Creates the parameters of one decision; the engine makes them, and tests may make their own.
     *
     * @param date   the decision date
     * @param lookup the value of a parameter id in force on a date; throws {@link IllegalArgumentException} when
     *               there is none
     */
    public Parameters(LocalDate date, BiFunction<String, LocalDate, ParameterUse> lookup) {
        this.date = date;
        this.lookup = lookup;
    }

    /**
     * The value of a parameter in force on the decision date. In a decision, an unknown id makes it fail as
     * {@code RULE_FAILED}; a known parameter without a value on that date fails it as {@code INVALID_FIELD}
     * (the catalog cannot judge that date).
     *
     * @param id the parameter's id, such as {@code bca}, {@code minimum-wage} or {@code age-of-majority}
     * @return the value in the parameter's own unit (soum for amounts, years for ages, ...)
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

    /**
     * A multiple of a parameter: {@code params.times("minimum-wage", 5)}.
     *
     * @param id       the parameter's id
     * @param multiple the factor
     * @return {@code multiple} times the value in force, unrounded
     * @throws IllegalArgumentException as {@link #value(String)} does
     */
    public BigDecimal times(String id, Number multiple) {
        return value(id).multiply(new BigDecimal(multiple.toString()));
    }

    /** {@return the base calculation amount (BCA) in force, in soum per month} */
    public BigDecimal bca() {
        return value("bca");
    }

    /** {@return the parameters read so far, in the order first read; a new list each call} */
    public List<ParameterUse> used() {
        return new ArrayList<>(used.values());
    }
}
