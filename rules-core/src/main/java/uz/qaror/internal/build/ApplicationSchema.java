package uz.qaror.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uz.qaror.ServiceDescriptor;
import uz.qaror.ServiceDescriptor.Input;
import uz.qaror.internal.input.TreeSchema;
import uz.qaror.internal.json.Json;

/**
 * The JSON schema of a service's applications: the envelope every service shares
 * ({@code uz/qaror/application.schema.json}) with the service's own {@code form} fields typed as its descriptor
 * declares them. Form fields it does not declare are rejected, so a misspelt answer is named, not ignored.
 *
 * <p>networknt's validator is the judge and gives the messages; a valid application is recognised by a
 * {@link QuickSchemaCheck} first, which costs a fraction of it, and only what that cannot vouch for goes to
 * networknt. networknt's schema is built when first needed: a run that meets only valid applications (a cold
 * {@code qaror evaluate}, most services of a large catalog) never builds it.
 */
public final class ApplicationSchema {

    private static final ObjectNode ENVELOPE = load();

    private final ObjectNode schema;
    private final Optional<QuickSchemaCheck> quick;
    /** The quick test followed as an application's tree is built, or null when there is no quick test. */
    private final TreeSchema treeSchema;
    private volatile JsonSchema full;

    private ApplicationSchema(ObjectNode schema) {
        this.schema = schema;
        this.quick = QuickSchemaCheck.of(schema);
        this.treeSchema = quick.map(QuickSchemaCheck::treeSchema).orElse(null);
    }

    /** Holds networknt's factory, so that a run that never needs it never loads it. */
    private static final class Factory {
        static final JsonSchemaFactory V202012 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private JsonSchema full() {
        JsonSchema built = full;
        if (built == null) {
            synchronized (this) {
                built = full;
                if (built == null) {
                    built = Factory.V202012.getSchema(schema);
                    full = built;
                }
            }
        }
        return built;
    }

    /** The shared envelope alone, for input whose service is not yet known (compiled once, when first asked). */
    public static ApplicationSchema envelope() {
        return EnvelopeHolder.SCHEMA;
    }

    /** Holds the envelope's schema, so that an engine that never needs it never compiles it. */
    private static final class EnvelopeHolder {
        static final ApplicationSchema SCHEMA = new ApplicationSchema(ENVELOPE.deepCopy());
    }

    /** Whether the application satisfies the schema. */
    public boolean isValid(JsonNode application) {
        return quicklyValid(application) || fullyValid(application);
    }

    /** What is wrong with the application: empty when it is valid. */
    public Set<ValidationMessage> messages(JsonNode application) {
        return full().validate(application);
    }

    /**
     * The quick test as the tree of an application is built ({@code QuickTree}), or null when the schema has none:
     * a tree it vouched for needs no other check.
     */
    public TreeSchema treeSchema() {
        return treeSchema;
    }

    /** The quick test's answer alone: true only when it vouches for the application. */
    public boolean quicklyValid(JsonNode application) {
        return quick.isPresent() && quick.get().certainlyValid(application);
    }

    /** networknt's answer alone. */
    public boolean fullyValid(JsonNode application) {
        return full().validate(application, OutputFormat.BOOLEAN);
    }

    /** Whether networknt's schema has been built (it is, once an application needed it). */
    boolean judgeBuilt() {
        return full != null;
    }

    /** Whether the schema has a quick test (it has none when it uses a keyword the quick test does not know). */
    public boolean hasQuickCheck() {
        return quick.isPresent();
    }

    public static ApplicationSchema forService(ServiceDescriptor descriptor) {
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
        return new ApplicationSchema(schema);
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
