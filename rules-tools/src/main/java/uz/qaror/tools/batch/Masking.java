package uz.qaror.tools.batch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Failure;
import uz.qaror.Problem;
import uz.qaror.Result;

/**
 * Conceals personal identifiers in what a batch writes beside its decisions (the decision log, error messages).
 * No part of an identifier is kept: the leading digits of a PINFL give sex, century and birth date, so partial
 * digits are not a mask. Without a key an identifier shows only that it was there; with a key the operator keeps
 * (HMAC-SHA256), equal identifiers give equal tokens, so that the records of one person can be linked by whoever
 * holds the key and by no one else. Works on any JSON shape: a wrong type is skipped, never a failure.
 */
public final class Masking {

    /** The shortest link key accepted: 128 bits. */
    public static final int MIN_KEY_BYTES = 16;

    /** A PINFL-shaped run of digits anywhere in a message. */
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{14}(?!\\d)");

    /** Identifier fields of the applicant: field name and kind (equal kinds link across fields). */
    private static final List<String[]> APPLICANT_IDS = List.of(new String[] {"pinfl", "pinfl"},
            new String[] {"passport", "passport"}, new String[] {"phone", "phone"}, new String[] {"stir", "stir"});

    private final byte[] linkKey;

    private Masking(byte[] linkKey) {
        this.linkKey = linkKey;
    }

    /** Identifiers fully concealed; records cannot be linked by them. */
    public static Masking unlinked() {
        return new Masking(null);
    }

    /** Identifiers replaced by a keyed hash, so that records can be linked by those who hold the key. */
    public static Masking linkedBy(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a link key needs at least " + MIN_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        return new Masking(key.clone());
    }

    /** A short name of the key (not the key), so that two runs can tell whether they used the same one. */
    public String keyId() {
        return linkKey == null ? "none" : token("key-id", "qaror").substring("hmac-sha256:".length());
    }

    /** The identifiers an application carries, concealed, by path. Any shape is accepted. */
    public Map<String, String> identifiers(JsonNode application) {
        Map<String, String> concealed = new LinkedHashMap<>();
        JsonNode applicant = application.path("applicant");
        for (String[] id : APPLICANT_IDS) {
            put(concealed, "applicant." + id[0], id[1], applicant.path(id[0]));
        }
        JsonNode members = application.path("household").path("members");
        if (members.isArray()) {
            for (int i = 0; i < members.size(); i++) {
                put(concealed, "household.members[" + i + "].pinfl", "pinfl", members.get(i).path("pinfl"));
            }
        }
        return concealed;
    }

    private void put(Map<String, String> concealed, String path, String kind, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            concealed.put(path, conceal(kind, value.asText()));
        }
    }

    /** One identifier concealed: a keyed token, or stars of its length (at most 32) without a key. */
    public String conceal(String kind, String value) {
        String normal = value.replace(" ", "");
        if (linkKey == null) {
            return "*".repeat(Math.max(1, Math.min(normal.length(), 32)));
        }
        return token(kind, normal);
    }

    private String token(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(linkKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return "hmac-sha256:" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The result with the application's identifiers, and anything shaped like a PINFL, removed from its problem
     * messages: error records are read by people who need the fault, not the person.
     */
    public Result redact(Result result, JsonNode application) {
        if (!(result instanceof Failure failure)) {
            return result;
        }
        List<String[]> values = new ArrayList<>();
        if (application != null) {
            JsonNode applicant = application.path("applicant");
            for (String[] id : APPLICANT_IDS) {
                addValue(values, id[1], applicant.path(id[0]));
            }
            JsonNode members = application.path("household").path("members");
            if (members.isArray()) {
                members.forEach(m -> addValue(values, "pinfl", m.path("pinfl")));
            }
        }
        // Longest first, so that a value inside another is not replaced half.
        values.sort(Comparator.comparingInt((String[] v) -> v[1].length()).reversed());
        List<Problem> problems = failure.problems().stream()
                .map(p -> new Problem(p.path(), redact(p.message(), values))).toList();
        return problems.equals(failure.problems()) ? failure
                : new Failure(failure.applicationId(), failure.service(), failure.kind(), problems);
    }

    private static void addValue(List<String[]> values, String kind, JsonNode value) {
        // Values of four characters or fewer are too short to identify anyone and would blot out ordinary words.
        if (value.isValueNode() && !value.isNull() && value.asText().length() > 4) {
            values.add(new String[] {kind, value.asText()});
        }
    }

    private String redact(String message, List<String[]> values) {
        String text = message;
        for (String[] value : values) {
            text = text.replace(value[1], conceal(value[0], value[1]));
        }
        Matcher digits = FOURTEEN_DIGITS.matcher(text);
        return digits.find() ? digits.replaceAll(m -> Matcher.quoteReplacement(conceal("pinfl", m.group()))) : text;
    }
}
