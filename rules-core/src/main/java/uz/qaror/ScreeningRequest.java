package uz.qaror;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to screen: a household as the state knows it, the date, and which services. The household is JSON shaped
 * like the parts of an application that describe people rather than a request:
 *
 * <pre>{@code
 * {"id": "HH-1",                                   optional, up to 60 characters
 *  "channel": "web",                               optional: web (default), mobile or center
 *  "applicant": {"pinfl": "...", "birthDate": "...", "sex": "F", ...},
 *  "household": {"members": [...], "properties": [...], "vehicles": [...], "bankBalance": 0},
 *  "documents": [{"type": "medical-certificate", ...}],
 *  "form": {"spouseBirthDate": "...", ...},      answers already known, by name; each service gets those it asks
 *  "forms": {"driving-licence-replacement": {"reason": "lost"}}}   answers known for one service, over "form"
 * }</pre>
 *
 * Immutable: the builder copies the JSON.
 */
public final class ScreeningRequest {

    private final JsonNode household;
    private final LocalDate asOf;
    private final List<String> services;
    private final String lifeEvent;

    private ScreeningRequest(Builder builder) {
        this.household = builder.household.deepCopy();
        this.asOf = builder.asOf;
        this.services = List.copyOf(builder.services);
        this.lifeEvent = builder.lifeEvent;
    }

    /**
     * A request for every service of the catalog, as of today in Tashkent.
     *
     * @param household the household's JSON (copied)
     * @return the request
     * @throws NullPointerException when {@code household} is null
     */
    public static ScreeningRequest of(JsonNode household) {
        return builder().household(household).build();
    }

    /** {@return a builder of requests: every service of the catalog, as of today, until told otherwise} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a copy of the household's JSON} */
    public JsonNode household() {
        return household.deepCopy();
    }

    /** The household's JSON itself, for the engine, which never changes it. */
    JsonNode householdNode() {
        return household;
    }

    /** {@return the screening date, or {@code null} for today in Tashkent} */
    public LocalDate asOf() {
        return asOf;
    }

    /** {@return the ids of the services to screen; empty for every service of the catalog} */
    public List<String> services() {
        return services;
    }

    /**
     * {@return the life event whose services alone are screened ({@code lifeEvent} of their descriptors), or
     * {@code null} for all}
     */
    public String lifeEvent() {
        return lifeEvent;
    }

    /** Builds requests; by default every service of the catalog, as of today. */
    public static final class Builder {
        private JsonNode household;
        private LocalDate asOf;
        private final List<String> services = new ArrayList<>();
        private String lifeEvent;

        private Builder() {
        }

        /**
         * Sets the household (required).
         *
         * @param household the household's JSON, copied when the request is built
         * @return this builder
         * @throws NullPointerException when {@code household} is null
         */
        public Builder household(JsonNode household) {
            this.household = Objects.requireNonNull(household, "household");
            return this;
        }

        /**
         * Screens as of this date instead of today: ages, parameters and dated rules of that day.
         *
         * @param date the screening date; {@code null} for today in Tashkent
         * @return this builder
         */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /**
         * Screens only these services; every service when none is given.
         *
         * @param ids ids of the catalog's services; an unknown one makes the household's result a problem
         * @return this builder
         */
        public Builder services(Collection<String> ids) {
            services.clear();
            services.addAll(ids);
            return this;
        }

        /**
         * Screens only the services of this life event.
         *
         * @param lifeEvent a descriptor's {@code lifeEvent}, such as {@code family} or {@code old-age}; {@code null}
         *                  for every service
         * @return this builder
         */
        public Builder lifeEvent(String lifeEvent) {
            this.lifeEvent = lifeEvent;
            return this;
        }

        /**
         * {@return the request, immutable}
         *
         * @throws NullPointerException when no household was given
         */
        public ScreeningRequest build() {
            Objects.requireNonNull(household, "household");
            return new ScreeningRequest(this);
        }
    }
}
