package uz.qaror.internal.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;

import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.build.FormDeclaration;

/**
 * What reading a service's applications needs of its descriptor, worked out once when the service is compiled: its
 * form fields with their types and identifier kinds, and its required inputs by where each is looked for. Working
 * them out again for every application (a declared input searched for each identifier answer, each required path
 * taken apart and its JSON pointer found in a shared map) was about a tenth of reading an application.
 *
 * @param formFields the form fields in declaration order
 * @param required   the inputs the descriptor requires, in its order
 */
public record ReadingPlan(List<FormField> formFields, List<RequiredInput> required) {

    public ReadingPlan {
        formFields = List.copyOf(formFields);
        required = List.copyOf(required);
    }

    /**
     * A form field.
     *
     * @param name       its name, as in {@code form.<name>}
     * @param type       the Java type of the Form's field
     * @param identifier the kind of identifier it is declared as, or null when it is none
     */
    public record FormField(String name, Class<?> type, IdentifierType identifier) {
    }

    /** Where a required input is looked for. */
    public enum Where {
        /** among the form's answers read (by name) */
        FORM,
        /** among the documents' types (by name) */
        DOCUMENTS,
        /** the applicant's birth date, which the PINFL gives when the field is absent */
        APPLICANT_BIRTH_DATE,
        /** the applicant's sex, which the PINFL gives when the field is absent */
        APPLICANT_SEX,
        /** in the application's JSON (by pointer) */
        JSON
    }

    /**
     * A required input.
     *
     * @param path    its path as the descriptor declares it (and a decision lists it when it is missing)
     * @param where   where it is looked for
     * @param name    the form field or document type it is, for {@link Where#FORM} and {@link Where#DOCUMENTS}
     * @param pointer where it is in the JSON, for {@link Where#JSON}
     */
    public record RequiredInput(String path, Where where, String name, JsonPointer pointer) {
    }

    /** The plan of a service whose form fields have the Java types {@code formFields}. */
    public static ReadingPlan of(ServiceDescriptor descriptor, Map<String, Class<?>> formFields) {
        List<FormField> fields = new ArrayList<>();
        formFields.forEach((name, type) -> fields.add(new FormField(name, type,
                FormDeclaration.identifierType(descriptor, name).orElse(null))));
        List<RequiredInput> required = new ArrayList<>();
        for (ServiceDescriptor.Input input : descriptor.inputs()) {
            if (input.required() && input.path() != null) {
                required.add(requiredInput(input.path()));
            }
        }
        return new ReadingPlan(fields, required);
    }

    private static RequiredInput requiredInput(String path) {
        if (path.startsWith("form.")) {
            return new RequiredInput(path, Where.FORM, path.substring("form.".length()), null);
        }
        if (path.startsWith("documents.")) {
            return new RequiredInput(path, Where.DOCUMENTS, path.substring("documents.".length()), null);
        }
        if (path.equals("applicant.birthDate")) {
            return new RequiredInput(path, Where.APPLICANT_BIRTH_DATE, null, null);
        }
        if (path.equals("applicant.sex")) {
            return new RequiredInput(path, Where.APPLICANT_SEX, null, null);
        }
        return new RequiredInput(path, Where.JSON, null, JsonPointer.compile("/" + path.replace('.', '/')));
    }
}
