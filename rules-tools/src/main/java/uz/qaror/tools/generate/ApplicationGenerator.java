package uz.qaror.tools.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.ServiceDescriptor;
import uz.qaror.ServiceDescriptor.Input;
import uz.qaror.internal.input.Identifiers;
import uz.qaror.internal.json.Json;

/**
 * Makes realistic applications for a catalog's services, for load tests and simulations: valid PINFLs that
 * agree with birth dates and sex, plausible households, incomes and assets, each service's declared form
 * answers and documents, and a chosen share of invalid records. Record {@code i} depends only on the seed and
 * {@code i}, so the output is the same for a seed whatever else changes.
 */
public final class ApplicationGenerator {

    private static final List<String> REGIONS = new ArrayList<>(new java.util.TreeSet<>(Identifiers.REGIONS.keySet()));
    /** The submission dates drawn when no range is given: 2023-01-01 to 2026-10-31. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final String[] RELATIONS = {"spouse", "child", "child", "child", "parent", "sibling"};
    /** How many children a household has: none, one or two mostly, up to five. */
    private static final int[] CHILDREN = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
    /** Keeps household {@code i} unrelated to application {@code i} of the same seed. */
    private static final long HOUSEHOLD_SALT = 0x5EED_4A11_0F4EL;


    private final List<ServiceDescriptor> services;
    private final long seed;
    private final double invalidShare;
    private final LocalDate firstDay;
    private final int days;

    public ApplicationGenerator(List<ServiceDescriptor> services, long seed, double invalidShare) {
        this(services, seed, invalidShare, FIRST_DAY, LAST_DAY);
    }

