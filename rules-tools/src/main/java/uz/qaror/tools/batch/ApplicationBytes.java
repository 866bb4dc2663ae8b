package uz.qaror.tools.batch;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Failure;
import uz.qaror.InputLimits;
import uz.qaror.Problem;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.TreeSchema;

/**
 * The one place a run over records (a batch, a re-screening) turns a record's bytes into its JSON: the tree, or the
 * failure that says why there is none. A record over the size limit was never held and is named as such, so is a
 * blank one; anything else goes through the engine's own reading of bytes ({@link ApplicationText}: its input
 * limits, strict UTF-8, strict JSON), exactly as {@code evaluate} and the HTTP service read theirs. The tree is kept
 * because the decision log masks the identifiers it holds.
 */
public final class ApplicationBytes {

    /**
     * A parsed record, or the failure that stands for it (exactly one is set); and the schema that vouched for the
     * tree as it was read, if one did.
     */
    public record Read(JsonNode tree, Failure failure, TreeSchema vouchedBy) {

        /** A record read, or its failure, that no schema vouched for. */
        public Read(JsonNode tree, Failure failure) {
            this(tree, failure, null);
        }
    }

    /** A reader per set of limits (it holds a configured JSON parser factory, too costly to make per record). */
    private static final ConcurrentMap<InputLimits, ApplicationText> READERS = new ConcurrentHashMap<>();

    private ApplicationBytes() {
    }

    /**
     * Reads one record.
     *
     * @param what what each record holds, for the message of an empty one ("application", "household")
     */
    public static Read read(InputRecord record, InputLimits limits, String what) {
        return read(record, limits, what, null);
    }

    /**
     * Reads one record, following the schema {@code schemas} gives the service it names as its tree is built (see
     * {@link ApplicationText#read(byte[], java.util.function.Function)}); null: none.
     *
     * @param what what each record holds, for the message of an empty one ("application", "household")
     */
    public static Read read(InputRecord record, InputLimits limits, String what,
                            Function<String, TreeSchema> schemas) {
        if (record.isTooLarge()) {
            return new Read(null, new Failure(null, null, Failure.Kind.LIMIT_EXCEEDED, List.of(new Problem("$",
                    String.format(Locale.ROOT, "the record takes %,d bytes of input, more than the limit of one record",
                            record.size())))));
        }
        byte[] bytes = record.bytes();
        if (isBlank(bytes)) {
            return new Read(null, new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                    List.of(new Problem("$", "the record is empty; each holds one " + what))));
        }
        ApplicationText.Read read = READERS.computeIfAbsent(limits, ApplicationText::new).read(bytes, schemas);
        return new Read(read.application(), read.failure(), read.vouchedBy());
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
