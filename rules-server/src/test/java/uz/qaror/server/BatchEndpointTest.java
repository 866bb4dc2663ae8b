package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordFormat;

/** POST /v1/decisions/batch: the batch contract of qaror batch over HTTP, streamed. */
class BatchEndpointTest {

    private static final String JSONL = "application/x-ndjson";

    @Test
    void oneLinePerInputLineInOrderEachAsQarorBatchWritesIt() {
        QarorServer server = TestServers.start(TestServers.options().maxBodyBytes(4000));
        try {
            String marriage = oneLine(Http.example("marriage-registration"));
            String child = oneLine(Http.example("child-benefit"));
            List<String> input = List.of(marriage, "", "{\"id\": ", child + "\r",
                    marriage.replace("marriage-registration", "no-such-service"),
                    "{\"id\":\"" + "x".repeat(5000) + "\"}", child);
            Http.Response response = new Http(server).post("/v1/decisions/batch?lang=ru", JSONL,
                    String.join("\n", input) + "\n");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith(JSONL);
            String batchId = response.header(BatchEndpoint.BATCH_ID);
            List<String> lines = response.body().lines().toList();
            assertThat(lines).hasSize(input.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = DecisionEndpointsTest.read(lines.get(i));
                long record = i + 1;
                assertThat(line.path("record").asLong()).isEqualTo(record);
                assertThat(line.path("decisionId").asText()).isEqualTo(batchId + "-" + record);
                if (i == 5) {
                    assertThat(line.at("/error/kind").asText()).isEqualTo("LIMIT_EXCEEDED");
                    assertThat(line.at("/error/message").asText()).contains("5,010 bytes of input, more than the "
                            + "limit of one record");
                    continue;
                }
                String text = input.get(i).endsWith("\r") ? input.get(i).substring(0, input.get(i).length() - 1)
                        : input.get(i);
                InputRecord inputRecord = InputRecord.of(record, "line " + record, text);
                String expected = RecordFormat.JSONL.format(inputRecord,
                        BatchRunner.decide(TestServers.engine(), inputRecord).result(), Language.RU);
                ((ObjectNode) line).remove("decisionId");
                assertThat(line).as("line %d", record).isEqualTo(DecisionEndpointsTest.read(expected));
            }
            assertThat(lines.get(0)).contains("\"outcome\":\"APPROVED\"");
            assertThat(lines.get(1)).contains("the record is empty");
            assertThat(lines.get(4)).contains("UNKNOWN_SERVICE");
        } finally {
            server.close();
        }
    }

    @Test
    void manyRecordsGiveExactlyAsManyLines() {
        StringBuilder body = new StringBuilder();
        String marriage = oneLine(Http.example("marriage-registration"));
        int records = 12_000;
        for (int i = 0; i < records; i++) {
            body.append(i % 100 == 0 ? marriage : i % 2 == 0 ? "{}" : "not json").append('\n');
        }
        Http.Response response = new Http(TestServers.shared()).post("/v1/decisions/batch", JSONL, body.toString());
        assertThat(response.status()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(records);
        assertThat(lines.get(records - 1)).contains("\"record\":" + records + ",");
        assertThat(lines.stream().filter(l -> l.contains("\"outcome\":\"APPROVED\"")).count()).isEqualTo(records / 100);
    }

    @Test
    void decisionsStreamBackWhileTheBodyIsStillComing() throws Exception {
        QarorServer server = TestServers.shared();
        String marriage = oneLine(Http.example("marriage-registration"));
        try (Http.Raw raw = new Http.Raw(server)) {
            raw.send("POST /v1/decisions/batch HTTP/1.1\r\nHost: x\r\nContent-Type: " + JSONL
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < 2500; i++) {
                String line = marriage + "\n";
                raw.send(Integer.toHexString(line.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + line + "\r\n");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(raw.in, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 200");
            String line;
            while (!(line = reader.readLine()).isEmpty()) {
                assertThat(line).doesNotStartWith("Content-Length");
            }
            reader.readLine(); // the first chunk's size
            assertThat(reader.readLine()).as("a decision before the body has ended")
                    .contains("\"record\":1,").contains("APPROVED");
            raw.send("0\r\n\r\n");
            List<String> rest = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("{")) {
                    rest.add(line);
                }
            }
            assertThat(rest).isNotEmpty();
            assertThat(rest.get(rest.size() - 1)).contains("\"record\":2500,");
        }
    }

    @Test
    void aBatchMustBeJsonLines() {
        Http.Response response = new Http(TestServers.shared()).postJson("/v1/decisions/batch", "{}");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().at("/error/message").asText()).contains("application/x-ndjson");
    }

    static String oneLine(String json) {
        return DecisionEndpointsTest.read(json).toString();
    }
}
