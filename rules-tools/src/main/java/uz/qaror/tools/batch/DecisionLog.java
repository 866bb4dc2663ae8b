package uz.qaror.tools.batch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Decision;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.json.Json;

/**
 * The audit log of a batch: one line per record with the rules version, the parameters used, the rules that
 * fired and a hash of the input, and personal identifiers concealed ({@link Masking}). Lines match the output's,
 * so a resumed batch resumes both.
 */
public final class DecisionLog {

    private DecisionLog() {
    }

    /**
     * One line for one record.
     *
     * @param application the parsed application, or {@code null} when there is none (not JSON, too large, given up)
     */
    public static String line(InputRecord record, JsonNode application, Result result, Masking masking) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("record", record.number());
        node.put("loggedAt", Instant.now().toString());
        node.put("inputSha256", record.isTooLarge() ? null : sha256(record.bytes()));
        if (application != null && application.isObject()) {
            ObjectNode ids = node.putObject("identifiers");
            masking.identifiers(application).forEach(ids::put);
        }
        node.put("applicationId", result.applicationId());
        node.put("service", result.service());
        if (result instanceof Decision d) {
            node.put("outcome", d.outcome().name());
            node.put("rulesVersion", d.rulesVersion());
            node.put("asOf", d.asOf().toString());
            ArrayNode fired = node.putArray("firedRules");
            d.firedRules().forEach(r -> fired.add(r.name()));
            ArrayNode parameters = node.putArray("parameters");
            d.parameters().forEach(p -> parameters.addObject().put("id", p.id()).put("value", p.value())
                    .put("effectiveFrom", p.effectiveFrom().toString()));
        } else {
            node.put("error", ((Failure) result).kind().name());
        }
        try {
            return Json.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
