package uz.qaror.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

import uz.qaror.facts.Applicant;
import uz.qaror.facts.Application;
import uz.qaror.facts.Document;
import uz.qaror.facts.Household;
import uz.qaror.facts.Member;
import uz.qaror.facts.Property;
import uz.qaror.facts.Vehicle;

/**
 * Which of an application's kinds of fact a service's rules can match at all, read from its KieBase's network
 * when the service is compiled: a kind is inserted only when some pattern of the rules (a condition, {@code exists},
 * {@code not}, an accumulation, a query) takes its class or a type above it. A fact no pattern takes changes
 * nothing a rule sees, and each cost its decision an insertion, a handle and a reset: most services read neither
 * the household's vehicles nor its properties, and no rule of the catalog reads a property.
 *
 * <p>Where the network cannot be read (a KieBase of another kind) every kind is inserted.
 *
 * @param form whether the service's generated {@code Form} is matched
 */
public record MatchedFacts(boolean application, boolean applicant, boolean household, boolean members,
                           boolean vehicles, boolean properties, boolean documents, boolean form) {

    /** Every kind inserted. */
    public static final MatchedFacts ALL = new MatchedFacts(true, true, true, true, true, true, true, true);

    /** The kinds the rules of {@code kieBase} can match ({@code formClass}: its Form's class, null when none). */
    public static MatchedFacts of(KieBase kieBase, Class<?> formClass) {
        if (!(kieBase instanceof InternalRuleBase ruleBase)) {
            return ALL;
        }
        List<ObjectType> matched = new ArrayList<>();
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            // a node without sinks feeds no rule (the initial fact's)
            if (!node.getObjectSinkPropagator().isEmpty()) {
                matched.add(node.getObjectType());
            }
        }
        return new MatchedFacts(matches(matched, Application.class), matches(matched, Applicant.class),
                matches(matched, Household.class), matches(matched, Member.class), matches(matched, Vehicle.class),
                matches(matched, Property.class), matches(matched, Document.class),
                formClass == null || matches(matched, formClass));
    }

    private static boolean matches(List<ObjectType> matched, Class<?> fact) {
        for (ObjectType type : matched) {
            if (type.isAssignableFrom(fact)) {
                return true;
            }
        }
        return false;
    }
}
