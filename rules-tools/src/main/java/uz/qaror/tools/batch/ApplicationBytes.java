package uz.qaror.tools.batch;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.Problem;
import uz.qaror.internal.input.ApplicationText;

/**
 * The one place a batch turns a record's bytes into an application: the JSON tree, or the failure that says why
 * there is none. A blank record is named as such; anything else goes through the engine's own reading of bytes
 * ({@link ApplicationText}: its input limits, strict UTF-8, strict JSON), exactly as {@code evaluate} and the HTTP
 * service read theirs. The tree is kept because the decision log masks the identifiers it holds.
 */
final class ApplicationBytes {

    /** A parsed application, or the failure that stands for it; exactly one is set. */
    record Read(JsonNode tree, Failure failure) {
    }

    /** A reader per set of limits (it holds a configured JSON parser factory, too costly to make per record). */
    private static final ConcurrentMap<InputLimits, ApplicationText> READERS = new ConcurrentHashMap<>();

    private ApplicationBytes() {
    }

    static Read read(byte[] bytes, InputLimits limits) {
        if (isBlank(bytes)) {
            return new Read(null, new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                    List.of(new Problem("$", "the record is empty; each holds one application"))));
        }
        ApplicationText.Read read = READERS.computeIfAbsent(limits, ApplicationText::new).read(bytes);
        return new Read(read.application(), read.failure());
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
