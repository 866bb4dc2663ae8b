package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UzbekNumberingTest {

    @Test
    void libphonenumbersUzbekPlanIsDecidedByAFewLeadingDigits() {
        // if a new libphonenumber changes the plan's shape the memory is off (numbers judged one by one): say so here
        assertThat(UzbekNumbering.decidingDigits()).isBetween(1, UzbekNumbering.MAX_DECIDING_DIGITS);
    }

    @Test
    void everyPrefixGetsLibphonenumbersVerdictWhateverTheDigitsAfterIt() {
        int deciding = UzbekNumbering.decidingDigits();
        long tail = (long) Math.pow(10, UzbekNumbering.NATIONAL_LENGTH - deciding);
        long first = (long) Math.pow(10, deciding - 1);
        SplittableRandom random = new SplittableRandom(2026);
        int valid = 0;
        for (long prefix = first; prefix < first * 10; prefix++) {
            // the first number of a prefix fills the memory; the others are answered from it
            for (int i = 0; i < 3; i++) {
                long number = prefix * tail + random.nextLong(tail);
                boolean remembered = UzbekNumbering.isValid(number);
                assertThat(remembered).as("+998%d", number).isEqualTo(UzbekNumbering.judged(number));
                valid += remembered ? 1 : 0;
            }
        }
        // both verdicts occur: the sweep crosses valid and invalid ranges
        assertThat(valid).isBetween(1000, (int) (first * 9 * 3) - 1000);
    }

    @Test
    void aNumberOfAnotherLengthIsJudgedByLibphonenumber() {
        for (long number : new long[] {90_123_456L, 9_012_345_678L, 0L}) {
            assertThat(UzbekNumbering.isValid(number)).isEqualTo(UzbekNumbering.judged(number));
        }
    }

    @Test
    void aPatternOfPrefixesAndAnyDigitsIsDecidedByItsPrefixes() {
        assertThat(UzbekNumbering.freeTail("(?:20|33|[5-9]\\d)\\d{7}")).hasValue(7);
        assertThat(UzbekNumbering.freeTail("\\d{9}")).hasValue(9);
        assertThat(UzbekNumbering.freeTail("(?:2(?:[0-4]\\d|5)|3)\\d{6}")).hasValue(6);
        // parentheses escaped or inside a class do not end the group
        assertThat(UzbekNumbering.freeTail("(?:[(]2|\\(3)\\d{7}")).hasValue(7);
        assertThat(UzbekNumbering.decidingDigits(List.of("(?:20|33)\\d{7}", "(?:5\\d\\d\\d)\\d{5}", ""), 9))
                .hasValue(4);
    }

    @Test
    void anyOtherShapeTurnsTheMemoryOff() {
        for (String pattern : new String[] {
                "(?:20|33)\\d{7}|99\\d{7}", // an alternation outside the group
                "(?:20|33)\\d{6,7}", // a tail of several lengths
                "(?:20|33)\\d{7}(?:1)?", // something after the tail
                "(?:20\\d{7})", // no tail
                "(?:20|33\\d{7}", // never closed
                "2\\d{8}", // no group
                "(?:20)\\d{7}\\d"}) {
            assertThat(UzbekNumbering.freeTail(pattern)).as(pattern).isEmpty();
            assertThat(UzbekNumbering.decidingDigits(List.of("(?:20|33)\\d{7}", pattern), 9)).as(pattern).isEmpty();
        }
        // a tail longer than the number, or prefixes longer than the memory allows
        assertThat(UzbekNumbering.decidingDigits(List.of("\\d{10}"), 9)).isEmpty();
        assertThat(UzbekNumbering.decidingDigits(List.of("(?:1234567)\\d{2}"), 9)).isEqualTo(OptionalInt.empty());
    }
}
