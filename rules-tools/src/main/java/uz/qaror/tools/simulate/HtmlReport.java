package uz.qaror.tools.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.text.StringEscapeUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.internal.run.LocalNumbers;

/**
 * The simulation report as one self-contained HTML page, drawn here rather than by a script in the page: tables
 * and inline SVG charts that read the same in a browser, in a mail reader that strips scripts, and in an archive.
 * It shows the outcome changes apart from the changes of an amount or the fee alone, writes numbers as the chosen
 * language does, and is written in that language.
 */
public final class HtmlReport {

    /** The changes listed on the page; the JSON report lists them all (up to --max-changes). */
    static final int CHANGES_SHOWN = 1000;
    private static final int BAR_WIDTH = 300;
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2733; max-width: 70rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
            .summary { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
            .figure { list-style: none; background: #f1f4f8; padding: .8rem 1.2rem; border-radius: 6px; }
            .figure b { display: block; font-size: 1.5rem; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; }
            td, th { border: 1px solid #c8d0da; padding: .3rem .6rem; text-align: left; }
            td.num { text-align: right; } td.same { background: #f1f4f8; color: #5a6675; }
            td.changed { background: #fde8c8; font-weight: bold; }
            .bar { fill: #2f6fb3; } .bar.after { fill: #d9822b; }
            code { background: #f1f4f8; padding: 0 .2rem; } .note { color: #5a6675; }
            """;

    private final ObjectNode report;
    private final Language language;
    private final StringBuilder out = new StringBuilder();

    private HtmlReport(ObjectNode report, Language language) {
        this.report = report;
        this.language = language;
    }

    /** The page for a report ({@link SimulationReport#toJson}), in a language. */
    public static String render(ObjectNode report, Language language) {
        return new HtmlReport(report, language).page();
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(text("title")).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(text("title")).append("</h1>\n");
        sides();
        summary();
        out.append("<h2>").append(text("transitions")).append("</h2>\n");
        out.append("<p>").append(text("matrixAll")).append(". <span class=\"note\">").append(text("matrixNote"))
                .append("</span></p>\n");
        matrix(report.path("transitions"));
        transitionList(report.path("transitions"));
        amounts();
        services();
        changes();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void sides() {
        out.append("<p>").append(text("baseline")).append(": <code>").append(escape(report.path("baseline")
                .asText())).append("</code>. ").append(text("candidate")).append(": <code>")
                .append(escape(report.path("candidate").asText())).append("</code>. ").append(text("asOf"))
                .append(": ").append(report.path("asOf").isNull() || report.path("asOf").isMissingNode()
                        ? text("eachDate") : escape(report.path("asOf").asText())).append(".</p>\n");
    }

    private void summary() {
        long records = report.path("records").asLong();
        long changed = report.path("changed").asLong();
        out.append("<ul class=\"summary\">\n");
        figure("applications", records, "records");
        figure("outcomeChanged", report.path("outcomeChanged").asLong(), "outcome-changed");
        figure("amountsOnly", report.path("amountsOnly").asLong(), "amounts-only");
        figure("unchanged", records - changed, "unchanged");
        out.append("</ul>\n");
    }

    private void figure(String label, long value, String name) {
        out.append("<li class=\"figure\"><b data-figure=\"").append(name).append("\">").append(count(value))
                .append("</b>").append(text(label)).append("</li>\n");
    }

    /** The outcomes before (rows) and after (columns); the diagonal is what keeps its outcome. */
    private void matrix(JsonNode transitions) {
        List<String> outcomes = outcomesOf(transitions);
        out.append("<table class=\"matrix\">\n<tr><th>").append(text("beforeAfter")).append("</th>");
        outcomes.forEach(o -> out.append("<th>").append(text(o)).append("</th>"));
        out.append("</tr>\n");
        for (String from : outcomes) {
            out.append("<tr><th>").append(text(from)).append("</th>");
            for (String to : outcomes) {
                long n = transitions.path(from).path(to).asLong();
                String kind = from.equals(to) ? "num same" : n > 0 ? "num changed" : "num";
                out.append("<td class=\"").append(kind).append("\">").append(count(n)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private void transitionList(JsonNode transitions) {
        List<String[]> moves = new ArrayList<>();
        transitions.fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> {
            if (!row.getKey().equals(cell.getKey()) && cell.getValue().asLong() > 0) {
                moves.add(new String[] {row.getKey(), cell.getKey(), cell.getValue().asText()});
            }
        }));
        if (moves.isEmpty()) {
            out.append("<p>").append(text("noTransitions")).append("</p>\n");
            return;
        }
        moves.sort(Comparator.comparingLong((String[] m) -> -Long.parseLong(m[2])));
        out.append("<ul class=\"transitions\">\n");
        for (String[] move : moves) {
            out.append("<li>").append(text(move[0])).append(" &rarr; ").append(text(move[1])).append(": <b>")
                    .append(count(Long.parseLong(move[2]))).append("</b></li>\n");
        }
        out.append("</ul>\n");
    }

    /** The changes of amounts and fees, per service and code, with their total difference. */
    private void amounts() {
        out.append("<h2>").append(text("amounts")).append("</h2>\n");
        List<String> rows = new ArrayList<>();
        report.path("services").fields().forEachRemaining(service -> service.getValue().path("amountChanges")
                .fields().forEachRemaining(change -> rows.add("<tr><td>" + escape(service.getKey()) + "</td><td>"
                        + codeLabel(change.getKey()) + "</td><td class=\"num\">"
                        + count(change.getValue().path("applications").asLong()) + "</td><td class=\"num\">"
                        + signed(change.getValue().path("totalDelta").decimalValue()) + " " + text("soum")
                        + "</td></tr>\n")));
        if (rows.isEmpty()) {
            out.append("<p>").append(text("noAmounts")).append("</p>\n");
            return;
        }
        out.append("<table class=\"amounts\">\n<tr><th>").append(text("service")).append("</th><th>")
                .append(text("amount")).append("</th><th>").append(text("changedApplications")).append("</th><th>")
                .append(text("totalDelta")).append("</th></tr>\n");
        rows.forEach(out::append);
        out.append("</table>\n");
    }

    private void services() {
        out.append("<h2>").append(text("byService")).append("</h2>\n");
        List<Map.Entry<String, JsonNode>> services = new ArrayList<>();
        report.path("services").fields().forEachRemaining(services::add);
        services.sort(Comparator.comparingLong((Map.Entry<String, JsonNode> s) -> -s.getValue().path("changed")
                .asLong()).thenComparing(Map.Entry::getKey));
        StringBuilder unchanged = new StringBuilder();
        for (Map.Entry<String, JsonNode> service : services) {
            JsonNode figures = service.getValue();
            if (figures.path("changed").asLong() == 0) {
                unchanged.append("<li>").append(escape(service.getKey())).append(" (").append(count(figures
                        .path("records").asLong())).append(")</li>\n");
                continue;
            }
            out.append("<section class=\"service\" data-service=\"").append(escape(service.getKey())).append("\">\n")
                    .append("<h3>").append(escape(service.getKey())).append("</h3>\n<ul class=\"summary\">\n");
            figure("applications", figures.path("records").asLong(), "records");
            figure("outcomeChanged", figures.path("outcomeChanged").asLong(), "outcome-changed");
            figure("amountsOnly", figures.path("amountsOnly").asLong(), "amounts-only");
            out.append("</ul>\n");
            chart(figures.path("transitions"));
            matrix(figures.path("transitions"));
            samples(figures.path("samples"));
            out.append("</section>\n");
        }
        if (unchanged.length() > 0) {
            out.append("<h3>").append(text("servicesUnchanged")).append("</h3>\n<ul>\n").append(unchanged)
                    .append("</ul>\n");
        }
    }

    /** Decisions by outcome now and proposed, as bars drawn in SVG. */
    private void chart(JsonNode transitions) {
        Map<String, long[]> totals = new TreeMap<>();
        transitions.fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> {
            totals.computeIfAbsent(row.getKey(), k -> new long[2])[0] += cell.getValue().asLong();
            totals.computeIfAbsent(cell.getKey(), k -> new long[2])[1] += cell.getValue().asLong();
        }));
        long max = Math.max(1, totals.values().stream().mapToLong(t -> Math.max(t[0], t[1])).max().orElse(1));
        int rowHeight = 34;
        int labelWidth = 170;
        int height = totals.size() * rowHeight + 24;
        out.append("<svg class=\"chart\" role=\"img\" width=\"").append(labelWidth + BAR_WIDTH + 80)
                .append("\" height=\"").append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>")
                .append(text("chart")).append("</title>\n");
        int y = 0;
        for (Map.Entry<String, long[]> total : totals.entrySet()) {
            out.append("<text x=\"0\" y=\"").append(y + 20).append("\" font-size=\"13\">").append(text(total.getKey()))
                    .append("</text>\n");
            bar("bar", labelWidth, y + 4, total.getValue()[0], max);
            bar("bar after", labelWidth, y + 17, total.getValue()[1], max);
            y += rowHeight;
        }
        out.append("<rect class=\"bar\" x=\"0\" y=\"").append(y + 6).append("\" width=\"12\" height=\"10\"/>")
                .append("<text x=\"16\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(text("baseline"))
                .append("</text>\n<rect class=\"bar after\" x=\"").append(labelWidth).append("\" y=\"").append(y + 6)
                .append("\" width=\"12\" height=\"10\"/><text x=\"").append(labelWidth + 16).append("\" y=\"")
                .append(y + 15).append("\" font-size=\"12\">").append(text("candidate")).append("</text>\n</svg>\n");
    }

    private void bar(String kind, int x, int y, long value, long max) {
        long width = Math.round((double) BAR_WIDTH * value / max);
        out.append("<rect class=\"").append(kind).append("\" x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"").append(width).append("\" height=\"12\"/><text x=\"").append(x + width + 6)
                .append("\" y=\"").append(y + 11).append("\" font-size=\"12\">").append(count(value))
                .append("</text>\n");
    }

    private void samples(JsonNode samples) {
        if (samples.isEmpty()) {
            return;
        }
        out.append("<p>").append(text("samples")).append(":</p>\n<ul>\n");
        samples.fields().forEachRemaining(transition -> {
            String[] sides = transition.getKey().split(" -> ");
            out.append("<li>").append(text(sides[0])).append(" &rarr; ")
                    .append(text(sides.length > 1 ? sides[1] : "")).append(":");
            transition.getValue().forEach(id -> out.append(" <code>").append(escape(id.asText())).append("</code>"));
            out.append("</li>\n");
        });
        out.append("</ul>\n");
    }

    private void changes() {
        out.append("<h2>").append(text("changes")).append("</h2>\n<table id=\"change-list\">\n<tr><th>")
                .append(text("record")).append("</th><th>").append(text("application")).append("</th><th>")
                .append(text("service")).append("</th><th>").append(text("before")).append("</th><th>")
                .append(text("after")).append("</th><th>").append(text("whatChanged")).append("</th></tr>\n");
        int shown = 0;
        for (JsonNode change : report.path("changes")) {
            if (shown++ == CHANGES_SHOWN) {
                break;
            }
            out.append("<tr><td class=\"num\">").append(change.path("record").asLong()).append("</td><td>")
                    .append(escape(change.path("applicationId").asText())).append("</td><td>")
                    .append(escape(change.path("service").asText())).append("</td><td>")
                    .append(text(change.path("before").asText())).append("</td><td>")
                    .append(text(change.path("after").asText())).append("</td><td>");
            List<String> amounts = new ArrayList<>();
            change.path("amounts").fields().forEachRemaining(a -> amounts.add(codeLabel(a.getKey()) + ": "
                    + LocalNumbers.format(a.getValue().path("before").decimalValue(), language) + " &rarr; "
                    + LocalNumbers.format(a.getValue().path("after").decimalValue(), language)));
            out.append(String.join("; ", amounts)).append("</td></tr>\n");
        }
        long listed = report.path("changesListed").asLong();
        long changed = report.path("changed").asLong();
        out.append("</table>\n<p class=\"note\">").append(text("listed")).append(": ").append(count(listed))
                .append(listed < changed ? " (" + text("of") + " " + count(changed) + ")" : "").append("; ")
                .append(text("shown")).append(": ").append(count(Math.min(listed, CHANGES_SHOWN))).append(".</p>\n");
    }

    /** The outcomes of a matrix in the order of the decision's strength, those it does not know last. */
    private static List<String> outcomesOf(JsonNode matrix) {
        TreeSet<String> outcomes = new TreeSet<>(Comparator.comparingInt(HtmlReport::rank)
                .thenComparing(Comparator.naturalOrder()));
        matrix.fields().forEachRemaining(row -> {
            outcomes.add(row.getKey());
            row.getValue().fieldNames().forEachRemaining(outcomes::add);
        });
        return new ArrayList<>(outcomes);
    }

    private static int rank(String outcome) {
        int rank = List.of("APPROVED", "REFERRED", "INCOMPLETE", "REJECTED", "ERROR").indexOf(outcome);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private String codeLabel(String code) {
        return code.equals("fee") ? text("fee") : "<code>" + escape(code) + "</code>";
    }

    private String count(long value) {
        return LocalNumbers.format(BigDecimal.valueOf(value), language);
    }

    private String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + LocalNumbers.format(value, language);
    }

    private String text(String key) {
        return escape(ReportLabels.get(key, language));
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
