package uz.qaror.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;

import uz.qaror.Language;
import uz.qaror.internal.json.Json;

/**
 * Fills reason texts: the service's own ({@code reasons.yaml}), then the engine's ({@code MISSING_INPUT},
 * {@code NO_RULE_DECIDED}, ...). Placeholders {@code {name}} take the rule's arguments, sums written as the text's
 * language writes numbers ({@link LocalNumbers}).
 */
public final class ReasonTexts {

    private static final Map<String, Map<String, String>> ENGINE = loadEngineReasons();

    private ReasonTexts() {
    }

    /** The engine's own reason codes, for lint and documentation. */
    public static Map<String, Map<String, String>> engineReasons() {
        return ENGINE;
    }

    /** Texts without arguments are the same for every decision: a service builds each once. */
    public static final class Cache {
        private final Map<String, Map<String, String>> reasons;
        private final Map<String, TextsByLanguage> plain = new java.util.concurrent.ConcurrentHashMap<>();

        public Cache(Map<String, Map<String, String>> reasons) {
            this.reasons = reasons;
        }

        public Map<Language, String> texts(String code, Map<String, Object> arguments) {
            if (arguments.isEmpty()) {
                return plain.computeIfAbsent(code, c -> TextsByLanguage.fixed(maker(reasons, c, Map.of())));
            }
            return ReasonTexts.texts(reasons, code, arguments);
        }
    }

    /**
     * The texts of a reason code in every language, each filled when first asked for ({@link TextsByLanguage}):
     * the service's own, else the engine's, else the code.
     */
    public static Map<Language, String> texts(Map<String, Map<String, String>> serviceReasons, String code,
                                              Map<String, Object> arguments) {
        return new TextsByLanguage(maker(serviceReasons, code, arguments));
    }

    /** What fills a reason code's text in a language: the service's own, else the engine's, else the code. */
    private static Function<Language, String> maker(
            Map<String, Map<String, String>> serviceReasons, String code, Map<String, Object> arguments) {
        Map<String, String> own = serviceReasons.get(code);
        Map<String, String> byTag = own != null ? own : ENGINE.get(code);
        return language -> text(byTag, code, arguments, language);
    }

    private static String text(Map<String, String> byTag, String code, Map<String, Object> arguments,
                               Language language) {
        String text = byTag == null ? null : byTag.get(language.tag());
        return fill(text == null ? code : text, arguments, language);
    }

    /**
     * The template with each placeholder {@code {name}} (a name of ASCII letters, digits and underscores) replaced by
     * its argument; a placeholder without an argument stays as it is. Read in one pass, not by a regular expression:
     * a decision fills its reasons' texts every time it is written.
     */
    static String fill(String template, Map<String, Object> arguments, Language language) {
        if (arguments.isEmpty()) {
            return template;
        }
        int length = template.length();
        StringBuilder out = new StringBuilder(length + 32);
        int copied = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            int end = open + 1;
            while (end < length && isNameCharacter(template.charAt(end))) {
                end++;
            }
            if (end == open + 1 || end == length || template.charAt(end) != '}') {
                continue;
            }
            Object value = arguments.get(template.substring(open + 1, end));
            if (value != null) {
                out.append(template, copied, open).append(LocalNumbers.text(value, language));
                copied = end + 1;
            }
            open = end;
        }
        return copied == 0 ? template : out.append(template, copied, length).toString();
    }

    /** What {@code \w} matches without Unicode classes. */
    private static boolean isNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * The engine's reasons in the portal's four languages. JSON, not YAML like a service's: every decision's
     * process reads them, and a YAML parser loaded for them alone costs a cold start more than the file.
     */
    private static Map<String, Map<String, String>> loadEngineReasons() {
        try (InputStream in = ReasonTexts.class.getResourceAsStream("/uz/qaror/engine-reasons.json")) {
            return Map.copyOf(Json.JSON.readValue(in, new TypeReference<Map<String, Map<String, String>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
