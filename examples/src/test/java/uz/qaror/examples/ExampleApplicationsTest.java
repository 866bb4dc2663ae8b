package uz.qaror.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Result;

/** Every example application is decided (none fails), and the embedding example reads as documented. */
class ExampleApplicationsTest {

    private static final DecisionEngine ENGINE = DecisionEngine.embedded();

    @Test
    void everyExampleIsDecided() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("applications"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Result result = ENGINE.evaluate(Files.readString(file));
            assertThat(result).as(file.toString()).isInstanceOf(Decision.class);
        }
    }

    @Test
    void everyServiceHasAnExample() throws IOException {
        for (String service : ENGINE.serviceIds()) {
            assertThat(Path.of("applications", service + ".json")).as("example of " + service).exists();
        }
    }

    @Test
    void embedExampleDescribesTheDecision() throws IOException {
        String text = EmbedExample.describe(ENGINE,
                Files.readString(Path.of("applications", "marriage-registration-17.json")));
        assertThat(text).startsWith("MR-2025-000002 (marriage-registration): REJECTED")
                .contains("You have not reached the marriage age (17)")
                .contains("[Family Code art. 15]");
    }
}
