package uz.qaror.tools.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.ScreeningStatus;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.json.YamlPositions;

/**
 * Reads a service's test files, {@code tests/*.yaml}: an optional {@code base} application and a list of
 * {@code cases}, each an application (merged over the base: objects merge, lists and values replace, null
 * removes) with what to {@code expect} of its decision and/or what screening the household should answer per
 * service ({@code screen: {child-benefit: ELIGIBLE, ...}}).
 */
public final class TestSuiteReader {

    private TestSuiteReader() {
    }

    public static List<TestCase> read(ServiceFolder folder) {
        Path dir = folder.directory().resolve("tests");
        List<TestCase> cases = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return cases;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new RulesException("cannot list " + folder.display(dir) + ": " + e.getMessage(), List.of());
        }
        for (Path file : files) {
            cases.addAll(readFile(file, folder.display(file)));
        }
        return cases;
    }

    private static List<TestCase> readFile(Path file, String display) {
        String text;
        JsonNode root;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            root = Json.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulesException("broken test file", List.of(Diagnostic.error(display, line, 0,
                    e.getOriginalMessage())));
        } catch (IOException e) {
            throw new RulesException("cannot read " + display + ": " + e.getMessage(), List.of());
        }
        if (root == null || !root.isObject() || !root.path("cases").isArray()) {
            throw new RulesException("broken test file", List.of(Diagnostic.error(display, 1, 1,
                    "a test file holds 'cases:' (a list), and optionally 'base:' (the shared application)")));
        }
        JsonNode base = root.path("base");
        YamlPositions positions = YamlPositions.parse(text);
        List<TestCase> cases = new ArrayList<>();
        Map<String, Integer> named = new HashMap<>();
        int index = 0;
        for (JsonNode node : root.get("cases")) {
            YamlPositions.Position at = positions.at("/cases/" + index++ + "/name");
            String name = node.path("name").asText("");
            int line = at.line();
            if (name.isBlank()) {
                throw error(display, line, "every case needs a name");
            }
            Integer first = named.putIfAbsent(name, line);
            if (first != null) {
                throw new RulesException("broken test file", List.of(Diagnostic.error(display, line, at.column(),
                        "case '" + name + "' is named twice (also at line " + first + "): give each case its own"
                                + " name")));
            }
            JsonNode application = merge(base.isObject() ? base.deepCopy() : Json.JSON.createObjectNode(),
                    node.path("application"));
            LocalDate asOf = null;
            if (node.hasNonNull("asOf")) {
                try {
                    asOf = LocalDate.parse(node.get("asOf").asText());
                } catch (DateTimeParseException e) {
                    throw error(display, line, "case '" + name + "': asOf '" + node.get("asOf").asText()
                            + "' is not a date (YYYY-MM-DD)");
                }
            }
            if (!node.has("expect") && !node.has("screen")) {
                throw error(display, line, "case '" + name + "' has neither 'expect:' nor 'screen:'");
            }
            Expectation expect = null;
            if (node.has("expect")) {
                try {
                    expect = Json.YAML.treeToValue(node.get("expect"), Expectation.class);
                } catch (JsonProcessingException e) {
                    throw error(display, line, "case '" + name + "': " + e.getOriginalMessage().lines().findFirst()
                            .orElse(""));
                }
                if (expect.outcome() == null && expect.error() == null) {
                    throw error(display, line, "case '" + name + "' expects neither an outcome nor an error");
                }
            }
            Map<String, ScreeningStatus> screen = node.has("screen") ? screen(node.get("screen"), display, line, name)
                    : null;
            Iterator<String> fields = node.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!List.of("name", "application", "asOf", "expect", "screen", "description").contains(field)) {
                    throw error(display, line, "case '" + name + "': unknown key '" + field
                            + "'; a case has name, description, application, asOf, expect, screen");
                }
            }
            cases.add(new TestCase(display, line, name, application, asOf, expect, screen));
        }
        return cases;
    }

    /** {@code screen:}: the status expected per service, e.g. {@code child-benefit: ELIGIBLE}. */
    private static Map<String, ScreeningStatus> screen(JsonNode node, String file, int line, String name) {
        if (!node.isObject() || node.isEmpty()) {
            throw error(file, line, "case '" + name + "': screen: names services with the status expected, such as "
                    + "'child-benefit: ELIGIBLE'");
        }
        Map<String, ScreeningStatus> statuses = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                statuses.put(entry.getKey(), ScreeningStatus.valueOf(entry.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw error(file, line, "case '" + name + "': screen: " + entry.getKey() + ": '"
                        + entry.getValue().asText() + "' is not a status; use one of "
                        + java.util.Arrays.toString(ScreeningStatus.values()));
            }
        }
        return statuses;
    }

    private static RulesException error(String file, int line, String message) {
        return new RulesException("broken test file", List.of(Diagnostic.error(file, line, 0, message)));
    }

    /** Deep merge: objects merge key by key, anything else replaces; a null value removes the key. */
    static JsonNode merge(JsonNode base, JsonNode patch) {
        if (!(base instanceof ObjectNode target) || !patch.isObject()) {
            return patch.isMissingNode() ? base : patch.deepCopy();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (target.has(field.getKey()) && target.get(field.getKey()).isObject()
                    && field.getValue().isObject()) {
                merge(target.get(field.getKey()), field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return target;
    }
}
