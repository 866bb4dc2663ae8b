package uz.qaror.internal.input;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Validation of Uzbekistan's identifiers. Each check returns the problem in words, or empty when the value is
 * valid. The words never hold the value, nor any digit of it: a PINFL encodes its holder's birth date and sex, and
 * a message goes to logs, error records and terminals. A SOATO code names a place, not a person, and is quoted.
 */
public final class Identifiers {

    private static final int[] PINFL_WEIGHTS = {7, 3, 1};
    /**
     * What a phone number may be written with before libphonenumber reads it: digits, spaces, '-', '(' and ')',
     * and one '+' in front. libphonenumber itself is lenient: it drops letters, reads "x" or "ext." as an
     * extension and ignores trailing junk.
     */
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9 ()-]{7,24}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /**
     * libphonenumber's verdicts on the numbers it had to parse lately, by the text as given (the same text always gets
     * the same verdict). Screening reads a household once for each service of the catalog, and parsing and validating
     * one number costs about 1.8 us and 2 KB here, as much as the rest of reading a small application. Numbers in
     * E.164 form, as the portal sends them, need neither: {@link UzbekNumbering} judges them by their prefix.
     */
    private static final Map<String, Checked> RECENT_PHONES = new ConcurrentHashMap<>();
    private static final int REMEMBERED_PHONES = 4096;
    /** Longer texts are judged but not remembered, so the memory stays small whatever an input holds. */
    private static final int REMEMBERED_LENGTH = 24;

    /** The regions of SOATO (4-digit codes) by name. */
    public static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("1703", "Andijan"), Map.entry("1706", "Bukhara"), Map.entry("1708", "Jizzakh"),
            Map.entry("1710", "Kashkadarya"), Map.entry("1712", "Navoi"), Map.entry("1714", "Namangan"),
            Map.entry("1718", "Samarkand"), Map.entry("1722", "Surkhandarya"), Map.entry("1724", "Syrdarya"),
            Map.entry("1726", "Tashkent city"), Map.entry("1727", "Tashkent region"), Map.entry("1730", "Fergana"),
            Map.entry("1733", "Khorezm"), Map.entry("1735", "Karakalpakstan"));

    private Identifiers() {
    }

    /**
     * Checks a PINFL: 14 digits; the first gives century and sex; the next six the birth date as DDMMYY; area
     * and serial not 000; the last a check digit over the first 13 with weights 7, 3, 1 (ICAO 9303).
     */
    public static Optional<String> pinflProblem(String pinfl) {
        return Optional.ofNullable(pinfl(pinfl).problem());
    }

    /**
     * A PINFL checked, with the birth date it encodes when valid: one reading of its digits, for every person of
     * every application.
     */
    public record Pinfl(LocalDate birthDate, String problem) {
    }

    /** {@link #pinflProblem} and, when there is none, the birth date the PINFL encodes. */
    public static Pinfl pinfl(String pinfl) {
        if (!AsciiDigits.only(pinfl, 14)) {
            return new Pinfl(null, "a PINFL is 14 digits, got " + pinfl.length() + " characters"
                    + (pinfl.chars().allMatch(c -> c >= '0' && c <= '9') ? "" : " that are not all digits"));
        }
        int first = pinfl.charAt(0) - '0';
        if (first < 1 || first > 6) {
            return new Pinfl(null, "the PINFL's first digit (century and sex) must be 1 to 6");
        }
        LocalDate birthDate = encodedBirthDate(pinfl);
        if (birthDate == null) {
            return new Pinfl(null, "the PINFL encodes no valid birth date in digits 2-7 (DDMMYY)");
        }
        if (pinfl.startsWith("000", 7) || pinfl.startsWith("000", 10)) {
            return new Pinfl(null, "the PINFL has 000 as its area code or serial number");
        }
        if (pinfl.charAt(13) - '0' != pinflCheckDigit(pinfl)) {
            return new Pinfl(null, "the PINFL's check digit (the 14th) is wrong: check the number against the "
                    + "identity document");
        }
        return new Pinfl(birthDate, null);
    }

    /** The check digit of the first 13 digits of a PINFL (of a whole PINFL too: its 14th is not read). */
    public static int pinflCheckDigit(String first13) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (first13.charAt(i) - '0') * PINFL_WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** The birth date a well-formed PINFL encodes. */
    public static Optional<LocalDate> pinflBirthDate(String pinfl) {
        return Optional.ofNullable(encodedBirthDate(pinfl));
    }

    /** The birth date digits 2-7 of a 14-digit text encode, or null when they encode none. */
    private static LocalDate encodedBirthDate(String pinfl) {
        int century = switch (pinfl.charAt(0)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return null;
        }
        // read in place, and only a valid day makes a date (no exception thrown for the invalid ones)
        int day = AsciiDigits.value(pinfl, 1, 3);
        int month = AsciiDigits.value(pinfl, 3, 5);
        int yearOfCentury = AsciiDigits.value(pinfl, 5, 7);
        if (yearOfCentury < 0 || day < 1 || month < 1 || month > 12) {
            return null;
        }
        int year = century + yearOfCentury;
        if (day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** {@code M} for an odd first digit, {@code F} for an even one. */
    public static String pinflSex(String pinfl) {
        return (pinfl.charAt(0) - '0') % 2 == 1 ? "M" : "F";
    }

    /**
     * A value checked: the problem in words, or null and the value as rules see it (a phone in E.164 form, others
     * as given).
     */
    public record Checked(String value, String problem) {

        static Checked of(String value, Optional<String> problem) {
            return new Checked(problem.isPresent() ? null : value, problem.orElse(null));
        }

        public Optional<String> problemIfAny() {
            return Optional.ofNullable(problem);
        }
    }

    /** A phone number valid for Uzbekistan (through libphonenumber), or the problem. */
    public static Optional<String> phoneProblem(String phone) {
        return phone(phone).problemIfAny();
    }

    /**
     * A phone number checked and, when valid for Uzbekistan, put in E.164 form, from one reading by libphonenumber
     * (its parse is most of what a phone costs an application).
     */
    public static Checked phone(String phone) {
        if (isUzbekE164(phone)) {
            return byPrefix(phone); // remembered by its prefix, not by its text
        }
        if (phone.length() > REMEMBERED_LENGTH) {
            return phoneByParsing(phone);
        }
        Checked known = RECENT_PHONES.get(phone);
        if (known != null) {
            return known;
        }
        Checked judged = phoneByParsing(phone);
        if (RECENT_PHONES.size() >= REMEMBERED_PHONES) {
            RECENT_PHONES.clear(); // bounded: a batch of distinct numbers starts the memory over now and then
        }
        RECENT_PHONES.put(phone, judged);
        return judged;
    }

    /** How many verdicts are remembered now. */
    static int rememberedPhones() {
        return RECENT_PHONES.size();
    }

    /** {@link #phone} without the memory of recent verdicts. */
    static Checked judged(String phone) {
        return isUzbekE164(phone) ? byPrefix(phone) : phoneByParsing(phone);
    }

    /**
     * A number in Uzbek E.164 form judged by {@link UzbekNumbering}: parsing is most of a phone's cost and would
     * give back this very number.
     */
    private static Checked byPrefix(String phone) {
        return UzbekNumbering.isValid(Long.parseLong(phone, 4, 13, 10)) ? new Checked(phone, null)
                : new Checked(null, NOT_UZBEK);
    }

    /**
     * Whether a number is already in E.164 form for Uzbekistan ({@code +998[1-9]\d{8}}), as the portal sends them:
     * libphonenumber would read the country code and the national number straight off it (a leading zero, which it
     * reads specially, is left to it).
     */
    static boolean isUzbekE164(String phone) {
        return phone.length() == 13 && phone.startsWith("+998") && phone.charAt(4) != '0'
                && AsciiDigits.all(phone, 4, 13);
    }

    private static final String NOT_UZBEK = "is not a valid Uzbek phone number (+998 and 9 digits)";

    /** {@link #phone} through libphonenumber's parser, whatever the form it is written in. */
    static Checked phoneByParsing(String phone) {
        if (!PHONE_SHAPE.matcher(phone).matches()) {
            return new Checked(null, "is not a phone number: only digits, spaces, '-', '(' and ')' after an optional "
                    + "'+', such as +998 90 123 45 67");
        }
        try {
            PhoneNumber number = PHONES.parse(phone, "UZ");
            if (number.getCountryCode() != 998 || !PHONES.isValidNumber(number) || number.hasExtension()) {
                return new Checked(null, NOT_UZBEK);
            }
            return new Checked(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return new Checked(null, "is not a phone number (+998 and 9 digits)");
        }
    }

    public static Optional<String> passportProblem(String passport) {
        // [A-Z]{2}\d{7}
        boolean shaped = passport.length() == 9 && isLatinCapital(passport.charAt(0))
                && isLatinCapital(passport.charAt(1)) && AsciiDigits.all(passport, 2, 9);
        return shaped ? Optional.empty()
                : Optional.of("is not a passport or ID card number (2 Latin capitals and 7 digits, e.g. "
                        + "AA1234567)");
    }

    private static boolean isLatinCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static Optional<String> stirProblem(String stir) {
        // [2-7]\d{8}
        boolean shaped = AsciiDigits.only(stir, 9) && stir.charAt(0) >= '2' && stir.charAt(0) <= '7';
        return shaped ? Optional.empty()
                : Optional.of("is not a STIR (9 digits; the first 2 for companies, 4-7 for individuals)");
    }

    public static Optional<String> soatoProblem(String soato) {
        // 17\d{2}(\d{3}(\d{3})?)?: a region, a district in it, a settlement in that
        int length = soato.length();
        if ((length != 4 && length != 7 && length != 10) || !soato.startsWith("17")
                || !AsciiDigits.all(soato, 2, length)) {
            return Optional.of(Echo.quote(soato) + " is not a SOATO code (17 and 2 region digits, optionally 3 "
                    + "district and 3 settlement digits)");
        }
        if (!REGIONS.containsKey(soato.substring(0, 4))) {
            return Optional.of(Echo.quote(soato) + " names no region of Uzbekistan (" + soato.substring(0, 4)
                    + ")");
        }
        return Optional.empty();
    }
}
