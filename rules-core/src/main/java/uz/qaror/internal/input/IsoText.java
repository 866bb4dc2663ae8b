package uz.qaror.internal.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO dates and date-times read as {@link LocalDate#parse} and {@link OffsetDateTime#parse} read them, with a
 * direct path for the forms applications use ({@code 2025-07-15}, {@code 2025-07-15T10:30:00+05:00},
 * {@code ...Z}): the JDK's formatter costs a few microseconds per value, a twentieth of a decision. Anything else,
 * or a value those forms cannot hold (30 February, hour 24), goes to the JDK, so the answer and its exception are
 * always the JDK's.
 */
final class IsoText {

    private IsoText() {
    }

    static LocalDate date(String text) {
        if (text.length() == 10 && dateShape(text, 0)) {
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException outOfRange) {
                // the JDK's parser gives the exception and its message
            }
        }
        return LocalDate.parse(text);
    }

    /** A date-time with an offset; throws {@link DateTimeParseException} as {@link OffsetDateTime#parse} does. */
    static OffsetDateTime offsetDateTime(String text) {
        int length = text.length();
        if ((length == 20 || length == 25) && dateShape(text, 0) && text.charAt(10) == 'T' && timeShape(text, 11)) {
            try {
                ZoneOffset offset = length == 20 ? (text.charAt(19) == 'Z' ? ZoneOffset.UTC : null) : offset(text, 19);
                if (offset != null) {
                    return OffsetDateTime.of(LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7),
                            digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)),
                            offset);
                }
            } catch (DateTimeException outOfRange) {
                // the JDK's parser gives the exception and its message
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** {@code +05:00} or {@code -03:30} at {@code at}, or null for another form. */
    private static ZoneOffset offset(String text, int at) {
        char sign = text.charAt(at);
        if ((sign != '+' && sign != '-') || !AsciiDigits.all(text, at + 1, at + 3) || text.charAt(at + 3) != ':'
                || !AsciiDigits.all(text, at + 4, at + 6)) {
            return null;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** {@code YYYY-MM-DD} at {@code at}. */
    private static boolean dateShape(String text, int at) {
        return AsciiDigits.all(text, at, at + 4) && text.charAt(at + 4) == '-'
                && AsciiDigits.all(text, at + 5, at + 7) && text.charAt(at + 7) == '-'
                && AsciiDigits.all(text, at + 8, at + 10);
    }

    /** {@code hh:mm:ss} at {@code at}. */
    private static boolean timeShape(String text, int at) {
        return AsciiDigits.all(text, at, at + 2) && text.charAt(at + 2) == ':'
                && AsciiDigits.all(text, at + 3, at + 5) && text.charAt(at + 5) == ':'
                && AsciiDigits.all(text, at + 6, at + 8);
    }

    /** The number at a place already checked to hold digits. */
    private static int digits(String text, int from, int to) {
        return AsciiDigits.value(text, from, to);
    }
}
