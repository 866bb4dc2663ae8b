package uz.qaror.internal.input;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The numbers an application may hold: finite, at most 10<sup>15</sup> in magnitude (more than any amount in
 * soum the services handle) and at most {@value #MAX_DECIMALS} decimals. Anything else is refused at once, before
 * any arithmetic: {@code 1e30000000} is twelve bytes of JSON but thirty million digits once written out. Whole
 * numbers are read exactly, never truncated: {@code 4294967326} is not 30.
 */
public final class Numbers {

    /** The largest magnitude accepted. */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);
    /** The most decimals accepted. */
    public static final int MAX_DECIMALS = 6;

    private static final BigInteger MAX_INTEGER = MAX_MAGNITUDE.toBigIntegerExact();

    private Numbers() {
    }

    /** What is wrong with a JSON number, or null when it is within bounds. */
    public static String problem(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                return "is not a finite number";
            }
            return problem(BigDecimal.valueOf(value));
        }
        if (number.isBigInteger()) {
            BigInteger value = number.bigIntegerValue();
            return value.bitLength() > 60 || value.abs().compareTo(MAX_INTEGER) > 0 ? tooLarge() : null;
        }
        if (number.isIntegralNumber()) {
            return Math.abs(number.longValue()) > MAX_INTEGER.longValue() || number.longValue() == Long.MIN_VALUE
                    ? tooLarge() : null;
        }
        return problem(number.decimalValue());
    }

    private static String problem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        // Digits before the point, computed without writing the number out; long, as scale may be Integer.MIN_VALUE.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > 16 || (integerDigits == 16 && value.abs().compareTo(MAX_MAGNITUDE) > 0)) {
            return tooLarge();
        }
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "has more than " + MAX_DECIMALS + " decimals";
        }
        return null;
    }

    private static String tooLarge() {
        return "is larger than 10^15 in magnitude";
    }

    /** The number's value; call only for a number {@link #problem} accepted. */
    public static BigDecimal decimal(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return number.decimalValue();
    }

    /** The number as an int when it is whole and fits ({@code 30}, {@code 30.0}), else null. */
    public static Integer exactInt(JsonNode number) {
        if (!number.isNumber() || problem(number) != null) {
            return null;
        }
        if (number.isIntegralNumber()) {
            return number.canConvertToInt() ? number.intValue() : null;
        }
        try {
            return decimal(number).intValueExact();
        } catch (ArithmeticException notWholeOrTooLarge) {
            return null;
        }
    }
}
