package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Bytes are told ASCII eight at a time and the rest one by one: every length and every place of a high byte. */
class AsciiBytesTest {

    @Test
    void aByteWithItsHighBitSetIsFoundWhereverItIs() {
        SplittableRandom random = new SplittableRandom(3);
        for (int length = 0; length <= 40; length++) {
            byte[] ascii = new byte[length];
            for (int i = 0; i < length; i++) {
                ascii[i] = (byte) random.nextInt(0x80);
            }
            assertThat(AsciiBytes.all(ascii)).as("length %d", length).isTrue();
            for (int at = 0; at < length; at++) {
                for (int high : new int[] {0x80, 0xC3, 0xFF}) {
                    byte[] bytes = ascii.clone();
                    bytes[at] = (byte) high;
                    assertThat(AsciiBytes.all(bytes)).as("0x%X at %d of %d", high, at, length).isFalse();
                }
            }
        }
    }
}
