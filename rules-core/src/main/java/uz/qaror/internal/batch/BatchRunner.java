package uz.qaror.internal.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Problem;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.json.Json;

/**
 * Decides a stream of JSON Lines: exactly one output line per input line, in order, each with its line number;
 * a line that cannot be decided becomes an error record and the batch goes on. Streams: memory does not grow
 * with the input.
 */
public final class BatchRunner {

    private final DecisionEngine engine;
    private final Language language;

    public BatchRunner(DecisionEngine engine, Language language) {
        this.engine = engine;
        this.language = language;
    }

    public BatchSummary run(InputStream in, OutputStream out) throws IOException {
        BatchSummary summary = new BatchSummary();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            Result result = line.isBlank()
                    ? new Failure(null, null, Failure.Kind.MALFORMED_JSON,
                            List.of(new Problem("$", "the line is empty; every line holds one application")))
                    : engine.evaluate(line);
            summary.add(result);
            ObjectNode record = Json.JSON.createObjectNode();
            record.put("line", number);
            record.setAll(DecisionJson.toNode(result, language));
            writer.write(Json.JSON.writeValueAsString(record));
            writer.write('\n');
        }
        writer.flush();
        return summary;
    }
}
