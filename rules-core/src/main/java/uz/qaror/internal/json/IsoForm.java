package uz.qaror.internal.json;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates and submission times in the ISO forms the JDK writes ({@link LocalDate#toString()},
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}), written digit by digit for the forms every decision has: a year
 * of four digits, whole seconds, an offset of whole minutes. A decision holds up to six dates, and the JDK's
 * formatter was a tenth of writing one; any other value is left to the JDK, so the text is the JDK's whatever it is.
 */
public final class IsoForm {

    private IsoForm() {
    }

    /** {@code 2026-12-03}, as {@link LocalDate#toString()} writes it. */
    public static String date(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return date.toString();
        }
        byte[] text = new byte[10];
        putDate(text, year, date.getMonthValue(), date.getDayOfMonth());
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code 2026-12-03T10:30:00+05:00} (or {@code Z} for UTC), as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
     * writes it.
     */
    public static String offsetDateTime(OffsetDateTime time) {
        int year = time.getYear();
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (year < 1000 || year > 9999 || time.getNano() != 0 || offsetSeconds % 60 != 0) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        byte[] text = new byte[offsetSeconds == 0 ? 20 : 25];
        putDate(text, year, time.getMonthValue(), time.getDayOfMonth());
        text[10] = 'T';
        putTwo(text, 11, time.getHour());
        text[13] = ':';
        putTwo(text, 14, time.getMinute());
        text[16] = ':';
        putTwo(text, 17, time.getSecond());
        if (offsetSeconds == 0) {
            text[19] = 'Z';
        } else {
            int minutes = Math.abs(offsetSeconds) / 60;
            text[19] = (byte) (offsetSeconds < 0 ? '-' : '+');
            putTwo(text, 20, minutes / 60);
            text[22] = ':';
            putTwo(text, 23, minutes % 60);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void putDate(byte[] text, int year, int month, int day) {
        putTwo(text, 0, year / 100);
        putTwo(text, 2, year % 100);
        text[4] = '-';
        putTwo(text, 5, month);
        text[7] = '-';
        putTwo(text, 8, day);
    }

    private static void putTwo(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
    }
}
