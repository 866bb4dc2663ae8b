package uz.qaror.tools.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** JSON Lines: every line is one record, blank lines included (they become error records, never vanish). */
final class JsonLinesSource extends StreamRecordSource {

    private final BufferedReader reader;
    private long line;

    JsonLinesSource(InputStream in, CountingInputStream counting, long size) {
        super(counting, size);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    @Override
    public InputRecord next() throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        line++;
        if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new InputRecord(line, "line " + line, text);
    }



    @Override
    public void close() throws IOException {
        reader.close();
    }
}
