package uz.qaror;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a service folder's {@code service.yaml} says about the service: its names, agency, legal basis, fee,
 * legal deadline and the inputs its rules read. Immutable; read by the engine, listed by {@code qaror services}.
 * A list or map the file leaves out is empty, never {@code null}; other fields left out are {@code null}.
 *
 * @param id           the stable catalog id, e.g. {@code marriage-registration}
 * @param portalId     the my.gov.uz service number, where known
 * @param names        the service's name by language tag ({@code uz}, {@code uz-Cyrl}, {@code ru}, {@code en})
 * @param agency       the agency that owns the service
 * @param lifeEvent    the life event the portal files the service under, such as {@code family}
 * @param channels     where one may apply: {@code web}, {@code mobile}, {@code center}
 * @param automatic    whether the law lets the service be decided without an officer; when not, an approval or
 *                     rejection by the rules becomes a referral
 * @param legalBasis   the acts the service rests on
 * @param verification how well the facts are confirmed: V confirmed, P partly, E estimate to check on lex.uz
 * @param unverified   the facts still to check, one sentence each
 * @param regimes      the legal regimes of the service in date order, where the law changed
 * @param fee          the fee schedule, or {@code null} when the service is free
 * @param deadline     the legal deadline of the decision, or {@code null} when there is none
 * @param inputs       the inputs the rules read
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDescriptor(
        String id,
        Integer portalId,
        Map<String, String> names,
        Agency agency,
        String lifeEvent,
        List<String> channels,
        boolean automatic,
        List<String> legalBasis,
        String verification,
        List<String> unverified,
        List<Regime> regimes,
        FeeSchedule fee,
        Deadline deadline,
        List<Input> inputs) {

    /**
     * Creates a descriptor, as read from {@code service.yaml}.
     *
     * @param id           see {@link #id()}
     * @param portalId     see {@link #portalId()}
     * @param names        see {@link #names()}
     * @param agency       see {@link #agency()}
     * @param lifeEvent    see {@link #lifeEvent()}
     * @param channels     see {@link #channels()}
     * @param automatic    see {@link #automatic()}
     * @param legalBasis   see {@link #legalBasis()}
     * @param verification see {@link #verification()}
     * @param unverified   see {@link #unverified()}
     * @param regimes      see {@link #regimes()}
     * @param fee          see {@link #fee()}
     * @param deadline     see {@link #deadline()}
     * @param inputs       see {@link #inputs()}
     * @throws IllegalArgumentException when the regimes are not in date order, overlap, or leave a gap in their
     *                                  dates open (any but the last without a {@code to}, any but the first
     *                                  without a {@code from})
     */
    public ServiceDescriptor {
        names = names == null ? Map.of() : Map.copyOf(names);
        channels = channels == null ? List.of() : List.copyOf(channels);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        for (int i = 1; i < regimes.size(); i++) {
            Regime earlier = regimes.get(i - 1);
            Regime later = regimes.get(i);
            if (earlier.to() == null) {
                throw new IllegalArgumentException("regime " + i + " has no 'to' date, yet regime " + (i + 1)
                        + " follows it: give regime " + i + " its last day");
            }
            if (later.from() == null) {
                throw new IllegalArgumentException("regime " + (i + 1) + " has no 'from' date; only the first "
                        + "regime may leave it out");
            }
            if (!later.from().isAfter(earlier.to())) {
                throw new IllegalArgumentException("regime " + (i + 1) + " starts on " + later.from()
                        + ", not after regime " + i + " ends on " + earlier.to()
                        + ": regimes follow each other in date order without overlapping");
            }
        }
    }

    /**
     * The service's name in a language.
     *
     * @param language the language wanted
     * @return the name in that language, else in Uzbek Latin, else the id
     */
    public String name(Language language) {
        String name = names.get(language.tag());
        return name != null ? name : names.getOrDefault(Language.UZ.tag(), id);
    }

    /**
     * One legal regime of the service and the days it governs, both included ({@code from} empty: since before
     * the catalog's dates; {@code to} empty: still in force). The rules carry the same dates as
     * {@code date-effective}/{@code date-expires} or dated parameters; this entry says so to people.
     *
     * @param from         the first day of the regime, or {@code null} for since before the catalog's dates
     * @param to           the last day of the regime, or {@code null} while it is in force
     * @param act          the acts of this regime
     * @param verification V, P or E, as for the service
     * @param summary      what decides under this regime, in a sentence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regime(java.time.LocalDate from, java.time.LocalDate to, String act, String verification,
                         String summary) {
        /**
         * Creates a regime.
         *
         * @param from         see {@link #from()}
         * @param to           see {@link #to()}
         * @param act          see {@link #act()}
         * @param verification see {@link #verification()}
         * @param summary      see {@link #summary()}
         * @throws IllegalArgumentException when it ends before it starts
         */
        public Regime {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a regime ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /**
     * The agency that owns the service.
     *
     * @param id    the agency's stable id, such as {@code minjust}
     * @param names the agency's name by language tag; empty when the file gives none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agency(String id, Map<String, String> names) {
        /**
         * Creates an agency; a {@code null} map of names becomes empty.
         *
         * @param id    see {@link #id()}
         * @param names see {@link #names()}
         */
        public Agency {
            names = names == null ? Map.of() : Map.copyOf(names);
        }

        /**
         * The agency's name in a language.
         *
         * @param language the language wanted
         * @return the name in that language, else in English, else the id
         */
        public String name(Language language) {
            String name = names.get(language.tag());
            return name != null ? name : names.getOrDefault("en", id);
        }
    }

    /**
     * The fee: components charged on every application (with a lower rate online where the law gives one) and
     * options a rule may add with {@code decision.charge("...")}, all in BCA.
     *
     * @param legalBasis the act that sets the fee
     * @param components what every application is charged; empty when the file gives none
     * @param options    what a rule may add; empty when the file gives none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeeSchedule(String legalBasis, List<FeeComponent> components, List<FeeComponent> options) {
        /**
         * Creates a schedule; a {@code null} list becomes empty.
         *
         * @param legalBasis see {@link #legalBasis()}
         * @param components see {@link #components()}
         * @param options    see {@link #options()}
         */
        public FeeSchedule {
            components = components == null ? List.of() : List.copyOf(components);
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /**
     * A fee component in BCA; {@code onlineBca} applies to web and mobile applications when set; its own
     * {@code legalBasis} where it rests on another act (or another label) than the schedule as a whole.
     *
     * @param code       the component's code, such as {@code state-duty}
     * @param bca        the rate in BCA
     * @param onlineBca  the rate in BCA for web and mobile applications, or {@code null} when there is no other
     * @param legalBasis the act that sets this component, or {@code null} when it is the schedule's
     * @param names      the component's name by language tag; empty when the file gives none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeeComponent(String code, BigDecimal bca, BigDecimal onlineBca, String legalBasis,
                               Map<String, String> names) {
        /**
         * Creates a component; a {@code null} map of names becomes empty.
         *
         * @param code       see {@link #code()}
         * @param bca        see {@link #bca()}
         * @param onlineBca  see {@link #onlineBca()}
         * @param legalBasis see {@link #legalBasis()}
         * @param names      see {@link #names()}
         */
        public FeeComponent {
            names = names == null ? Map.of() : Map.copyOf(names);
        }

        /**
         * The rate for an application on a channel.
         *
         * @param online whether the application came through the portal or its app
         * @return {@code onlineBca} online where set, else {@code bca}, in BCA
         */
        public BigDecimal rate(boolean online) {
            return online && onlineBca != null ? onlineBca : bca;
        }
    }

    /**
     * The legal deadline for the decision, counted from the submission date. One of the three counts is set;
     * where several are, working days count first, then days, then months.
     *
     * @param workingDays working days (weekends and the catalog's public holidays skipped), or {@code null}
     * @param days        calendar days, or {@code null}
     * @param months      calendar months, or {@code null}
     * @param legalBasis  the act that sets the deadline
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deadline(Integer workingDays, Integer days, Integer months, String legalBasis) {
    }

    /**
     * An input the rules read: a path ({@code applicant.birthDate}, {@code household.members},
     * {@code form.spouseBirthDate}, {@code documents.medical-certificate}), its type for {@code form.*} inputs
     * ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code date}, {@code enum}, or an
     * identifier: {@code pinfl}, {@code stir}, {@code passport}, {@code phone}, {@code soato}, which the engine
     * checks as it checks the applicant's own), and whether the application is incomplete without it.
     *
     * @param path     where the input is in the application
     * @param type     the type of a {@code form.*} input, which must have one; unused (usually {@code null}) for
     *                 other inputs
     * @param required whether the application is incomplete without it
     * @param values   the allowed values of an {@code enum} input; empty for other types
     * @param labels   what the input is, by language tag, for the reason that asks for it; empty when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(String path, String type, boolean required, List<String> values,
                        Map<String, String> labels) {
        /**
         * Creates an input; a {@code null} list or map becomes empty.
         *
         * @param path     see {@link #path()}
         * @param type     see {@link #type()}
         * @param required see {@link #required()}
         * @param values   see {@link #values()}
         * @param labels   see {@link #labels()}
         */
        public Input {
            values = values == null ? List.of() : List.copyOf(values);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /**
         * What the input is, in a language, for the reason that asks for it.
         *
         * @param language the language wanted
         * @return the label in that language, else in Uzbek Latin, else the path
         */
        public String label(Language language) {
            String label = labels.get(language.tag());
            return label != null ? label : labels.getOrDefault(Language.UZ.tag(), path);
        }
    }
}
