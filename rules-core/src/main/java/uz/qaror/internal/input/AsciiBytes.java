package uz.qaror.internal.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are all ASCII, eight at a time: every record of a batch is asked this before it is parsed, and a
 * byte at a time cost a sizeable part of what reading the bytes as they are saves.
 */
final class AsciiBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;

    private AsciiBytes() {
    }

    /** Whether no byte has its high bit set: then the bytes are ASCII, valid UTF-8 that decodes one to one. */
    static boolean all(byte[] bytes) {
        int i = 0;
        long seen = 0;
        for (int whole = bytes.length - Long.BYTES; i <= whole; i += Long.BYTES) {
            seen |= (long) LONGS.get(bytes, i);
        }
        for (; i < bytes.length; i++) {
            seen |= bytes[i];
        }
        return (seen & HIGH_BITS) == 0;
    }
}
