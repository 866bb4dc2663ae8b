package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class EchoTest {

    @Test
    void aLongValueIsShownAsItsFirstFortyCharactersAndItsLength() {
        assertThat(Echo.quote("a".repeat(1_000_000))).isEqualTo("'" + "a".repeat(40) + "\u2026 (1000000 characters)'");
        assertThat(Echo.quote("short")).isEqualTo("'short'");
    }

    @Test
    void forbiddenCharactersAreEscapedAndPairsAreNeverCut() {
        assertThat(Echo.quote("x\nqaror: done\u001b[0m\u202E")).isEqualTo("'x\\u000Aqaror: done\\u001B[0m\\u202E'");
        String emoji = "a".repeat(39) + "\uD83D\uDE00" + "b";
        assertThat(Echo.quote(emoji)).isEqualTo("'" + "a".repeat(39) + "\u2026 (42 characters)'");
        assertThat(Echo.quote("\uD800x")).isEqualTo("'\\uD800x'");
    }

    @Test
    void numbersAreBoundedWithoutBeingWrittenOut() {
        JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
        assertThat(Numbers.problem(nodes.numberNode(new BigDecimal("1E+2147483647")))).contains("10^15");
        assertThat(Numbers.problem(nodes.numberNode(new BigDecimal("1E-2147483647")))).contains("decimals");
        assertThat(Numbers.problem(nodes.numberNode(new BigDecimal("1000000000000000")))).isNull();
        assertThat(Numbers.problem(nodes.numberNode(new BigDecimal("1000000000000000.000001")))).contains("10^15");
        assertThat(Numbers.problem(nodes.numberNode(new BigDecimal("0.1000000")))).isNull();
        assertThat(Numbers.problem(nodes.numberNode(Double.NaN))).isEqualTo("is not a finite number");
        assertThat(Numbers.problem(nodes.numberNode(Long.MIN_VALUE))).contains("10^15");
        assertThat(Numbers.exactInt(nodes.numberNode(4_294_967_326L))).isNull();
        assertThat(Numbers.exactInt(nodes.numberNode(new BigDecimal("30.0")))).isEqualTo(30);
        assertThat(Numbers.exactInt(nodes.numberNode(new BigDecimal("30.5")))).isNull();
    }
}
