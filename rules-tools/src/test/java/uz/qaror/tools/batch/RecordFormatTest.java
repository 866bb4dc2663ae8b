package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Result;

/**
 * A record written as UTF-8 bytes (as a batch's workers write them) is its text encoded, byte for byte: for every
 * example application and some that fail (one with an emoji in its id), in every language and both formats.
 */
class RecordFormatTest {

    @Test
    void aRecordAsBytesIsItsTextInUtf8() throws IOException {
        DecisionEngine engine = DecisionEngine.fromDirectory(
                Path.of("../rules-catalog/src/main/resources/qaror/catalog"));
        List<Result> results = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("../examples/applications"))) {
            for (Path example : examples.sorted().toList()) {
                results.add(engine.evaluate(Files.readString(example)));
            }
        }
        // an id beyond U+FFFF (an emoji) is written as itself in bytes as in text, not as two escapes
        for (String failing : List.of("{\"id\":\"\u0437-1 \uD83D\uDE00\",\"service\":\"no-such-service\"}", "[1,2]",
                "{\"id\":\"A\",\"service\":\"marriage-registration\",\"applicant\":{\"pinfl\":\"\u0431\"}}")) {
            results.add(engine.evaluate(failing));
        }
        assertThat(results).anyMatch(Decision.class::isInstance).anyMatch(Failure.class::isInstance);
        int compared = 0;
        for (Result result : results) {
            InputRecord record = InputRecord.of(compared + 1, "examples/\u0430\u0440\u0438\u0437\u0430.jsonl:"
                    + (compared + 1), "{}");
            for (RecordFormat format : RecordFormat.values()) {
                for (Language language : Language.values()) {
                    assertThat(new String(format.utf8(record, result, language), StandardCharsets.UTF_8))
                            .isEqualTo(format.format(record, result, language));
                    assertThat(format.utf8(record, result, language))
                            .isEqualTo(format.format(record, result, language).getBytes(StandardCharsets.UTF_8));
                }
            }
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(33);
    }
}
