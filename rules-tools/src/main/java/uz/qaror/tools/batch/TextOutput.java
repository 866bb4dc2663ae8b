package uz.qaror.tools.batch;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
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
 *
 * <p>A record a worker has already written as UTF-8 bytes goes to the bytes beneath as it is ({@link #writeLine}),
 * not through a string and the encoder again.
 */
public final class TextOutput {

    /** The size of the blocks written, and of the characters buffered above them. */
    static final int BLOCK = 1 << 16;

    private TextOutput() {
    }

    /** A writer of UTF-8 text to {@code stream}, buffered above and below the encoder. */
    public static Writer utf8(OutputStream stream) {
        return new Utf8Writer(new BufferedOutputStream(stream, BLOCK));
    }

    /** Writes a line given as UTF-8 bytes and its line feed ({@link #writeBytes}). */
    public static void writeLine(Writer out, byte[] utf8) throws IOException {
        writeBytes(out, utf8);
        writeBytes(out, LINE_FEED);
    }

    /** Writes text given as UTF-8 bytes: as bytes to a writer that takes them, decoded to text for any other. */
    public static void writeBytes(Writer out, byte[] utf8) throws IOException {
        if (out instanceof BytesBeneath bytesBeneath) {
            bytesBeneath.writeBytes(utf8);
        } else {
            out.write(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    private static final byte[] LINE_FEED = {'\n'};

    /** A writer that also takes text already encoded as UTF-8, in its place among the characters. */
    public interface BytesBeneath {
        void writeBytes(byte[] utf8) throws IOException;
    }

    /**
     * Characters through a buffered encoder, bytes straight to the buffer beneath it; what the encoder holds is
     * passed on before any bytes, so the stream gets everything in the order written.
     */
    private static final class Utf8Writer extends Writer implements BytesBeneath {
        private final BufferedOutputStream bytes;
        private final Writer characters;
        private boolean charactersHeld;

        Utf8Writer(BufferedOutputStream bytes) {
            this.bytes = bytes;
            this.characters = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BLOCK);
        }

        @Override
        public void writeBytes(byte[] utf8) throws IOException {
            if (charactersHeld) {
                passCharactersOn();
            }
            bytes.write(utf8);
        }

        private void passCharactersOn() throws IOException {
            // flushes the stream beneath as well: once for each change from characters to bytes (a header)
            characters.flush();
            charactersHeld = false;
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            characters.write(text, offset, length);
            charactersHeld = true;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            characters.write(text, offset, length);
            charactersHeld = true;
        }

        @Override
        public void write(int character) throws IOException {
            characters.write(character);
            charactersHeld = true;
        }

        @Override
        public void flush() throws IOException {
            characters.flush();
            charactersHeld = false;
        }

        @Override
        public void close() throws IOException {
            characters.close();
        }
    }
}
