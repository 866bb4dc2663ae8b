package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Records of text reach their stream whole, as UTF-8, in few large writes, and a flush passes everything on. */
class TextOutputTest {

    /** A stream that remembers the size of every write it is given. */
    private static final class Counting extends ByteArrayOutputStream {
        final List<Integer> writes = new ArrayList<>();

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes.add(length);
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            writes.add(1);
            super.write(b);
        }
    }

    /** A record of text in three scripts, with a character beyond U+FFFF. */
    private static String record(int number) {
        return "{\"record\":" + number + ",\"message\":\"Ariza qabul qilindi \u2014 O\u02BBzbekiston "
                + "\u0437\u0430\u044f\u0432\u043a\u0430 \u043f\u0440\u0438\u043d\u044f\u0442\u0430 \uD83D\uDE00\"}";
    }

    @Test
    void recordsLeaveInLargeBlocksAndAFlushPassesThemOn() throws IOException {
        Counting stream = new Counting();
        Writer out = TextOutput.utf8(stream);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            String record = record(i).repeat(1 + i % 7);
            out.write(record);
            out.write('\n');
            expected.append(record).append('\n');
            if (i % 1_000 == 999) {
                out.flush();
                assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
            }
        }
        out.flush();
        byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(stream.toByteArray()).isEqualTo(bytes);
        // one write per full block, and one per flush at most beyond them
        assertThat(stream.writes).hasSizeLessThanOrEqualTo(bytes.length / TextOutput.BLOCK + 6);
        assertThat(stream.writes.stream().limit(stream.writes.size() - 1)).allMatch(size -> size >= 8_192);
    }

    @Test
    void linesGivenAsBytesKeepTheirPlaceAmongCharacters() throws IOException {
        Counting stream = new Counting();
        Writer out = TextOutput.utf8(stream);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            String line = record(i);
            if (i % 500 == 0) {
                // characters between the bytes (a header, a line written as text) stay where they were written
                String text = "header " + i + " \u2014 \u0411\n";
                out.write(text);
                expected.append(text);
            }
            TextOutput.writeLine(out, line.getBytes(StandardCharsets.UTF_8));
            expected.append(line).append('\n');
        }
        out.flush();
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        // the bytes are buffered as the characters are: a handful of writes beyond the full blocks
        assertThat(stream.writes).hasSizeLessThanOrEqualTo(expected.length() * 2 / TextOutput.BLOCK + 14);
    }

    @Test
    void toAnyOtherWriterALineGivenAsBytesIsWrittenAsItsText() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        TextOutput.writeLine(out, "{\"message\":\"\u0437\u0430\u044f\u0432\u043a\u0430 \uD83D\uDE00\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString()).isEqualTo("{\"message\":\"\u0437\u0430\u044f\u0432\u043a\u0430 \uD83D\uDE00\"}\n");
    }
}
