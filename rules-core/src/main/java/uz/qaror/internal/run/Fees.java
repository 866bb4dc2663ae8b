package uz.qaror.internal.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import uz.qaror.Fee;
import uz.qaror.ServiceDescriptor.FeeComponent;
import uz.qaror.ServiceDescriptor.FeeSchedule;

/**
 * What a service charges, by its fee schedule: the schedule's components at their channel's rate, then the options
 * the rules charged, each in BCA and in soum at the BCA in force.
 *
 * <p>Most decisions charge the components alone, and the same BCA and channel give the same fee: that fee (an
 * immutable value) is worked out once per BCA value and channel rather than for every decision. There are as many as
 * the BCA's dated values in the catalog's parameters, times two.
 */
public final class Fees {

    private final FeeSchedule schedule;
    private final ConcurrentMap<BigDecimal, Fee> online = new ConcurrentHashMap<>();
    private final ConcurrentMap<BigDecimal, Fee> elsewhere = new ConcurrentHashMap<>();

    /** The fees of {@code schedule}, or of none (null): a service that charges nothing. */
    public Fees(FeeSchedule schedule) {
        this.schedule = schedule;
    }

    /** Whether a decision may charge anything: the schedule has components, or the rules charged options. */
    boolean charges(Collection<String> options) {
        return schedule != null && (!schedule.components().isEmpty() || !options.isEmpty());
    }

    /**
     * The fee at {@code bcaValue} for an application made {@code onlineApplication} (or not), with the {@code options}
     * the rules charged; only when {@link #charges} says there is one.
     *
     * @throws Evaluator.RuleFailure when the rules charged an option the schedule does not declare
     */
    Fee charged(boolean onlineApplication, BigDecimal bcaValue, Collection<String> options) {
        if (!options.isEmpty()) {
            return fee(onlineApplication, bcaValue, options);
        }
        return (onlineApplication ? online : elsewhere).computeIfAbsent(bcaValue,
                value -> fee(onlineApplication, value, List.of()));
    }

    private Fee fee(boolean onlineApplication, BigDecimal bcaValue, Collection<String> options) {
        List<Fee.Component> components = new ArrayList<>();
        for (FeeComponent component : schedule.components()) {
            components.add(component(component, onlineApplication, bcaValue));
        }
        for (String option : options) {
            components.add(component(option(option), onlineApplication, bcaValue));
        }
        BigDecimal totalBca = BigDecimal.ZERO;
        BigDecimal totalSoum = BigDecimal.ZERO;
        for (Fee.Component component : components) {
            totalBca = totalBca.add(component.bca());
            totalSoum = totalSoum.add(component.soum());
        }
        return new Fee(components, totalBca, totalSoum, bcaValue, schedule.legalBasis());
    }

    /** The fee option a rule charged, which the service's descriptor must declare. */
    private FeeComponent option(String code) {
        for (FeeComponent option : schedule.options()) {
            if (option.code().equals(code)) {
                return option;
            }
        }
        throw new Evaluator.RuleFailure("a rule charged fee option '" + code + "', which service.yaml's fee.options "
                + "does not declare", null);
    }

    /** A charged component at its channel's rate, citing its own act or else the schedule's. */
    private Fee.Component component(FeeComponent component, boolean onlineApplication, BigDecimal bcaValue) {
        BigDecimal bca = component.rate(onlineApplication);
        return new Fee.Component(component.code(), bca, bca.multiply(bcaValue).setScale(0, RoundingMode.HALF_UP),
                component.legalBasis() != null ? component.legalBasis() : schedule.legalBasis());
    }
}
