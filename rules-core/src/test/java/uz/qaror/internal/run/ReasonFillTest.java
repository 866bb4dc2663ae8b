package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import uz.qaror.Language;
import uz.qaror.internal.json.Json;

/**
 * Reason texts are filled in one pass; they must read exactly as the regular expression {@code \{(\w+)}} filled
 * them: every template of the real catalog and of the engine, and templates made to trip a scanner, with arguments
 * present, missing and of every kind a rule passes.
 */
class ReasonFillTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Path SERVICES = Path.of("../rules-catalog/src/main/resources/qaror/catalog/services");

    /** How the texts were filled before: the reference. */
    private static String byRegularExpression(String template, Map<String, Object> arguments, Language language) {
        if (arguments.isEmpty()) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = arguments.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : LocalNumbers.text(value, language);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Test
    void everyTemplateOfTheCatalogAndTheEngineReadsAsTheRegularExpressionFilledIt() throws Exception {
        List<String> templates = new ArrayList<>();
        try (Stream<Path> services = Files.list(SERVICES)) {
            for (Path service : services.sorted().toList()) {
                Map<String, Map<String, String>> reasons = Json.YAML.readValue(
                        service.resolve("reasons.yaml").toFile(), new TypeReference<>() { });
                reasons.values().forEach(byTag -> templates.addAll(byTag.values()));
            }
        }
        ReasonTexts.engineReasons().values().forEach(byTag -> templates.addAll(byTag.values()));
        assertThat(templates).hasSizeGreaterThan(500);
        assertThat(templates).anyMatch(t -> t.contains("{minimum}"));

        Random random = new Random(2026);
        int filled = 0;
        for (String template : templates) {
            List<String> names = new ArrayList<>();
            PLACEHOLDER.matcher(template).results().forEach(m -> names.add(m.group(1)));
            for (int trial = 0; trial < 6; trial++) {
                Map<String, Object> arguments = arguments(names, random);
                for (Language language : Language.values()) {
                    assertThat(ReasonTexts.fill(template, arguments, language)).as("%s %s", template, arguments)
                            .isEqualTo(byRegularExpression(template, arguments, language));
                    filled++;
                }
            }
        }
        assertThat(filled).isGreaterThan(10_000);
    }

    @Test
    void templatesMadeToTripAScannerReadAsTheRegularExpressionFilledThem() {
        Map<String, Object> arguments = new HashMap<>(Map.of("a", new BigDecimal("1285000.50"), "b_2", 7,
                "sum", "$1 \\ {a}", "x", 3L, "", "empty", "a-b", "dash", " a", "space", "é", "letter"));
        List<String> templates = List.of("", "{", "}", "{}", "{a", "a}", "{a}", "{{a}}", "{{a}", "{a}}", "{a}{a}",
                "{a}{b_2}{x}", "{ a}", "{a }", "{a-b}", "{A}", "{é}", "{ё}", "{sum}", "{unknown} {a}", "{unknown",
                "text {a} then {missing} and {b_2}.", "{{{a}}}", "{a{b_2}}", "end {", "end {a", "{x}{");
        for (String template : templates) {
            for (Language language : Language.values()) {
                assertThat(ReasonTexts.fill(template, arguments, language)).as(template)
                        .isEqualTo(byRegularExpression(template, arguments, language));
            }
        }
        assertThat(ReasonTexts.fill("{a}{b_2}", arguments, Language.EN)).isEqualTo("1,285,000.57");
        assertThat(ReasonTexts.fill("{sum}", arguments, Language.EN)).isEqualTo("$1 \\ {a}");
    }

    /** Some of the template's names (a few left out), each with a value of a kind rules pass; now and then one more. */
    private static Map<String, Object> arguments(List<String> names, Random random) {
        Map<String, Object> arguments = new HashMap<>();
        for (String name : names) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            arguments.put(name, switch (random.nextInt(6)) {
                case 0 -> new BigDecimal(random.nextInt(100_000_000)).movePointLeft(random.nextInt(3));
                case 1 -> random.nextInt(120);
                case 2 -> (long) random.nextInt(2_000_000);
                case 3 -> random.nextDouble() * 1000;
                case 4 -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000));
                default -> "text with $ and \\ and {" + name + "}";
            });
        }
        if (random.nextBoolean()) {
            arguments.put("unused", 1);
        }
        return arguments;
    }
}
