package uz.qaror.server;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.TreeSchema;

/**
 * The body of a request that carries one JSON document for the engine (an application, a household): declared
 * JSON, within the body limit, read by the engine's own reader ({@link ApplicationText}: its input limits, strict
 * UTF-8 and JSON, with the messages {@code qaror evaluate} gives). What cannot be read is a {@link Failure} for
 * {@link FailureStatus} to answer, never an exception.
 */
final class JsonBody {

    /**
     * The body's bytes and its JSON tree, or the failure that says why there is no tree; and the schema that vouched
     * for the tree as it was read, if one did.
     */
    record Read(byte[] bytes, JsonNode tree, Failure failure, TreeSchema vouchedBy) {
    }

    private final ApplicationText text;
    private final long maxBody;
    private final Function<String, TreeSchema> schemas;

    /** A body of any JSON document. */
    JsonBody(InputLimits limits, long maxBody) {
        this(limits, maxBody, null);
    }

    /** A body of an application, whose tree follows the schema {@code schemas} gives its service as it is read. */
    JsonBody(InputLimits limits, long maxBody, Function<String, TreeSchema> schemas) {
        this.text = new ApplicationText(limits);
        this.maxBody = maxBody;
        this.schemas = schemas;
    }

    /**
     * @throws ApiError 415 for a body not declared JSON in UTF-8, 400 for an unknown {@code lang}, 413 past the
     *                  body limit
     */
    Read read(Call call) throws IOException {
        call.requireContentType(List.of(Call.JSON));
        call.language();
        byte[] bytes = call.body(maxBody);
        ApplicationText.Read read = text.read(bytes, schemas);
        return new Read(bytes, read.application(), read.failure(), read.vouchedBy());
    }
}
