package uz.qaror.internal.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import uz.qaror.Problem;
import uz.qaror.facts.Applicant;
import uz.qaror.facts.Application;
import uz.qaror.facts.Document;
import uz.qaror.facts.Household;
import uz.qaror.facts.Member;
import uz.qaror.facts.Property;
import uz.qaror.facts.Vehicle;
import uz.qaror.internal.build.CompiledService;

/**
 * Reads an application's JSON into facts, checking it against the service's schema and the identifiers'
 * own rules (PINFL check digit and the birth date and sex it encodes, phone, passport, STIR, SOATO). Every
 * problem is collected, not only the first; required inputs that are absent are listed as missing.
 */
public final class ApplicationReader {

    /** Uzbekistan's time: a submission timestamp without an offset is read in it. */
    public static final ZoneOffset TASHKENT = ZoneOffset.ofHours(5);

    /** The clock plausible dates are judged by (a submission may not lie in the future). */
    private static final Clock CLOCK = Clock.systemUTC();

    private final CompiledService service;
    private final List<Problem> problems = new ArrayList<>();
    /** The day of submission in Tashkent (today when there is none), which births and issues may not follow. */
    private LocalDate submissionDay;

    private ApplicationReader(CompiledService service) {
        this.service = service;
    }

    /**
     * The day it was in Tashkent at {@code instant}: the same as going through {@code atZoneSameInstant}, without
     * making the zone's rules and a zoned date-time for every application (twice: reading it and deciding it).
     */
    public static LocalDate dayInTashkent(OffsetDateTime instant) {
        return instant.withOffsetSameInstant(TASHKENT).toLocalDate();
    }

    /** The parsed application, or the problems that keep it from being decided. */
    public static Outcome read(JsonNode root, CompiledService service, LocalDate asOf) {
        return read(root, service, asOf, false);
    }

    /**
     * The same, of a tree that the service's schema has already vouched for when {@code schemaChecked} (as it was
     * built: {@link TreeSchema}), which is then not checked again.
     */
    public static Outcome read(JsonNode root, CompiledService service, LocalDate asOf, boolean schemaChecked) {
        return new ApplicationReader(service).parse(root, asOf, schemaChecked);
    }

    /** Either facts to decide on or problems. */
    public record Outcome(ParsedApplication application, List<Problem> problems) {
    }

    /**
     * Where a value of the application is: an object ({@code applicant}, {@code form}) or an item of an array
     * ({@code household.members[2]}, index 2). A field's path is written out only for a problem: most applications
     * have none, and a path written for every person's every field was a tenth of reading an application's bytes.
     */
    private record Place(String path, int index) {
        static final Place APPLICANT = new Place("applicant", -1);
        static final Place FORM = new Place("form", -1);

        static Place item(String array, int index) {
            return new Place(array, index);
        }

        String of(String field) {
            return index < 0 ? path + "." + field : path + "[" + index + "]." + field;
        }
    }

