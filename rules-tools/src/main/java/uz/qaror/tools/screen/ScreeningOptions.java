package uz.qaror.tools.screen;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.ScreeningRequest;

/**
 * How every household of a run is screened: the date (so that a population is judged on one day, not on the day
 * each record happens to be read), and the services or life event chosen. Serializable, so that a Spark job can
 * ship it to its executors.
 *
 * @param asOf      the screening date; {@code null} for today
 * @param services  the services to screen; empty for all
 * @param lifeEvent only the services of this life event, or {@code null}
 */
public record ScreeningOptions(LocalDate asOf, List<String> services, String lifeEvent) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ScreeningOptions {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** Every service, as of a date. */
    public static ScreeningOptions asOf(LocalDate date) {
        return new ScreeningOptions(date, List.of(), null);
    }

    /** The same options on another date. */
    public ScreeningOptions on(LocalDate date) {
        return new ScreeningOptions(date, services, lifeEvent);
    }

    public ScreeningRequest request(JsonNode household) {
        return ScreeningRequest.builder().household(household).asOf(asOf).services(services).lifeEvent(lifeEvent)
                .build();
    }
}
