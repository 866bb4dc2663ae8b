package uz.qaror.tools.batch;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Problem;
import uz.qaror.internal.json.Json;

/**
 * The one place a batch turns a record's bytes into an application: the JSON tree, or the failure that says why
 * there is none. UTF-8 is checked strictly first, as the engine's reading of a stream does for {@code evaluate}
 * (Jackson alone lets overlong forms such as {@code C0 80}, a hidden NUL, and code points past U+10FFFF through),
 * then the bytes are parsed by the engine's own JSON reader. The tree is kept because the decision log masks the
 * identifiers it holds. An engine entry that reads bytes under its input limits replaces this class's body.
 */
final class ApplicationBytes {

    /** A parsed application, or the failure that stands for it; exactly one is set. */
    record Read(JsonNode tree, Failure failure) {
    }

    private ApplicationBytes() {
    }

    static Read read(byte[] bytes) {
        if (isBlank(bytes)) {
            return failed(new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                    List.of(new Problem("$", "the record is empty; each holds one application"))));
        }
        int bad = firstInvalidUtf8(bytes);
        if (bad >= 0) {
            return failed(new Failure(null, null, Failure.Kind.MALFORMED_JSON, List.of(new Problem("$",
                    String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at offset %d", bytes[bad] & 0xFF,
                            bad)))));
        }
        try {
            return new Read(Json.JSON.readTree(bytes), null);
        } catch (JsonProcessingException e) {
            return failed(DecisionEngine.malformed(e));
        } catch (IOException e) {
            // Reading an array in memory cannot fail for I/O; a parser that says so is treated as malformed input.
            return failed(new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                    List.of(new Problem("$", "unreadable: " + e.getMessage()))));
        }
    }

    private static Read failed(Failure failure) {
        return new Read(null, failure);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, surrogates or past U+10FFFF). */
    static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            } else {
                return i;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= bytes.length) {
                    return i;
                }
                int next = bytes[i + k] & 0xFF;
                if (k == 1 ? next < low || next > high : next < 0x80 || next > 0xBF) {
                    return i + k;
                }
            }
            i += more + 1;
        }
        return -1;
    }
}
