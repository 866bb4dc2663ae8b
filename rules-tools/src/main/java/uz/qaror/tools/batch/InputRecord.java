package uz.qaror.tools.batch;

/**
 * One application of a batch as read: its position (line number, array index or file order, from 1), a label
 * saying where it came from, and its text.
 */
public record InputRecord(long number, String label, String text) {
}
