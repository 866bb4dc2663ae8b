package uz.qaror.internal.input;

import com.networknt.schema.ValidationMessage;

import uz.qaror.Problem;

/** Turns JSON-schema messages into problems with a plain path ({@code applicant.birthDate}, not {@code $.}). */
public final class SchemaMessages {

    private SchemaMessages() {
    }

    public static Problem toProblem(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String text = message.getMessage();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            String parent = plain(location);
            String name = Echo.name(message.getProperty());
            String field = parent.equals("$") ? name : parent + "." + name;
            return new Problem(field, "is not a field of this application"
                    + (parent.equals("form") ? " (the service does not declare this input)" : ""));
        }
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            String parent = plain(location);
            return new Problem(parent.equals("$") ? message.getProperty() : parent + "." + message.getProperty(),
                    "is required");
        }
        return new Problem(plain(location), Echo.bounded(text, 300));
    }

    private static String plain(String location) {
        if (location.equals("$")) {
            return "$";
        }
        return Echo.bounded(location.startsWith("$.") ? location.substring(2) : location, 200);
    }
}
