package uz.qaror.internal.build;

import java.util.Map;

import org.kie.api.definition.rule.Rule;

/** Reads a rule's metadata the same way whichever Drools compiler produced it. */
public final class RuleMetadata {

    private RuleMetadata() {
    }

    /** The rule's {@code @legalBasis}, without the quotes the executable model keeps; empty if none. */
    public static String legalBasis(Rule rule) {
        return text(rule.getMetaData(), "legalBasis");
    }

    static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            return "";
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
