package uz.qaror.tools.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where something is written in a YAML file of the catalog. The YAML reader keeps no positions for what
 * it reads, and lint findings and test cases must point at a line the author can open.
 */
public final class YamlLines {

    private YamlLines() {
    }

    /** The line of the top-level key {@code key}, quoted or not; 1 when not found. */
    public static int topLevelKey(String yaml, String key) {
        return lineOf(yaml, Pattern.compile("(?m)^([\"']?)" + Pattern.quote(key) + "\\1\\s*:"));
    }

    /** The line of {@code key: value}, at any depth, the value quoted or not; 1 when not found. */
    public static int keyValue(String yaml, String key, String value) {
        return lineOf(yaml, Pattern.compile("(?m)\\b" + Pattern.quote(key) + "\\s*:\\s*([\"']?)"
                + Pattern.quote(value) + "\\1\\s*(?:[,}#]|$)"));
    }

    private static int lineOf(String yaml, Pattern pattern) {
        Matcher matcher = pattern.matcher(yaml);
        if (!matcher.find()) {
            return 1;
        }
        return (int) yaml.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
    }
}
