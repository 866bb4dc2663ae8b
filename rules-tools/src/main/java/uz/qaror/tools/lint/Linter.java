package uz.qaror.tools.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Diagnostic;
import uz.qaror.Language;
import uz.qaror.RulesException;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.json.YamlPositions;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.internal.run.ReasonTexts;
import uz.qaror.tools.testing.TestSuiteReader;

/**
 * Finds what compiles but is likely wrong in a service: rules that cite no law, reason texts missing a
 * language or never used, codes and parameters that do not exist, declared inputs and parameters no rule reads,
 * amounts written as literals, a service without test cases, and files nothing loads. Errors are what would
 * fail at decision time (an unknown reason code or parameter); the rest are warnings.
 */
public final class Linter {

    private static final Pattern DECIDES = Pattern.compile(
            "\\bdecision\\s*\\.\\s*(?:approve|reject|refer)\\s*\\(\\s*\"([^\"\\\\\\n]*)\"");
    private static final Pattern REQUIRES = Pattern.compile(
            "\\bdecision\\s*\\.\\s*require\\s*\\(\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\"\\s*,\\s*\"([^\"\\\\\\n]*)\"");
    private static final Pattern READS_PARAMETER = Pattern.compile(
            "\\bparams\\s*\\.\\s*(?:value|times)\\s*\\(\\s*\"([^\"\\\\\\n]*)\"");
    private static final Pattern READS_BCA = Pattern.compile("\\bparams\\s*\\.\\s*bca\\s*\\(");
    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'([^'\\n]*)'|([^\\s\"']+))");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])(\\d[\\d_]*)(?:\\.\\d+)?");
    private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\s*-?\\s*$");
    private static final Pattern DECISION_TABLE_LIKE = Pattern.compile("(?i).*\\.(csv|xls|xlsx)$");
    private static final int AMOUNT_DIGITS = 5;

    private final CompiledService service;
    private final ServiceFolder folder;
    private final List<RuleSource> sources = new ArrayList<>();
    private final List<Diagnostic> found = new ArrayList<>();

    private Linter(CompiledService service) {
        this.service = service;
        this.folder = service.folder();
        for (Path file : folder.ruleFiles()) {
            sources.add(RuleSource.read(file, folder.display(file)));
        }
    }

    /** Findings about the catalog as a whole: service folders that nothing loads. */
    public static List<Diagnostic> lintCatalog(CatalogSource source) {
        return source.foldersWithoutDescriptor().stream()
                .map(folder -> Diagnostic.warning(folder, 0, 0, "this folder has no service.yaml, so nothing"
                        + " loads it; add the descriptor or move the folder out of services/")
                        .withCode("lint/file-not-loaded"))
                .toList();
    }

    /**
     * Lints a service that compiled. Findings are sorted by file and line.
     *
     * @throws java.io.UncheckedIOException when a file of the folder cannot be read
     */
    public static List<Diagnostic> lint(CompiledService service) {
        Linter linter = new Linter(service);
        // Drools' own warnings (it only logs them) are findings like the linter's.
        linter.found.addAll(service.warnings());
        linter.legalBasis();
        linter.reasonTexts();
        linter.reasonCodesUsed();
        linter.parameters();
        linter.formInputs();
        linter.literalAmounts();
        linter.found.addAll(RepeatedThresholds.find(linter.sources, linter.folder.reasons()));
        linter.testCases();
        linter.unloadedFiles();
        linter.found.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return List.copyOf(linter.found);
    }

    private void legalBasis() {
        Map<String, Position> ruleLines = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            if (!source.isDrl()) {
                continue;
            }
            Matcher matcher = RULE.matcher(source.code());
            while (matcher.find()) {
                String name = matcher.group(1) != null ? matcher.group(1).replace("\\\"", "\"")
                        : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                int[] at = source.at(matcher.start() + matcher.group().indexOf("rule"), "");
                ruleLines.putIfAbsent(name, new Position(source.display(), at[0], at[1]));
            }
        }
        for (CompiledService.RuleInfo rule : service.rules()) {
            if (!rule.legalBasis().isBlank()) {
                continue;
            }
            Position where = ruleLines.get(rule.name());
            if (where == null) {
                where = inDecisionTable(rule.name());
            }
            warn("lint/legal-basis", where.file(), where.line(), where.column(), "rule \"" + rule.name() + "\" has no"
                    + " @legalBasis(\"...\"): every rule cites the article it applies, which the decision shows"
                    + " with each reason");
        }
    }

    /** Where a rule that no DRL file names comes from: a decision table's row, or at least the folder. */
    private Position inDecisionTable(String ruleName) {
        for (RuleSource source : sources) {
            int[] at = source.ruleAt(ruleName);
            if (at != null) {
                return new Position(source.display(), at[0], at[1]);
            }
        }
        return new Position(folder.displayDirectory(), 0, 0);
    }

    /** Where something is written; line and column 0 when unknown. */
    private record Position(String file, int line, int column) {
    }

    private void reasonTexts() {
        String file = folder.displayDirectory() + "/reasons.yaml";
        YamlPositions positions = YamlPositions.parse(readText(folder.directory().resolve("reasons.yaml")));
        for (String code : new TreeSet<>(folder.reasons().keySet())) {
            Map<String, String> texts = folder.reasons().get(code);
            List<String> missing = new ArrayList<>();
            for (Language language : Language.values()) {
                String text = texts == null ? null : texts.get(language.tag());
                if (text == null || text.isBlank()) {
                    missing.add(language.tag());
                }
            }
            YamlPositions.Position at = positions.at(JsonPointer.empty().appendProperty(code));
            if (!missing.isEmpty()) {
                warn("lint/reason-text-missing", file, at.line(), at.column(), "reason " + code + " has no text in " + String.join(", ", missing)
                        + ": the portal shows every reason in " + Language.tags());
            }
            // A service may give its own text to an engine code (MISSING_INPUT, ...), which the engine uses.
            if (!mentioned(code) && !ReasonTexts.engineReasons().containsKey(code)) {
                warn("lint/reason-unused", file, at.line(), at.column(), "reason " + code
                        + " is not used by any rule file; remove it or use it");
            }
        }
    }

    private boolean mentioned(String word) {
        Pattern pattern = Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])");
        return sources.stream().anyMatch(s -> pattern.matcher(s.code()).find());
    }

    private void reasonCodesUsed() {
        for (RuleSource source : sources) {
            for (Pattern pattern : List.of(DECIDES, REQUIRES)) {
                Matcher matcher = pattern.matcher(source.code());
                while (matcher.find()) {
                    String code = matcher.group(1);
                    // A decision table's template cell ("$param") is filled per row; the rows are checked.
                    if (code.isEmpty() || code.contains("$") || folder.reasons().containsKey(code)
                            || ReasonTexts.engineReasons().containsKey(code)) {
                        continue;
                    }
                    List<String> nearest = nearest(code, folder.reasons().keySet(), 1);
                    error("lint/reason-unknown", source, matcher.start(1), code, "reason code " + code + " is not in reasons.yaml"
                            + (nearest.isEmpty() ? "" : " (did you mean " + nearest.get(0) + "?)")
                            + "; add its text in " + Language.tags());
                }
            }
        }
    }

    private void parameters() {
        List<String> read = new ArrayList<>();
        for (RuleSource source : sources) {
            Matcher matcher = READS_PARAMETER.matcher(source.code());
            while (matcher.find()) {
                String id = matcher.group(1);
                read.add(id);
                if (!id.contains("$") && !folder.parameters().contains(id)) {
                    error("lint/parameter-unknown", source, matcher.start(1), id, "parameter '" + id + "' does not exist for this service"
                            + " (nearest: " + String.join(", ", nearest(id, folder.parameters().ids(), 3))
                            + "); a service reads the shared parameters/*.yaml and its own parameters.yaml");
                }
            }
            if (READS_BCA.matcher(source.code()).find()) {
                read.add("bca");
            }
        }
        Path ownFile = folder.directory().resolve("parameters.yaml");
        if (!Files.exists(ownFile)) {
            return;
        }
        String yaml = readText(ownFile);
        YamlPositions positions = YamlPositions.parse(yaml);
        List<String> ids = ownParameterIds(yaml);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && !read.contains(id)) {
                YamlPositions.Position at = positions.at("/" + i + "/id");
                warn("lint/parameter-unread", folder.displayDirectory() + "/parameters.yaml", at.line(), at.column(),
                        "parameter '" + id + "' is not read by any rule (params.value(\"" + id + "\"))");
            }
        }
    }

    /** The ids of the file's parameters in order, {@code null} for one without. */
    private static List<String> ownParameterIds(String yaml) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode root = Json.YAML.readTree(yaml);
            if (root != null && root.isArray()) {
                root.forEach(series -> ids.add(series.hasNonNull("id") ? series.get("id").asText() : null));
            }
        } catch (IOException e) {
            // The catalog has read this file already; were it broken, the service would not have compiled.
        }
        return ids;
    }

    private void formInputs() {
        String file = folder.displayDirectory() + "/service.yaml";
        YamlPositions positions = YamlPositions.parse(readText(folder.directory().resolve("service.yaml")));
        List<ServiceDescriptor.Input> inputs = service.descriptor().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            ServiceDescriptor.Input input = inputs.get(i);
            if (input.path() == null || !input.path().startsWith("form.")) {
                continue;
            }
            String field = input.path().substring("form.".length());
            String capitalised = field.isEmpty() ? field
                    : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
            Pattern reads = Pattern.compile("\\b(?:" + Pattern.quote(field) + "|(?:get|is)"
                    + Pattern.quote(capitalised) + ")\\b");
            if (sources.stream().noneMatch(s -> reads.matcher(s.bare()).find())) {
                YamlPositions.Position at = positions.at("/inputs/" + i + "/path");
                warn("lint/input-unread", file, at.line(), at.column(), "input " + input.path()
                        + " is declared but no rule reads it; the portal would ask citizens for nothing");
            }
        }
    }

    private void literalAmounts() {
        for (RuleSource source : sources) {
            if (!source.isDrl()) {
                continue;
            }
            String bare = source.bare();
            Matcher matcher = NUMBER.matcher(bare);
            while (matcher.find()) {
                String digits = matcher.group(1).replace("_", "");
                int lineStart = bare.lastIndexOf('\n', matcher.start() - 1) + 1;
                if (digits.length() < AMOUNT_DIGITS
                        || SALIENCE.matcher(bare.substring(lineStart, matcher.start())).find()) {
                    continue;
                }
                int[] at = source.at(matcher.start(), "");
                warn("lint/literal-amount", source.display(), at[0], at[1],
                        "literal number " + matcher.group() + " looks like an amount: amounts change by decree, so"
                                + " read them from a dated parameter with params.value(\"...\")");
            }
        }
    }

    private void testCases() {
        try {
            if (TestSuiteReader.read(folder).isEmpty()) {
                warn("lint/no-test-cases", folder.displayDirectory() + "/service.yaml", 1, 1,
                        "the service has no test cases;"
                        + " add tests/cases.yaml with a base application and cases that say what to expect");
            }
        } catch (RulesException e) {
            if (e.diagnostics().isEmpty()) {
                found.add(Diagnostic.error(folder.displayDirectory() + "/tests", 0, 0, e.getMessage())
                        .withCode("test-file"));
            } else {
                found.addAll(e.diagnostics());
            }
        }
    }

    private void unloadedFiles() {
        for (Path file : folder.otherFiles()) {
            String name = file.getFileName().toString();
            if (DECISION_TABLE_LIKE.matcher(name).matches()) {
                warn("lint/file-not-loaded", folder.display(file), 1, 1,
                        "Drools ignores decision tables unless named *.drl.csv,"
                        + " *.drl.xls or *.drl.xlsx: rename " + name + " to " + decisionTableName(name)
                        + " if it holds rules, or move it out of the service folder");
            } else {
                warn("lint/file-not-loaded", folder.display(file), 1, 1,
                        "nothing loads this file: a service folder holds service.yaml,"
                        + " reasons.yaml, parameters.yaml, README.md, rule files (*.drl, *.drl.csv, *.drl.xls,"
                        + " *.drl.xlsx) and tests/*.yaml");
            }
        }
    }

    /** {@code rates.csv} becomes {@code rates.drl.csv}; {@code Rates.DRL.CSV} becomes {@code Rates.drl.csv}. */
    private static String decisionTableName(String name) {
        int dot = name.lastIndexOf('.');
        String base = name.substring(0, dot);
        if (base.toLowerCase(Locale.ROOT).endsWith(".drl")) {
            base = base.substring(0, base.length() - 4);
        }
        return base + ".drl." + name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The nearest of {@code known}, ignoring case: reason codes are upper case, NearestIds compares lower. */
    private static List<String> nearest(String wanted, Collection<String> known, int count) {
        Map<String, String> byLower = new LinkedHashMap<>();
        new TreeSet<>(known).forEach(k -> byLower.putIfAbsent(k.toLowerCase(Locale.ROOT), k));
        return NearestIds.nearest(wanted, new ArrayList<>(byLower.keySet()), count).stream()
                .map(byLower::get).toList();
    }

    private void warn(String code, String file, int line, int column, String message) {
        found.add(Diagnostic.warning(file, line, column, message).withCode(code));
    }

    private void error(String code, RuleSource source, int offset, String token, String message) {
        int[] at = source.at(offset, token);
        found.add(Diagnostic.error(source.display(), at[0], at[1], message).withCode(code));
    }

    private static String readText(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
