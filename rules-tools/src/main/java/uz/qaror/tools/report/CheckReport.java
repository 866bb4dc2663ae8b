package uz.qaror.tools.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Diagnostic;
import uz.qaror.internal.json.Json;

/**
 * What {@code qaror check} found, in each of its formats: text for people, JSON for programs
 * ({@code docs/check.schema.json}), SARIF 2.1.0 for editors and code-scanning services.
 *
 * @param rules       where the rules were read from
 * @param services    how many services were checked
 * @param diagnostics the errors and warnings, in the order found
 * @param strict      whether warnings fail the check too
 */
public record CheckReport(String rules, int services, List<Diagnostic> diagnostics, boolean strict) {

    /** SARIF's own schema, as files name it. */
    public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    public CheckReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }

    /** Whether the rules pass: no errors, and with {@code strict} no warnings either. */
    public boolean passed() {
        return errors() == 0 && !(strict && warnings() > 0);
    }

    /** The summary line of the text form. */
    public String summary() {
        return services + " services checked in " + rules + ": " + errors() + " errors, " + warnings() + " warnings"
                + (strict && warnings() > 0 ? " (--strict)" : "");
    }

    /**
     * The report in a format: {@link ReportFormat#TEXT}, {@link ReportFormat#JSON} or {@link ReportFormat#SARIF}.
     *
     * @param toolVersion the version of qaror, which SARIF records
     */
    public String render(ReportFormat format, String toolVersion) {
        return switch (format) {
            case TEXT -> text();
            case JSON -> write(json());
            case SARIF -> write(sarif(toolVersion));
            case JUNIT -> throw new IllegalArgumentException("check has no JUnit form");
        };
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        diagnostics.forEach(d -> text.append(d).append('\n'));
        return text.append(summary()).append('\n').toString();
    }

    private ObjectNode json() {
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("rules", rules);
        root.put("services", services);
        root.put("strict", strict);
        root.put("errors", errors());
        root.put("warnings", warnings());
        root.put("passed", passed());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode node = list.addObject();
            node.put("file", d.file());
            putPositive(node, "line", d.line());
            putPositive(node, "column", d.column());
            node.put("level", d.isError() ? "error" : "warning");
            node.put("code", d.code());
            node.put("message", d.message());
        }
        return root;
    }

    private ObjectNode sarif(String toolVersion) {
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "qaror");
        driver.put("version", toolVersion);
        Set<String> codes = new TreeSet<>();
        diagnostics.forEach(d -> codes.add(ruleId(d)));
        ArrayNode rulesNode = driver.putArray("rules");
        codes.forEach(code -> rulesNode.addObject().put("id", code));
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", ruleId(d));
            result.put("level", d.isError() ? "error" : "warning");
            result.putObject("message").put("text", d.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(d.file()));
            if (d.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", d.line());
                if (d.column() > 0) {
                    region.put("startColumn", d.column());
                }
            }
        }
        return root;
    }

    /** A finding's kind; one of no particular kind is an error or a warning of the rules. */
    private static String ruleId(Diagnostic d) {
        return d.code() != null ? d.code() : d.isError() ? "rules/error" : "rules/warning";
    }

    /** A file as a URI: relative to where qaror ran when its name is, else absolute. */
    private static String uri(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file name: " + file, e);
        }
    }

    private static void putPositive(ObjectNode node, String name, int value) {
        if (value > 0) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    static String write(ObjectNode node) {
        try {
            return Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always serialisable", e);
        }
    }
}
