package uz.qaror.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.ServiceDescriptor;
import uz.qaror.tools.catalog.CatalogDocument;
import uz.qaror.tools.catalog.CatalogStats;
import uz.qaror.internal.json.Json;

/** {@code qaror services}: lists the catalog. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Lists the services of the catalog: id, portal number, agency, automatic or not, name.")
final class ServicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print the descriptors (or, with --stats, the figures) as JSON.")
    boolean json;

    @Option(names = "--stats", description = "Measure the catalog against the decree (PQ-308): services of 700, "
            + "share decided automatically against 65%%, share on mobile against 75%%, by agency.")
    boolean stats;

    @Option(names = "--markdown", description = "Print the catalog as the Markdown document docs/catalog.md: "
            + "each service with its sources and what remains unverified.")
    boolean markdown;

    @Override
    public Integer call() throws Exception {
        List<ServiceDescriptor> services = rules.engine().services();
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(CatalogDocument.markdown(services));
            out.flush();
            return Qaror.DONE;
        }
        if (stats) {
            CatalogStats figures = CatalogStats.of(services);
            out.println(json ? Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures)
                    : describe(figures));
            out.flush();
            return Qaror.DONE;
        }
        if (json) {
            out.println(Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(services));
        } else {
            out.println(Table.render(List.of("ID", "PORTAL", "AGENCY", "AUTO", "CHANNELS", "NAME"),
                    services.stream().map(s -> List.of(s.id(),
                            s.portalId() == null ? "-" : s.portalId().toString(),
                            s.agency() == null ? "-" : s.agency().id(),
                            s.automatic() ? "yes" : "no",
                            String.join(",", s.channels()),
                            s.name(language.language))).toList()));
            out.println(services.size() + " services");
        }
        out.flush();
        return Qaror.DONE;
    }

    private static String describe(CatalogStats stats) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        stats.byAgency().forEach((agency, row) -> rows.add(cells(agency, row)));
        rows.add(cells("total", stats.total()));
        return Table.render(List.of("AGENCY", "SERVICES", "AUTOMATIC", "MOBILE"), rows) + System.lineSeparator()
                + String.format(java.util.Locale.ROOT,
                "decree PQ-308: %d of %d services (%.1f%%); automatic %.1f%% (target %.0f%%); mobile %.1f%% "
                        + "(target %.0f%%)", stats.total().services(), CatalogStats.TARGET_SERVICES,
                100.0 * stats.total().services() / CatalogStats.TARGET_SERVICES,
                100 * stats.total().automaticShare(), 100 * CatalogStats.TARGET_AUTOMATIC,
                100 * stats.total().mobileShare(), 100 * CatalogStats.TARGET_MOBILE);
    }

    private static List<String> cells(String name, CatalogStats.Row row) {
        return List.of(name, Integer.toString(row.services()),
                String.format(java.util.Locale.ROOT, "%d (%.0f%%)", row.automatic(), 100 * row.automaticShare()),
                String.format(java.util.Locale.ROOT, "%d (%.0f%%)", row.mobile(), 100 * row.mobileShare()));
    }
}
