package uz.qaror.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uz.qaror.Failure;
import uz.qaror.Outcome;
import uz.qaror.tools.batch.BatchSummary;

/** A batch summary for people: totals and the automation rate, then aligned tables of outcomes and errors. */
final class SummaryText {

    private SummaryText() {
    }

    static String render(BatchSummary summary, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        long now = summary.records() - summary.earlier();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d records: %,d decisions, %,d errors", summary.records(),
                summary.decisions(), summary.errors()));
        if (summary.earlier() > 0) {
            out.append(String.format(Locale.ROOT, " (%,d written before the resume)", summary.earlier()));
        }
        out.append(String.format(Locale.ROOT, "; %,d decided in %.1f s (%,.0f/s)%n", now, seconds, now / seconds));
        out.append(String.format(Locale.ROOT, "automation rate: %.1f%% (target %.0f%%)%n",
                summary.automationRate() * 100, BatchSummary.AUTOMATION_TARGET * 100));
        if (!summary.byService().isEmpty()) {
            List<String> header = new ArrayList<>(List.of("service"));
            for (Outcome outcome : Outcome.values()) {
                header.add(outcome.name());
            }
            header.add("total");
            List<List<String>> rows = new ArrayList<>();
            summary.byService().forEach((service, counts) -> rows.add(row(TerminalText.escape(service), counts)));
            rows.add(row("all", summary.byOutcome()));
            out.append(System.lineSeparator()).append(Table.render(header, rows, true)).append(System.lineSeparator());
        }
        if (summary.errors() > 0) {
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<Failure.Kind, Long> entry : new java.util.TreeMap<>(summary.errorsByKind()).entrySet()) {
                rows.add(List.of(entry.getKey().name(), number(entry.getValue())));
            }
            out.append(System.lineSeparator()).append(Table.render(List.of("error", "records"), rows, true))
                    .append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }

    private static List<String> row(String name, Map<Outcome, Long> counts) {
        List<String> row = new ArrayList<>(List.of(name));
        long total = 0;
        for (Outcome outcome : Outcome.values()) {
            long count = counts.getOrDefault(outcome, 0L);
            total += count;
            row.add(number(count));
        }
        row.add(number(total));
        return row;
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
