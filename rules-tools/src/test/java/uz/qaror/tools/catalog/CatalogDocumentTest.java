package uz.qaror.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.json.Json;

/** The regimes a descriptor lists, as docs/catalog.md shows them. */
class CatalogDocumentTest {

    private static final String HEAD = """
            id: demo
            names: {en: Demo}
            agency: {id: test, names: {en: Test agency}}
            channels: [web]
            automatic: true
            legalBasis: ["Test act"]
            verification: P
            unverified: ["the amount [E]"]
            """;

    private static ServiceDescriptor descriptor(String yaml) throws IOException {
        return Json.YAML.readValue(HEAD + yaml, ServiceDescriptor.class);
    }

    @Test
    void eachRegimeShowsItsDaysLabelSummaryAndAct() throws IOException {
        ServiceDescriptor demo = descriptor("""
                regimes:
                  - to: 2026-01-31
                    act: "Old act"
                    verification: V
                    summary: "the old rules"
                  - from: 2026-02-01
                    to: 2026-12-31
                    act: "New act"
                    verification: E
                    summary: "the new rules"
                  - from: 2027-01-01
                    summary: "the next rules"
                fee:
                  legalBasis: "Fee act"
                  options:
                    - {code: exam, bca: 0.1, onlineBca: 0.09, legalBasis: "Exam act [P]"}
                    - {code: licence, bca: 0.7}
                """);
        String markdown = CatalogDocument.markdown(List.of(demo));
        assertThat(markdown).contains("""
                - Verification: P
                - Regimes by submission date:
                  - until 2026-01-31 [V]: the old rules (Old act)
                  - 2026-02-01 to 2026-12-31 [E]: the new rules (New act)
                  - from 2027-01-01: the next rules
                - To verify:
                  - the amount [E]
                """);
        assertThat(markdown).contains("| by case: exam 0.1 (online 0.09), licence 0.7 |")
                .contains("- Fee: by case: exam 0.1 (online 0.09), licence 0.7 BCA (Fee act)\n  - `exam`: Exam act [P]\n");
    }

    @Test
    void aServiceWithoutRegimesSaysItHasOne() throws IOException {
        assertThat(CatalogDocument.markdown(List.of(descriptor(""))))
                .contains("- Regimes: one for every date (amounts follow the dated parameters in force)\n");
    }
}
