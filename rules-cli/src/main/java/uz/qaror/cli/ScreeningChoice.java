package uz.qaror.cli;

import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import uz.qaror.tools.screen.ScreeningOptions;

/** Which services the screening commands screen: those named, or those of a life event; all by default. */
final class ScreeningChoice {

    @Option(names = "--services", paramLabel = "ID", split = ",",
            description = "Only these services (comma-separated ids); default all.")
    List<String> services;

    @Option(names = "--life-event", paramLabel = "EVENT",
            description = "Only the services of this life event (family, old-age, education, ...).")
    String lifeEvent;

    /** The options on a date, after checking that every service named exists (a usage error otherwise). */
    ScreeningOptions options(CommandSpec spec, List<String> known, LocalDate date) {
        if (services != null) {
            KnownServices.check(spec, known, services);
        }
        return new ScreeningOptions(date, services, lifeEvent);
    }
}
