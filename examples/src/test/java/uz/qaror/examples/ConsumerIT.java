package uz.qaror.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A fresh embedding project (src/it/consumer: imports qaror-bom, depends on rules-core and rules-catalog without
 * versions) has been built by the invoker against this build's artifacts and decided an application in its own
 * test. Here: it runs with exactly the library versions this build tests with, and docs/embedding.md shows its
 * real dependency tree.
 */
class ConsumerIT {

    private static final Path CONSUMER = Path.of(System.getProperty("qaror.consumer"));
    private static final Path REACTOR_LIST = Path.of(System.getProperty("qaror.reactorList"));
    private static final Path DOCS = Path.of(System.getProperty("qaror.docs"));

    /** {@code group:artifact:type:version:scope} lines of {@code dependency:list}. */
    private static final Pattern LISTED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^:\\s]+:([^:\\s]+):(compile|runtime)");

    @Test
    void theConsumerDecidedAnApplication() throws IOException {
        assertThat(CONSUMER.resolve("surefire-reports/TEST-org.example.portal.DecideTest.xml")).content()
                .contains("tests=\"1\"").contains("failures=\"0\"").contains("errors=\"0\"");
    }

    @Test
    void theConsumerGetsEveryLibraryAtTheVersionThisBuildTestsWith() throws IOException {
        Map<String, String> consumer = versions(CONSUMER.resolve("dependency-list.txt"));
        Map<String, String> reactor = versions(REACTOR_LIST);
        reactor.keySet().removeIf(ga -> ga.startsWith("ch.qos.logback:")); // the examples' own logging backend

        assertThat(consumer).isEqualTo(reactor);
        assertThat(consumer.entrySet()).filteredOn(e -> e.getKey().startsWith("com.fasterxml.jackson"))
                .extracting(Map.Entry::getValue).allMatch(v -> v.startsWith(reactor.get(
                        "com.fasterxml.jackson.core:jackson-databind").substring(0, 4)));
        assertThat(consumer.keySet()).noneMatch(ga -> ga.startsWith("org.apache.poi:"));
    }

    @Test
    void theDocumentedTreeIsTheRealOne() throws IOException {
        String tree = Files.readString(CONSUMER.resolve("dependency-tree.txt"), StandardCharsets.UTF_8).strip();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
                .as("docs/embedding.md must show the consumer's dependency tree; paste %s",
                        CONSUMER.resolve("dependency-tree.txt"))
                .contains(tree);
    }

    private static Map<String, String> versions(Path list) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Matcher matcher = LISTED.matcher(line);
            if (matcher.find() && !matcher.group(1).equals("uz.qaror")) {
                versions.put(matcher.group(1) + ":" + matcher.group(2), matcher.group(3));
            }
        }
        assertThat(versions).as(list.toString()).isNotEmpty();
        return versions;
    }
}
