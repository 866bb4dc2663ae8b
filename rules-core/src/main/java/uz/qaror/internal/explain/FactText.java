package uz.qaror.internal.explain;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A fact a rule matched, as a person reads it: {@code Household(childrenUnder18=1, perCapitaIncome=500000, ...)}.
 * The engine's facts show their properties; types a rule file declares show Drools' own text. Identifiers
 * (PINFL, passport, phone, STIR) are left out: they never explain a decision and need not be copied around.
 */
final class FactText {

    private static final Set<String> LEFT_OUT = Set.of("class", "pinfl", "passport", "phone", "stir");

    private FactText() {
    }

    static String of(Object fact) {
        if (fact == null) {
            return "null";
        }
        if (fact instanceof Collection<?> collection) {
            List<String> items = new ArrayList<>();
            collection.forEach(item -> items.add(of(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (fact instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (fact instanceof Number || fact instanceof CharSequence || fact instanceof Boolean
                || fact instanceof java.time.temporal.Temporal) {
            return fact.toString();
        }
        if (!fact.getClass().getName().startsWith("uz.qaror.facts.")) {
            return fact.toString().replaceAll("\\s+", " ").trim();
        }
        List<String> properties = new ArrayList<>();
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(fact.getClass()).getPropertyDescriptors()) {
                if (property.getReadMethod() == null || LEFT_OUT.contains(property.getName())) {
                    continue;
                }
                Object value = property.getReadMethod().invoke(fact);
                if (value != null) {
                    properties.add(property.getName() + "=" + of(value));
                }
            }
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            return fact.getClass().getSimpleName();
        }
        return fact.getClass().getSimpleName() + "(" + String.join(", ", properties) + ")";
    }
}
