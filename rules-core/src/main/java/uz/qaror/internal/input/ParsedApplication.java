package uz.qaror.internal.input;

import java.util.List;
import java.util.Map;

import uz.qaror.facts.Applicant;
import uz.qaror.facts.Application;
import uz.qaror.facts.Document;
import uz.qaror.facts.Household;
import uz.qaror.facts.Member;
import uz.qaror.facts.Property;
import uz.qaror.facts.Vehicle;

/** An application read and validated, as the facts the rules match, and the required inputs it lacks. */
public record ParsedApplication(
        Application application,
        Applicant applicant,
        Household household,
        List<Member> members,
        List<Vehicle> vehicles,
        List<Property> properties,
        List<Document> documents,
        Map<String, Object> formValues,
        List<String> missing) {

    public ParsedApplication {
        members = List.copyOf(members);
        vehicles = List.copyOf(vehicles);
        properties = List.copyOf(properties);
        documents = List.copyOf(documents);
        formValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formValues));
        missing = List.copyOf(missing);
    }
}
