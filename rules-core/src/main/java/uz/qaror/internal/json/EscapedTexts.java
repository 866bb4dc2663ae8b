package uz.qaror.internal.json;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

/**
 * The texts of the rules (legal bases, rules' names, reasons' codes, the messages of reasons without arguments,
 * services' and parameters' ids) as they are escaped for JSON, remembered from their first decision on. Escaping a
 * character at a time was the largest part of writing a batch's record: a legal basis stands in a decision up to
 * five times (its reason, its fired rule, its fee and the fee's components, its parameters), and in every decision
 * of its rule.
 * <p>
 * Only texts of the rules come here, never an application's (a message filled with its values is written as any
 * other): tens per service and language written, so what is remembered is bounded by the catalog, and capped in
 * case it is not; a text beyond the cap, or with a surrogate, is written as any other.
 */
final class EscapedTexts {

    private final int most;
    private final ConcurrentHashMap<String, EscapedText> known = new ConcurrentHashMap<>();

    EscapedTexts(int most) {
        this.most = most;
    }

    /** Writes a field whose value is a text of the rules (null as null). */
    void field(JsonGenerator generator, SerializableString name, String text) throws IOException {
        generator.writeFieldName(name);
        if (text == null) {
            generator.writeNull();
            return;
        }
        EscapedText escaped = known.get(text);
        if (escaped == null) {
            escaped = remember(text);
        }
        if (escaped == null) {
            generator.writeString(text);
        } else {
            generator.writeString(escaped);
        }
    }

    private EscapedText remember(String text) {
        if (known.size() >= most || !EscapedText.suits(text)) {
            return null;
        }
        return known.computeIfAbsent(text, EscapedText::new);
    }

    /** How many texts are remembered. */
    int remembered() {
        return known.size();
    }
}
