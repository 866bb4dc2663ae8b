package uz.qaror.internal.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uz.qaror.ServiceDescriptor;
import uz.qaror.facts.Person;
import uz.qaror.internal.build.FormDeclaration;
import uz.qaror.internal.input.IdentifierType;
import uz.qaror.internal.input.ParsedApplication;

/**
 * The identifiers of one application (PINFL, passport, phone, STIR of the applicant and members, and form answers
 * declared as such), hidden wherever an explanation would print them. A rule may bind an identifier or match a
 * declared fact whose text holds one; hiding the values, not the fields, covers every way they can appear.
 * SOATO codes name a place, not a person, and stay.
 */
final class Concealment {

    static final String CONCEALED = "(concealed)";

    private final List<String> values;

    private Concealment(Set<String> values) {
        // Longest first, so that a value holding a shorter one is replaced whole.
        this.values = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Concealment of(ParsedApplication application, ServiceDescriptor descriptor) {
        Set<String> values = new LinkedHashSet<>();
        List<Person> people = new ArrayList<>(application.members());
        people.add(application.applicant());
        for (Person person : people) {
            add(values, person.getPinfl());
        }
        add(values, application.applicant().getPhone());
        add(values, application.applicant().getPassport());
        add(values, application.applicant().getStir());
        application.formValues().forEach((name, value) -> {
            boolean personal = FormDeclaration.identifierType(descriptor, name)
                    .filter(type -> type != IdentifierType.SOATO).isPresent();
            if (personal && value instanceof String text) {
                add(values, text);
            }
        });
        return new Concealment(values);
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    String apply(String text) {
        String result = text;
        for (String value : values) {
            result = result.replace(value, CONCEALED);
        }
        return result;
    }
}
