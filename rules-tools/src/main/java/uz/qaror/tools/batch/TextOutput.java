package uz.qaror.tools.batch;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text written as UTF-8 to a byte stream in large blocks, for outputs of many records (a batch's records, generated
 * applications, a streamed response, the command line's standard output and error). An {@link OutputStreamWriter}
 * hands its bytes on 8 KiB at a time however its characters are buffered: a batch of a million records made 172,000
 * write calls to its file. With bytes buffered beneath it, they leave in blocks of {@value #BLOCK} bytes. Flushing
 * the writer flushes every buffer.
 */
public final class TextOutput {

    /** The size of the blocks written, and of the characters buffered above them. */
    static final int BLOCK = 1 << 16;

    private TextOutput() {
    }

    /** A writer of UTF-8 text to {@code stream}, buffered above and below the encoder. */
    public static Writer utf8(OutputStream stream) {
        return new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(stream, BLOCK),
                StandardCharsets.UTF_8), BLOCK);
    }
}