    private Outcome parse(JsonNode root, LocalDate asOf, boolean schemaChecked) {
        // Most applications are valid: a yes/no check is much cheaper than collecting every message, which only an
        // invalid application needs.
        if (!schemaChecked && !service.schema().isValid(root)) {
            for (ValidationMessage message : service.schema().messages(root)) {
                problems.add(SchemaMessages.toProblem(message));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        OffsetDateTime submittedAt = parseTimestamp(root.path("submittedAt").asText());
        if (submittedAt != null) {
            Optional<String> implausible = PlausibleDates.submissionProblem(submittedAt, CLOCK);
            if (implausible.isPresent()) {
                problems.add(new Problem("submittedAt", implausible.get()));
                return new Outcome(null, List.copyOf(problems));
            }
        }
        submissionDay = submittedAt == null ? LocalDate.now(TASHKENT)
                : dayInTashkent(submittedAt);
        LocalDate date = asOf != null ? asOf : submissionDay;
        String channel = root.path("channel").asText("web");
        Application application = new Application(root.path("id").asText(), root.path("service").asText(),
                submittedAt, date, channel);

        JsonNode applicantNode = root.path("applicant");
        Applicant applicant = readApplicant(applicantNode, date);
        List<Member> members = new ArrayList<>();
        JsonNode membersNode = root.path("household").path("members");
        for (int i = 0; i < membersNode.size(); i++) {
            members.add(readMember(membersNode.get(i), Place.item("household.members", i), date));
        }
        List<Vehicle> vehicles = new ArrayList<>();
        JsonNode vehiclesNode = root.path("household").path("vehicles");
        for (int i = 0; i < vehiclesNode.size(); i++) {
            JsonNode vehicle = vehiclesNode.get(i);
            Place place = Place.item("household.vehicles", i);
            Integer year = intOrNull(vehicle, "year", place);
            if (year != null) {
                Optional<String> implausible = PlausibleDates.vehicleYearProblem(year, CLOCK);
                if (implausible.isPresent()) {
                    problems.add(new Problem(place.of("year"), implausible.get()));
                    year = null;
                }
            }
            vehicles.add(new Vehicle(vehicle.path("kind").asText(), year, year == null ? null : date.getYear() - year));
        }
        List<Property> properties = new ArrayList<>();
        for (JsonNode property : root.path("household").path("properties")) {
            properties.add(new Property(property.path("kind").asText()));
        }
        List<Document> documents = new ArrayList<>();
        JsonNode documentsNode = root.path("documents");
        for (int i = 0; i < documentsNode.size(); i++) {
            JsonNode document = documentsNode.get(i);
            documents.add(new Document(document.path("type").asText(), textOrNull(document, "number"),
                    date(document, "issuedOn", Place.item("documents", i),
                            (issued, submission) -> PlausibleDates.issueProblem(issued, CLOCK))));
        }
        Map<String, Object> form = readForm(root.path("form"));
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        Household household = household(applicant, members, vehicles, properties, root.path("household"));
        List<String> missing = missing(root, applicant, documents, form);
        return new Outcome(new ParsedApplication(application, applicant, household, members, vehicles, properties,
                documents, form, missing), List.of());
    }

    private Applicant readApplicant(JsonNode node, LocalDate date) {
        Person person = readPerson(node, Place.APPLICANT, date);
        String soato = textOrNull(node.path("address"), "soato");
        check(soato, "applicant.address.soato", Identifiers::soatoProblem);
        String phone = checked(textOrNull(node, "phone"), "applicant.phone", IdentifierType.PHONE);
        String passport = textOrNull(node, "passport");
        check(passport, "applicant.passport", Identifiers::passportProblem);
        String stir = textOrNull(node, "stir");
        check(stir, "applicant.stir", Identifiers::stirProblem);
        return new Applicant(person.pinfl(), person.birthDate(), person.age(), person.sex(),
                textOrNull(node, "citizenship"), intOrNull(node, "disabilityGroup", Place.APPLICANT),
                soato, phone, passport, stir, decimalOrNull(node, "monthlyIncome"),
                intOrNull(node, "serviceYears", Place.APPLICANT));
    }

    private Member readMember(JsonNode node, Place place, LocalDate date) {
        Person person = readPerson(node, place, date);
        return new Member(person.pinfl(), person.birthDate(), person.age(), person.sex(),
                textOrNull(node, "citizenship"), intOrNull(node, "disabilityGroup", place),
                node.path("relation").asText(),
                decimalOrNull(node, "monthlyIncome"), node.path("employed").asBoolean(false),
                node.path("servesInMilitary").asBoolean(false));
    }

    /** What the applicant and each member have alike: the PINFL and the birth date, age and sex it must agree with. */
    private record Person(String pinfl, LocalDate birthDate, Integer age, String sex) {
    }

    private Person readPerson(JsonNode node, Place place, LocalDate date) {
        String pinfl = textOrNull(node, "pinfl");
        LocalDate birthDate = date(node, "birthDate", place, PlausibleDates::birthProblem);
        String sex = textOrNull(node, "sex");
        if (pinfl != null) {
            Identifiers.Pinfl checked = Identifiers.pinfl(pinfl);
            if (checked.problem() != null) {
                problems.add(new Problem(place.of("pinfl"), checked.problem()));
            } else {
                birthDate = agreeWithPinfl(pinfl, checked.birthDate(), birthDate, sex, place);
                sex = sex == null ? Identifiers.pinflSex(pinfl) : sex;
            }
        }
        return new Person(pinfl, birthDate, age(birthDate, date, place), sex);
    }

    private LocalDate agreeWithPinfl(String pinfl, LocalDate encoded, LocalDate birthDate, String sex, Place place) {
        // Neither the PINFL nor what it encodes is echoed: together they would give the person's identity away.
        if (birthDate != null && !birthDate.equals(encoded)) {
            problems.add(new Problem(place.of("birthDate"), "does not agree with the birth date the PINFL encodes"));
        }
        if (sex != null && !sex.equals(Identifiers.pinflSex(pinfl))) {
            problems.add(new Problem(place.of("sex"), "does not agree with the sex the PINFL encodes"));
        }
        if (birthDate == null) {
            Optional<String> implausible = PlausibleDates.birthProblem(encoded, submissionDay);
            if (implausible.isPresent()) {
                problems.add(new Problem(place.of("pinfl"), "encodes a birth date that cannot be: it is before "
                        + PlausibleDates.EARLIEST + " or after the submission day"));
                return null;
            }
        }
        return birthDate != null ? birthDate : encoded;
    }

    private Integer age(LocalDate birthDate, LocalDate date, Place place) {
        if (birthDate == null) {
            return null;
        }
        if (birthDate.isAfter(date)) {
            problems.add(new Problem(place.of("birthDate"), "birth date " + birthDate
                    + " is after the application date " + date));
            return null;
        }
        return completedYears(birthDate, date);
    }

    /**
     * The years completed from {@code from} to {@code to} (not before it), as {@code Period.between(from, to)
     * .getYears()} counts them (a birthday on 29 February is completed on 1 March of other years), without making
     * the period: counting it was a fiftieth of reading an application, for every person in it.
     */
    static int completedYears(LocalDate from, LocalDate to) {
        int years = to.getYear() - from.getYear();
        int month = to.getMonthValue() - from.getMonthValue();
        return month < 0 || (month == 0 && to.getDayOfMonth() < from.getDayOfMonth()) ? years - 1 : years;
    }

    private Map<String, Object> readForm(JsonNode form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReadingPlan.FormField field : service.readingPlan().formFields()) {
            String name = field.name();
            JsonNode value = form.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            Class<?> type = field.type();
            if (type == LocalDate.class) {
                LocalDate parsed = date(form, name, Place.FORM, PlausibleDates::formDateProblem);
                if (parsed != null) {
                    values.put(name, parsed);
                }
            } else if (type == Integer.class) {
                Integer whole = intOrNull(form, name, Place.FORM);
                if (whole != null) {
                    values.put(name, whole);
                }
            } else if (type == BigDecimal.class) {
                values.put(name, Numbers.decimal(value));
            } else if (type == Boolean.class) {
                values.put(name, value.booleanValue());
            } else {
                // a text answer; one declared as an identifier is checked and normalised as the applicant's own
                String text = value.asText();
                values.put(name, field.identifier() == null ? text
                        : checked(text, Place.FORM.of(name), field.identifier()));
            }
        }
        return values;
    }

    /** The value as rules see it (a phone in E.164 form); when invalid, as given, with its problem recorded. */
    private String checked(String value, String path, IdentifierType type) {
        if (value == null) {
            return null;
        }
        Identifiers.Checked checked = type.check(value);
        if (checked.problem() != null) {
            problems.add(new Problem(path, checked.problem()));
            return value;
        }
        return checked.value();
    }

    private List<String> missing(JsonNode root, Applicant applicant, List<Document> documents,
                                 Map<String, Object> form) {
        List<String> missing = new ArrayList<>();
        for (ReadingPlan.RequiredInput input : service.readingPlan().required()) {
            boolean present = switch (input.where()) {
                case FORM -> form.containsKey(input.name());
                case DOCUMENTS -> hasDocument(documents, input.name());
                case APPLICANT_BIRTH_DATE -> applicant.getBirthDate() != null;
                case APPLICANT_SEX -> applicant.getSex() != null;
                case JSON -> {
                    JsonNode node = root.at(input.pointer());
                    yield !node.isMissingNode() && !node.isNull();
                }
            };
            if (!present) {
                missing.add(input.path());
            }
        }
        return missing;
    }

    private static boolean hasDocument(List<Document> documents, String type) {
        for (Document document : documents) {
            if (document.getType().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static Household household(Applicant applicant, List<Member> members, List<Vehicle> vehicles,
                                       List<Property> properties, JsonNode node) {
        int size = 1 + members.size();
        BigDecimal total = applicant.getMonthlyIncome() == null ? BigDecimal.ZERO : applicant.getMonthlyIncome();
        for (Member member : members) {
            if (member.getMonthlyIncome() != null) {
                total = total.add(member.getMonthlyIncome());
            }
        }
        BigDecimal perCapita = total.divide(BigDecimal.valueOf(size), 0, RoundingMode.HALF_UP);
        // loops, not streams: this runs for every application, and each stream was garbage of its own
        int children = 0;
        boolean military = false;
        for (Member member : members) {
            if (member.isChild() && member.getAge() != null && member.getAge() < 18) {
                children++;
            }
            military |= member.isServesInMilitary();
        }
        int dwellings = 0;
        int nonResidential = 0;
        for (Property property : properties) {
            if (property.isDwelling()) {
                dwellings++;
            }
            if ("non-residential".equals(property.getKind())) {
                nonResidential++;
            }
        }
        int cars = 0;
        for (Vehicle vehicle : vehicles) {
            if (vehicle.isCar()) {
                cars++;
            }
        }
        BigDecimal bank = node.hasNonNull("bankBalance") ? Numbers.decimal(node.get("bankBalance")) : BigDecimal.ZERO;
        return new Household(size, children, total, perCapita, bank, dwellings, nonResidential, cars, military);
    }

    private boolean check(String value, String path, java.util.function.Function<String, Optional<String>> rule) {
        if (value == null) {
            return false;
        }
        Optional<String> problem = rule.apply(value);
        problem.ifPresent(p -> problems.add(new Problem(path, p)));
        return problem.isEmpty();
    }

    /** A date field, or null (with a problem) when it is not a date or not a plausible one for what it is. */
    private LocalDate date(JsonNode node, String field, Place place,
                           BiFunction<LocalDate, LocalDate, Optional<String>> plausible) {
        String text = textOrNull(node, field);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = IsoText.date(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(place.of(field), Echo.quote(text) + " is not a date; write it as YYYY-MM-DD"));
            return null;
        }
        Optional<String> implausible = plausible.apply(date, submissionDay);
        implausible.ifPresent(p -> problems.add(new Problem(place.of(field), p)));
        return implausible.isPresent() ? null : date;
    }

    private OffsetDateTime parseTimestamp(String text) {
        try {
            return IsoText.offsetDateTime(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(TASHKENT);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return IsoText.date(text).atStartOfDay().atOffset(TASHKENT);
                } catch (DateTimeParseException notDate) {
                    problems.add(new Problem("submittedAt", Echo.quote(text) + " is not an ISO date-time; write "
                            + "it as 2025-07-15T10:30:00+05:00"));
                    return null;
                }
            }
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A whole number read exactly, or null (with a problem) when it is not one or does not fit: never truncated. */
    private Integer intOrNull(JsonNode node, String field, Place place) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Integer whole = Numbers.exactInt(value);
        if (whole == null) {
            problems.add(new Problem(place.of(field), "is not a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE));
        }
        return whole;
    }

    private static BigDecimal decimalOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Numbers.decimal(value);
    }
}
