package uz.qaror.internal.input;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * libphonenumber's verdict on a 9-digit Uzbek national number, remembered by the leading digits that decide it.
 * <p>
 * Every pattern of Uzbekistan's plan in libphonenumber's metadata is a choice of prefixes followed by any digits, as
 * {@code (?:20|33|[5-9]\d)\d{7}}: a 9-digit number matches it exactly when its first 2 digits match the prefixes,
 * whatever the other 7 are. So whether a number is valid depends on its first few digits alone (5 in the metadata
 * of 2025), and libphonenumber is asked once per such prefix: its validation costs about a microsecond (a dozen
 * regular expressions), as much as the rest of an applicant's identifiers. The patterns are read from the metadata
 * libphonenumber itself uses when this class loads, and the memory is used only when every one of them has that
 * shape; otherwise every number is judged by libphonenumber, as before.
 */
final class UzbekNumbering {

    static final int NATIONAL_LENGTH = 9;
    /** More deciding digits than this would make the memory large for little: then numbers are judged one by one. */
    static final int MAX_DECIDING_DIGITS = 6;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final byte UNKNOWN = 0;
    private static final byte VALID = 1;
    private static final byte INVALID = 2;
    /** A pattern's tail: any {@code k} digits, and nothing after them. */
    private static final Pattern FREE_TAIL = Pattern.compile("\\\\d\\{(\\d{1,2})\\}");

    /** The national numbers of {@link #NATIONAL_LENGTH} digits: from the smallest to before the one beyond. */
    private static final long SMALLEST = pow10(NATIONAL_LENGTH - 1);
    private static final long BEYOND = pow10(NATIONAL_LENGTH);

    private static final int DECIDING_DIGITS = decidingDigits(uzbekPatterns(), NATIONAL_LENGTH).orElse(-1);
    /** The digits after the deciding ones, as a power of ten to divide by. */
    private static final long TAIL = DECIDING_DIGITS < 0 ? 0 : pow10(NATIONAL_LENGTH - DECIDING_DIGITS);
    /**
     * The verdict by deciding prefix, filled as prefixes are met. Unsynchronised on purpose: a verdict is a single
     * byte, always the same for its prefix, so two threads that judge one prefix at once write the same value.
     */
    private static final byte[] VERDICTS = new byte[DECIDING_DIGITS < 0 ? 0 : (int) pow10(DECIDING_DIGITS)];

    private UzbekNumbering() {
    }

    /** Whether libphonenumber holds {@code +998} and the 9-digit {@code nationalNumber} a valid number. */
    static boolean isValid(long nationalNumber) {
        if (DECIDING_DIGITS < 0 || nationalNumber < SMALLEST || nationalNumber >= BEYOND) {
            return judged(nationalNumber);
        }
        int prefix = (int) (nationalNumber / TAIL);
        byte known = VERDICTS[prefix];
        if (known != UNKNOWN) {
            return known == VALID;
        }
        boolean valid = judged(nationalNumber);
        VERDICTS[prefix] = valid ? VALID : INVALID;
        return valid;
    }

    /** libphonenumber's own verdict, every time. */
    static boolean judged(long nationalNumber) {
        return PHONES.isValidNumber(new PhoneNumber().setCountryCode(998).setNationalNumber(nationalNumber));
    }

    /** How many leading digits decide a number's validity; -1 when the metadata does not allow remembering. */
    static int decidingDigits() {
        return DECIDING_DIGITS;
    }

    /**
     * How many leading digits of a {@code length}-digit number decide whether it matches every one of
     * {@code patterns} (an empty pattern matches nothing and decides nothing); empty when one of them is not of the
     * shape {@code (?:PREFIXES)\d{k}} or would need more than {@link #MAX_DECIDING_DIGITS}.
     */
    static OptionalInt decidingDigits(List<String> patterns, int length) {
        int deciding = 0;
        for (String pattern : patterns) {
            if (pattern.isEmpty()) {
                continue;
            }
            OptionalInt tail = freeTail(pattern);
            if (tail.isEmpty() || tail.getAsInt() > length) {
                return OptionalInt.empty();
            }
            deciding = Math.max(deciding, length - tail.getAsInt());
        }
        return deciding <= MAX_DECIDING_DIGITS ? OptionalInt.of(deciding) : OptionalInt.empty();
    }

    /**
     * The {@code k} of a pattern {@code (?:G)\d{k}} or {@code \d{k}}, where the group opened first closes right
     * before the tail: a whole-text match then needs the first {@code length - k} digits to match {@code G} and
     * nothing of the rest. Empty for any other shape (an alternation outside the group, a tail of a range of
     * lengths, anything after the tail).
     */
    static OptionalInt freeTail(String pattern) {
        int tailStart = 0;
        if (pattern.startsWith("(?:")) {
            int close = closingParenthesis(pattern);
            if (close < 0) {
                return OptionalInt.empty();
            }
            tailStart = close + 1;
        }
        Matcher tail = FREE_TAIL.matcher(pattern).region(tailStart, pattern.length());
        return tail.matches() ? OptionalInt.of(Integer.parseInt(tail.group(1))) : OptionalInt.empty();
    }

    /** Where the group that opens the pattern closes, skipping escapes and character classes; -1 if it never does. */
    private static int closingParenthesis(String pattern) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The patterns libphonenumber's validation of an Uzbek number consults: the general one and each type's. None
     * when +998 is not Uzbekistan's alone, so that the memory is not used.
     */
    private static List<String> uzbekPatterns() {
        if (!PHONES.getRegionCodesForCountryCode(998).equals(List.of("UZ"))) {
            return List.of("(+998 is shared)");
        }
        PhoneMetadata uz = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                .getMetadataForRegion("UZ");
        if (uz == null) {
            return List.of("(no metadata)");
        }
        List<String> patterns = new ArrayList<>();
        for (PhoneNumberDesc desc : List.of(uz.getGeneralDesc(), uz.getFixedLine(), uz.getMobile(), uz.getTollFree(),
                uz.getPremiumRate(), uz.getSharedCost(), uz.getVoip(), uz.getPersonalNumber(), uz.getPager(),
                uz.getUan(), uz.getVoicemail())) {
            patterns.add(desc.getNationalNumberPattern());
        }
        return patterns;
    }

    private static long pow10(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }
}
