package uz.qaror.tools.batch;

import java.nio.charset.StandardCharsets;

/**
 * One application of a batch as read: its position (line number, array element or file order, from 1), a label
 * saying where it came from, its bytes exactly as read (UTF-8 is checked when it is decided, not here), and how
 * many bytes of the input it took (for progress). A record over the size limit holds no bytes: they were skipped,
 * never held whole.
 */
public record InputRecord(long number, String label, byte[] bytes, long size) {

    /** Labels name a file or a position; a file name longer than this is cut, so that no record echoes much. */
    static final int MAX_LABEL = 200;

    public InputRecord {
        if (label.length() > MAX_LABEL) {
            label = label.substring(0, MAX_LABEL) + "...";
        }
    }

    /** A record of text, as a test or a caller with strings in hand has it. */
    public static InputRecord of(long number, String label, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputRecord(number, label, bytes, bytes.length);
    }

    /** A record larger than the limit: {@code size} bytes were skipped. */
    public static InputRecord tooLarge(long number, String label, long size) {
        return new InputRecord(number, label, null, size);
    }

    public boolean isTooLarge() {
        return bytes == null;
    }

    /** Bytes held in memory for this record. */
    long heldBytes() {
        return bytes == null ? 0 : bytes.length;
    }
}
