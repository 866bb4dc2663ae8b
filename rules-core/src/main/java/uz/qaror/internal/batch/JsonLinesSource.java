package uz.qaror.internal.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** JSON Lines: every line is one record, blank lines included (they become error records, never vanish). */
final class JsonLinesSource implements RecordSource {

    private final BufferedReader reader;
    private final CountingInputStream counting;
    private final long size;
    private long line;

    JsonLinesSource(InputStream in, CountingInputStream counting, long size) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        this.counting = counting;
        this.size = size;
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
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
