package uz.qaror.tools.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Masks personal identifiers for audit logs: enough to recognise a record, not enough to identify a person. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first {@code head} and last {@code tail} characters. */
    public static String mask(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    /** The identifiers an application carries, masked, by path. */
    public static Map<String, String> identifiers(JsonNode application) {
        Map<String, String> masked = new LinkedHashMap<>();
        JsonNode applicant = application.path("applicant");
        put(masked, "applicant.pinfl", applicant.path("pinfl"), 4, 3);
        put(masked, "applicant.passport", applicant.path("passport"), 2, 2);
        put(masked, "applicant.phone", applicant.path("phone"), 6, 2);
        JsonNode members = application.path("household").path("members");
        for (int i = 0; i < members.size(); i++) {
            put(masked, "household.members[" + i + "].pinfl", members.get(i).path("pinfl"), 4, 3);
        }
        return masked;
    }

    private static void put(Map<String, String> masked, String path, JsonNode value, int head, int tail) {
        if (value.isTextual()) {
            masked.put(path, mask(value.asText().replace(" ", ""), head, tail));
        }
    }
}
