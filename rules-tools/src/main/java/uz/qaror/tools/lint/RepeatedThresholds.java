package uz.qaror.tools.lint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uz.qaror.Diagnostic;
import uz.qaror.Language;
import uz.qaror.internal.build.DrlText;

/**
 * Finds a threshold written as a literal in the conditions of two or more rules of a service: an age limit, a
 * number of years, a multiple of a parameter. Rules that restate a limit (a rejection and the approval that
 * restates every condition) must change together, as must the reason texts that quote it; a change made in one
 * place decides inconsistently. Such a limit belongs in the service's {@code parameters.yaml}, read by every rule
 * with {@code params.value("...")} and passed to the texts as an argument.
 */
final class RepeatedThresholds {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)(?![\\w.])";
    /** A number compared with: {@code age < 18}, {@code 18 <= age}, or a multiple {@code params.times("x", 2.7)}. */
    private static final List<Pattern> THRESHOLDS = List.of(
            Pattern.compile("(?<![<>=!])(?:<=|>=|<|>)\\s*-?" + NUMBER),
            Pattern.compile("(?<![\\w.$])" + NUMBER + "\\s*(?:<=|>=|<(?!=)|>(?!=))"),
            Pattern.compile("\\bparams\\s*\\.\\s*times\\s*\\(\\s*\"[^\"\\n]*\"\\s*,\\s*" + NUMBER));

    /** Where a threshold is written: in which rule, at which line and column. */
    private record Use(RuleSource source, String rule, int line, int column) {
    }

    private RepeatedThresholds() {
    }

    /**
     * @param sources the service's DRL files (tables are left out: their rows differ in values by design)
     * @param reasons the service's reason texts, code to texts by language tag
     */
    static List<Diagnostic> find(List<RuleSource> sources, Map<String, Map<String, String>> reasons) {
        Map<BigDecimal, List<Use>> uses = new TreeMap<>();
        for (RuleSource source : sources) {
            if (source.isDrl()) {
                collect(source, uses);
            }
        }
        List<Diagnostic> found = new ArrayList<>();
        uses.forEach((value, places) -> {
            Set<String> rules = places.stream().map(Use::rule).collect(Collectors.toCollection(LinkedHashSet::new));
            if (rules.size() < 2) {
                return;
            }
            Use first = places.get(0);
            String where = places.stream().map(u -> "\"" + u.rule() + "\" (line " + u.line() + ")").distinct()
                    .collect(Collectors.joining(", "));
            List<String> texts = textsQuoting(value, reasons);
            found.add(Diagnostic.warning(first.source().display(), first.line(), first.column(),
                    "the threshold " + value.toPlainString() + " is written in " + rules.size() + " rules: " + where
                            + (texts.isEmpty() ? "" : ", and in the reason texts of " + String.join(", ", texts))
                            + "; a change made in one place and not the others decides inconsistently: make it a"
                            + " parameter of parameters.yaml, read with params.value(\"...\") in every rule"
                            + (texts.isEmpty() ? "" : " and passed to the texts as {name}"))
                    .withCode("lint/repeated-threshold"));
        });
        return found;
    }

    private static void collect(RuleSource source, Map<BigDecimal, List<Use>> uses) {
        String bare = source.bare();
        for (DrlText.Conditions conditions : source.conditions()) {
            Map<Integer, BigDecimal> found = new TreeMap<>();
            for (Pattern threshold : THRESHOLDS) {
                Matcher number = threshold.matcher(bare).region(conditions.start(), conditions.end());
                while (number.find()) {
                    found.putIfAbsent(number.start(1), new BigDecimal(number.group(1)));
                }
            }
            found.forEach((offset, value) -> {
                // 0 and 1 ("none", "at least one") are counts, not limits that change by decree.
                if (value.compareTo(BigDecimal.ONE) > 0) {
                    int[] at = source.at(offset, "");
                    uses.computeIfAbsent(value.stripTrailingZeros(), v -> new ArrayList<>())
                            .add(new Use(source, conditions.rule(), at[0], at[1]));
                }
            });
        }
    }

    /** The reason codes with a text that quotes the number, as {@code CODE (uz, en)}. */
    private static List<String> textsQuoting(BigDecimal value, Map<String, Map<String, String>> reasons) {
        Pattern number = Pattern.compile("(?<![\\d.,])" + Pattern.quote(value.toPlainString()) + "(?![\\d]|[.,]\\d)");
        Map<String, List<String>> quoting = new LinkedHashMap<>();
        new TreeMap<>(reasons).forEach((code, texts) -> {
            for (Language language : Language.values()) {
                String text = texts == null ? null : texts.get(language.tag());
                if (text != null && number.matcher(text).find()) {
                    quoting.computeIfAbsent(code, c -> new ArrayList<>()).add(language.tag());
                }
            }
        });
        return quoting.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .toList();
    }
}