    /** Applications submitted on days from {@code firstDay} to {@code lastDay}, both included. */
    public ApplicationGenerator(List<ServiceDescriptor> services, long seed, double invalidShare,
                                LocalDate firstDay, LocalDate lastDay) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("no services to generate applications for");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the last submission day " + lastDay + " is before the first "
                    + firstDay);
        }
        this.services = List.copyOf(services);
        this.seed = seed;
        this.invalidShare = invalidShare;
        this.firstDay = firstDay;
        this.days = Math.toIntExact(lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
    }

    /** Application number {@code index} (from 0) as one line of JSON. */
    public String line(long index) {
        Random random = new Random(seed * 1_000_003L + index);
        ServiceDescriptor service = services.get((int) (index % services.size()));
        ObjectNode application = application(random, service, index);
        if (random.nextDouble() < invalidShare) {
            return corrupt(random, application);
        }
        return write(application);
    }

    /**
     * Household number {@code index} (from 0) as one line of JSON, for screening: a plausible family (an adult
     * applicant; a spouse, children and a parent with the shares and ages of real families), its assets, and now
     * and then the documents and form answers a family has for one of the services. Ages are as of {@code day}
     * (nobody is born after it). Household {@code i} depends only on the seed, {@code i} and the day.
     */
    public String household(long index, LocalDate day) {
        Random random = new Random((seed * 1_000_003L + index) ^ HOUSEHOLD_SALT);
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("id", "HH-" + seed + "-" + index);
        ObjectNode applicant = root.putObject("applicant");
        String sex = random.nextBoolean() ? "M" : "F";
        int age = 18 + random.nextInt(72);
        person(random, applicant, day.minusYears(age).minusDays(random.nextInt(365)), sex);
        applicant.put("serviceYears", Math.min(applicant.get("serviceYears").intValue(), age - 18));

        ObjectNode household = root.putObject("household");
        ArrayNode members = household.putArray("members");
        if (random.nextDouble() < (age < 75 ? 0.65 : 0.3)) {
            int spouseAge = Math.max(18, age - 6 + random.nextInt(12));
            member(random, members, "spouse", day.minusYears(spouseAge).minusDays(random.nextInt(365)));
        }
        int children = age < 20 ? 0 : CHILDREN[random.nextInt(CHILDREN.length)];
        int oldestChild = Math.min(age - 18, 35);
        for (int i = 0; i < children; i++) {
            member(random, members, "child", day.minusDays(random.nextInt(365 * (oldestChild + 1))));
        }
        if (age < 55 && random.nextDouble() < 0.12) {
            int parentAge = Math.min(100, age + 20 + random.nextInt(16));
            member(random, members, "parent", day.minusYears(parentAge).minusDays(random.nextInt(365)));
        }
        assets(random, household);

        ArrayNode documents = root.putArray("documents");
        ObjectNode forms = root.putObject("forms");
        for (ServiceDescriptor service : services) {
            if (random.nextDouble() < 0.04) {
                // Each service's own: two services may ask a question of the same name in different ways.
                answers(random, service, documents, forms.putObject(service.id()), day);
            }
        }
        return write(root);
    }

    private ObjectNode application(Random random, ServiceDescriptor service, long index) {
        LocalDate submitted = firstDay.plusDays(random.nextInt(days));
        LocalDateTime at = submitted.atTime(8 + random.nextInt(12), random.nextInt(60));
        ObjectNode root = Json.JSON.createObjectNode();
        root.put("id", "GEN-" + seed + "-" + index);
        root.put("service", service.id());
        root.put("submittedAt", at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "+05:00");
        String[] channels = service.channels().isEmpty() ? new String[] {"web"}
                : service.channels().toArray(String[]::new);
        root.put("channel", channels[random.nextInt(channels.length)]);

        ObjectNode applicant = root.putObject("applicant");
        String sex = random.nextBoolean() ? "M" : "F";
        LocalDate birth = submitted.minusDays(365L * ageYears(random) + random.nextInt(365));
        person(random, applicant, birth, sex);

        ObjectNode household = root.putObject("household");
        ArrayNode members = household.putArray("members");
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            String relation = RELATIONS[random.nextInt(RELATIONS.length)];
            LocalDate memberBirth = submitted.minusDays("child".equals(relation)
                    ? random.nextInt(365 * 20) : 365L * (18 + random.nextInt(60)));
            member(random, members, relation, memberBirth);
        }
        assets(random, household);

        ArrayNode documents = root.putArray("documents");
        ObjectNode form = root.putObject("form");
        answers(random, service, documents, form, submitted);
        return root;
    }

    /** The applicant's identity, contacts, income and years of service. */
    private static void person(Random random, ObjectNode applicant, LocalDate birth, String sex) {
        applicant.put("pinfl", pinfl(random, birth, sex));
        applicant.put("birthDate", birth.toString());
        applicant.put("sex", sex);
        applicant.put("citizenship", random.nextDouble() < 0.96 ? "UZ" : "KZ");
        applicant.putObject("address").put("soato", REGIONS.get(random.nextInt(REGIONS.size()))
                + String.format("%03d", 200 + random.nextInt(100)));
        applicant.put("phone", phone(random));
        applicant.put("passport", passport(random));
        if (random.nextDouble() < 0.06) {
            applicant.put("disabilityGroup", 1 + random.nextInt(3));
        }
        applicant.put("monthlyIncome", random.nextDouble() < 0.3 ? 0 : 500_000 + random.nextInt(6_000_000));
        applicant.put("serviceYears", random.nextInt(45));
    }

    /** A household member born on a given day, with a sex, an income and a job drawn. */
    private static void member(Random random, ArrayNode members, String relation, LocalDate birth) {
        ObjectNode member = members.addObject();
        member.put("relation", relation);
        String memberSex = random.nextBoolean() ? "M" : "F";
        member.put("pinfl", pinfl(random, birth, memberSex));
        member.put("birthDate", birth.toString());
        member.put("sex", memberSex);
        member.put("monthlyIncome", "child".equals(relation) || random.nextDouble() < 0.4 ? 0
                : 300_000 + random.nextInt(4_000_000));
        member.put("employed", random.nextBoolean());
        member.put("servesInMilitary", random.nextDouble() < 0.03);
    }

    /** Dwellings and other property, cars with their model years, and the bank balance. */
    private static void assets(Random random, ObjectNode household) {
        ArrayNode properties = household.putArray("properties");
        int dwellings = random.nextDouble() < 0.85 ? 1 : random.nextInt(3);
        for (int i = 0; i < dwellings; i++) {
            properties.addObject().put("kind", "dwelling");
        }
        if (random.nextDouble() < 0.08) {
            properties.addObject().put("kind", "non-residential");
        }
        ArrayNode vehicles = household.putArray("vehicles");
        int cars = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < cars; i++) {
            vehicles.addObject().put("kind", "car").put("year", 1995 + random.nextInt(31));
        }
        household.put("bankBalance", random.nextDouble() < 0.8 ? random.nextInt(3_000_000)
                : random.nextInt(20_000_000));
    }

    /** The documents and form answers of a service, each present with the share a real applicant gives it. */
    private static void answers(Random random, ServiceDescriptor service, ArrayNode documents, ObjectNode form,
                                LocalDate date) {
        for (Input input : service.inputs()) {
            if (input.path().startsWith("documents.") && random.nextDouble() < (input.required() ? 0.92 : 0.5)) {
                documents.addObject().put("type", input.path().substring(10))
                        .put("number", Integer.toString(100_000 + random.nextInt(900_000)));
            } else if (input.path().startsWith("form.") && random.nextDouble() < (input.required() ? 0.97 : 0.6)) {
                formValue(random, form, input, date);
            }
        }
    }

    private static int ageYears(Random random) {
        double draw = random.nextDouble();
        if (draw < 0.1) {
            return random.nextInt(16);
        }
        if (draw < 0.25) {
            return 15 + random.nextInt(5);
        }
        return 18 + random.nextInt(65);
    }

    private static void formValue(Random random, ObjectNode form, Input input, LocalDate submitted) {
        String name = input.path().substring(5);
        switch (input.type()) {
            case "boolean" -> form.put(name, random.nextDouble() < 0.75 == !name.matches(
                    "(?i).*(married|relatives|refus|criminal|debt|military).*"));
            case "integer" -> form.put(name, name.toLowerCase().contains("year") && !name.contains("Years")
                    ? submitted.getYear() - random.nextInt(10) : random.nextInt(30));
            case "number" -> form.put(name, random.nextInt(400_000_000));
            case "date" -> form.put(name, submitted.minusDays(random.nextInt(365 * 40)).toString());
            case "enum" -> form.put(name, input.values().get(random.nextInt(input.values().size())));
            case "pinfl" -> {
                LocalDate birth = submitted.minusDays(365L * (18 + random.nextInt(60)) + random.nextInt(365));
                form.put(name, pinfl(random, birth, random.nextBoolean() ? "M" : "F"));
            }
            case "stir" -> form.put(name, (2 + random.nextInt(6)) + String.format("%08d", random.nextInt(100_000_000)));
            case "passport" -> form.put(name, passport(random));
            case "phone" -> form.put(name, phone(random));
            case "soato" -> form.put(name, soato(random));
            default -> form.put(name, name.toLowerCase().contains("soato") ? soato(random)
                    : "AB" + String.format("%07d", random.nextInt(10_000_000)));
        }
    }

    private static String soato(Random random) {
        return REGIONS.get(random.nextInt(REGIONS.size())) + "2" + String.format("%02d", random.nextInt(100));
    }

    private static String passport(Random random) {
        return "A" + (char) ('A' + random.nextInt(26)) + String.format("%07d", random.nextInt(10_000_000));
    }

    private static String phone(Random random) {
        return "+99890" + String.format("%07d", random.nextInt(10_000_000));
    }

    /** A valid PINFL for a birth date and sex; serials are random. */
    static String pinfl(Random random, LocalDate birth, String sex) {
        int century = birth.getYear() / 100 * 100;
        int first = (century == 1800 ? 1 : century == 1900 ? 3 : 5) + ("M".equals(sex) ? 0 : 1);
        String first13 = first + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(),
                birth.getYear() % 100) + String.format("%03d", 100 + random.nextInt(900))
                + String.format("%03d", 1 + random.nextInt(999));
        return first13 + Identifiers.pinflCheckDigit(first13);
    }

    private static String corrupt(Random random, ObjectNode application) {
        switch (random.nextInt(4)) {
            case 0 -> {
                String text = write(application);
                return text.substring(0, text.length() / 2);
            }
            case 1 -> {
                String pinfl = application.path("applicant").path("pinfl").asText();
                int last = pinfl.charAt(13) - '0';
                ((ObjectNode) application.get("applicant")).put("pinfl", pinfl.substring(0, 13) + (last + 1) % 10);
            }
            case 2 -> ((ObjectNode) application.get("applicant")).put("birthDate", "31.02.1990");
            default -> application.put("service", application.path("service").asText() + "-old");
        }
        return write(application);
    }

    private static String write(ObjectNode node) {
        try {
            return Json.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
