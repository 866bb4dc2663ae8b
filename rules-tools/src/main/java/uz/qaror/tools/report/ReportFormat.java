package uz.qaror.tools.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forms {@code qaror check} and {@code qaror test} print their results in. */
public enum ReportFormat {
    /** For people: one line per finding or failed case, then a summary. */
    TEXT,
    /** For programs: one JSON document (schemas in docs/). */
    JSON,
    /** SARIF 2.1.0, which editors and code-scanning services read (check only). */
    SARIF,
    /** JUnit XML, which CI servers display (test only). */
    JUNIT;

    /**
     * @throws IllegalArgumentException naming the formats allowed
     */
    public static ReportFormat parse(String text, List<ReportFormat> allowed) {
        for (ReportFormat format : allowed) {
            if (format.name().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; use "
                + allowed.stream().map(ReportFormat::label).collect(Collectors.joining(", ")));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The labels of the formats, for help texts: {@code text|json|sarif}. */
    public static String labels(ReportFormat... formats) {
        return Arrays.stream(formats).map(ReportFormat::label).collect(Collectors.joining("|"));
    }
}
