package uz.qaror.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import uz.qaror.ServiceDescriptor;
import uz.qaror.ServiceDescriptor.Input;
import uz.qaror.internal.json.Json;

/**
 * The JSON schema of a service's applications: the envelope every service shares
 * ({@code uz/qaror/application.schema.json}) with the service's own {@code form} fields typed as its descriptor
 * declares them. Form fields it does not declare are rejected, so a misspelt answer is named, not ignored.
 */
public final class ApplicationSchema {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectNode ENVELOPE = load();

    private ApplicationSchema() {
    }

    /** The shared envelope alone, for input whose service is not yet known. */
    public static JsonSchema envelope() {
        return FACTORY.getSchema(ENVELOPE.deepCopy());
    }

    public static JsonSchema forService(ServiceDescriptor descriptor) {
        ObjectNode schema = ENVELOPE.deepCopy();
        ObjectNode form = ((ObjectNode) schema.get("properties")).putObject("form");
        form.put("type", "object");
        form.put("additionalProperties", false);
        ObjectNode properties = form.putObject("properties");
        for (Input input : descriptor.inputs()) {
            if (input.path().startsWith("form.")) {
                properties.set(input.path().substring(5), fieldSchema(input));
            }
        }
        return FACTORY.getSchema(schema);
    }

    private static ObjectNode fieldSchema(Input input) {
        ObjectNode field = Json.JSON.createObjectNode();
        ArrayNode types = field.putArray("type");
        types.add(switch (input.type()) {
            case "integer" -> "integer";
            case "number" -> "number";
            case "boolean" -> "boolean";
            default -> "string";
        });
        types.add("null");
        if ("enum".equals(input.type())) {
            ArrayNode values = field.putArray("enum");
            input.values().forEach(values::add);
            values.addNull();
        }
        return field;
    }

    private static ObjectNode load() {
        try (InputStream in = ApplicationSchema.class.getResourceAsStream("/uz/qaror/application.schema.json")) {
            JsonNode node = Json.JSON.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
