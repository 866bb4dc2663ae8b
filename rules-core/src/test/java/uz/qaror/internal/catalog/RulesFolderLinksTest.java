package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.Result;
import uz.qaror.internal.json.DecisionJson;

/**
 * A rules folder holds its own files: a link that leads out of it is refused (it would carry another file's
 * content into every applicant's failure record), an export never writes through a link, and no failure copies a
 * rule file beyond an excerpt.
 */
class RulesFolderLinksTest {

    static final Path CATALOG = Path.of("src/test/resources/test-catalog");
    static final String SECRET = "root:x:0:0:secret-of-another-file";
    static final String APPLICATION = """
            {"id": "A-1", "service": "demo-benefit", "submittedAt": "2024-06-01T10:00:00+05:00",
             "applicant": {"birthDate": "1990-01-01"}, "form": {"income": 1}}""";

    @Test
    void aLinkLeadingOutOfTheRulesFolderIsRefusedWithoutItsContent(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(CATALOG, rules);
        Path outside = Files.writeString(dir.resolve("passwd"), SECRET + "\n" + SECRET + "\n");
        Path reasons = rules.resolve("services/demo-benefit/reasons.yaml");
        Files.delete(reasons);
        Files.createSymbolicLink(reasons, outside);

        Result result = DecisionEngine.fromDirectory(rules).evaluate(APPLICATION);
        assertThat(result).isInstanceOf(Failure.class);
        Failure failure = (Failure) result;
        assertThat(failure.kind()).isEqualTo(Failure.Kind.RULES_BROKEN);
        assertThat(failure.describe()).contains("services/demo-benefit/reasons.yaml")
                .contains("symbolic link that leads out of the rules folder");
        assertThat(DecisionJson.write(failure, Language.EN)).doesNotContain("secret-of-another-file")
                .doesNotContain(outside.toString());
    }

    @Test
    void aLinkInsideTheRulesFolderStillWorks(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(CATALOG, rules);
        Path reasons = rules.resolve("services/demo-benefit/reasons.yaml");
        Path shared = Files.move(reasons, rules.resolve("shared-reasons.yaml"));
        Files.createSymbolicLink(reasons, shared);
        assertThat(DecisionEngine.fromDirectory(rules).decide(APPLICATION).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aLinkedServiceFolderLeadingOutIsRefusedToo(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(CATALOG, rules);
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(rules.resolve("services/demo-benefit"), elsewhere);
        Files.createSymbolicLink(rules.resolve("services/demo-benefit"), elsewhere);
        Failure failure = (Failure) DecisionEngine.fromDirectory(rules).evaluate(APPLICATION);
        assertThat(failure.kind()).isEqualTo(Failure.Kind.RULES_BROKEN);
        assertThat(failure.describe()).contains("leads out of the rules folder");
    }

    @Test
    void exportNeverWritesThroughALink(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("export");
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("services"), victim);

        assertThatThrownBy(() -> Folders.copyTree(CATALOG, target)).isInstanceOf(IOException.class)
                .hasMessageContaining("services is a symbolic link");
        try (var files = Files.list(victim)) {
            assertThat(files).as("nothing written where the link points").isEmpty();
        }
        try (var files = Files.list(target)) {
            assertThat(files).as("nothing written at all").containsExactly(target.resolve("services"));
        }
    }

    @Test
    void aBrokenRuleFileIsQuotedOnlyAsAnExcerpt(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(CATALOG, rules);
        Path descriptor = rules.resolve("services/demo-benefit/service.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("automatic: true",
                "automatic: \"" + "z".repeat(100_000) + "\""));
        Failure failure = (Failure) DecisionEngine.fromDirectory(rules).evaluate(APPLICATION);
        assertThat(failure.kind()).isEqualTo(Failure.Kind.RULES_BROKEN);
        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.message().length()).isLessThan(600));
    }
}
