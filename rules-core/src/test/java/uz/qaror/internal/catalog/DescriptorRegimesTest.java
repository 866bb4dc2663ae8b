package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.json.Json;

/** The regimes a descriptor lists must follow one another: a mistake is a diagnostic at the descriptor. */
class DescriptorRegimesTest {

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

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            [{from: 2021-09-01, to: 2026-02-01}, {from: 2026-02-01}] | regime 2 starts on 2026-02-01, not after regime 1 ends on 2026-02-01
            [{from: 2026-02-01}, {from: 2027-01-01}]                 | regime 1 has no 'to' date, yet regime 2 follows it
            [{to: 2026-01-31}, {to: 2027-01-01}]                     | regime 2 has no 'from' date; only the first regime may leave it out
            [{from: 2026-02-01, to: 2026-01-31}]                     | a regime ends (2026-01-31) before it starts (2026-02-01)
            """)
    void regimesOutOfOrderAreAnErrorAtTheDescriptor(String regimes, String message) {
        assertThatThrownBy(() -> read("regimes: " + regimes + "\n"))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("services/demo/service.yaml:")
                .hasMessageContaining("error: " + message)
                .hasMessageNotContaining("Cannot construct");
    }

    /** Reads a descriptor's bytes as the catalog does, so that a mistake comes back as its diagnostic. */
    private static ServiceDescriptor read(String yaml) {
        return YamlFiles.read((HEAD + yaml).getBytes(StandardCharsets.UTF_8), "services/demo/service.yaml",
                Json.YAML.constructType(ServiceDescriptor.class));
    }
}
