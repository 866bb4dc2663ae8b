package uz.qaror.internal.build;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import uz.qaror.Diagnostic;
import uz.qaror.ServiceDescriptor;
import uz.qaror.ServiceDescriptor.Input;
import uz.qaror.internal.input.IdentifierType;

/**
 * Turns a descriptor's declared inputs into the DRL that every rule file of the service shares: the
 * {@code Form} type with one typed field per {@code form.*} input, and the globals {@code decision} and
 * {@code params}. A rule that reads a form field the descriptor does not declare thus fails to compile, with
 * the line of the rule.
 */
public final class FormDeclaration {

    /**
     * The input types a descriptor may give a {@code form.*} field, and the Java type the field gets. An
     * identifier ({@code pinfl}, {@code stir}, {@code passport}, {@code phone}, {@code soato}) is a String that the
     * engine has checked as it checks the applicant's own (see {@link IdentifierType}).
     */
    public static final Map<String, Class<?>> FORM_TYPES = formTypes();

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private FormDeclaration() {
    }

    private static Map<String, Class<?>> formTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>(Map.of(
                "string", String.class,
                "enum", String.class,
                "integer", Integer.class,
                "number", BigDecimal.class,
                "boolean", Boolean.class,
                "date", LocalDate.class));
        for (IdentifierType identifier : IdentifierType.values()) {
            types.put(identifier.typeName(), String.class);
        }
        return Map.copyOf(types);
    }

    /** The identifier type of form field {@code name}, or empty when it is not declared as an identifier. */
    public static Optional<IdentifierType> identifierType(ServiceDescriptor descriptor, String name) {
        String path = "form." + name;
        for (Input input : descriptor.inputs()) {
            if (path.equals(input.path())) {
                return IdentifierType.of(input.type());
            }
        }
        return Optional.empty();
    }

    /** The DRL package every rule file of a service uses: {@code qaror.service.<id with _ for ->}. */
    public static String packageOf(String serviceId) {
        return "qaror.service." + serviceId.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** The form fields by name with their Java types, in declaration order. */
    public static Map<String, Class<?>> formFields(ServiceDescriptor descriptor) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (Input input : descriptor.inputs()) {
            if (input.path() != null && input.path().startsWith("form.")) {
                fields.put(input.path().substring("form.".length()), FORM_TYPES.get(input.type()));
            }
        }
        return fields;
    }

    /** Problems with the declared inputs, pointing at the descriptor. */
    public static List<Diagnostic> check(ServiceDescriptor descriptor, String descriptorFile) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Input input : descriptor.inputs()) {
            String path = input.path();
            if (path == null) {
                problems.add(Diagnostic.error(descriptorFile, 0, 0, "an input has no path"));
                continue;
            }
            if (path.startsWith("form.")) {
                String name = path.substring(5);
                if (!IDENTIFIER.matcher(name).matches()) {
                    problems.add(Diagnostic.error(descriptorFile, 0, 0, "input '" + path
                            + "': a form field name is a camelCase identifier, such as form.spouseBirthDate"));
                }
                if (!FORM_TYPES.containsKey(input.type())) {
                    problems.add(Diagnostic.error(descriptorFile, 0, 0, "input '" + path + "' has type '"
                            + input.type() + "'; use one of " + new java.util.TreeSet<>(FORM_TYPES.keySet())));
                }
                if ("enum".equals(input.type()) && input.values().isEmpty()) {
                    problems.add(Diagnostic.error(descriptorFile, 0, 0,
                            "input '" + path + "' is an enum without values"));
                }
            } else if (path.startsWith("documents.")) {
                if (!DOCUMENT_TYPE.matcher(path.substring(10)).matches()) {
                    problems.add(Diagnostic.error(descriptorFile, 0, 0, "input '" + path
                            + "': a document type is lower-case words joined by '-'"));
                }
            } else if (!ApplicationFields.KNOWN.contains(path)) {
                problems.add(Diagnostic.error(descriptorFile, 0, 0, "input '" + path + "' is not a known field; "
                        + "use form.<name> for the service's own questions, documents.<type>, or one of "
                        + ApplicationFields.KNOWN));
            }
        }
        return problems;
    }

    /** The generated DRL source. */
    public static String drl(ServiceDescriptor descriptor) {
        StringBuilder drl = new StringBuilder();
        drl.append("package ").append(packageOf(descriptor.id())).append(";\n\n");
        drl.append("global uz.qaror.facts.DecisionSheet decision;\n");
        drl.append("global uz.qaror.facts.Parameters params;\n\n");
        drl.append("declare Form\n");
        formFields(descriptor).forEach((name, type) ->
                drl.append("    ").append(name).append(" : ").append(type.getName()).append('\n'));
        drl.append("end\n");
        return drl.toString();
    }
}
