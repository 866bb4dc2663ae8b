package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog YAML file's JSON form (what prebuilt rules hold, read in a tenth of the time) gives the values the YAML
 * gives, and is taken only for the version of the service it was made from.
 */
class ParsedFilesTest {

    @Test
    void everyYamlFileOfAServiceHasAJsonFormThatReadsTheSame(@TempDir Path dir) throws Exception {
        CatalogSource yaml = copy(dir);
        ServiceFiles files = yaml.files("demo-benefit");
        Map<String, byte[]> forms = new HashMap<>();
        yaml.yamlFiles(files).forEach((file, content) ->
                forms.put(file, CatalogSource.jsonForm(file, content)));
        assertThat(forms).containsKeys("services/demo-benefit/service.yaml", "services/demo-benefit/reasons.yaml",
                "calendar.yaml", "parameters/bca.yaml", "parameters/threshold.yaml").doesNotContainValue(null);

        ServiceFolder fromYaml = yaml.readService("demo-benefit", files);
        ServiceFolder fromJson = yaml.withParsedFiles((id, version, file) -> forms.get(file))
                .readService("demo-benefit", files);
        assertThat(fromJson.descriptor()).isEqualTo(fromYaml.descriptor());
        assertThat(fromJson.reasons()).isEqualTo(fromYaml.reasons());
        assertThat(fromJson.parameters().ids()).isEqualTo(fromYaml.parameters().ids());
        for (String id : fromYaml.parameters().ids()) {
            assertThat(fromJson.parameters().get(id)).as(id).isEqualTo(fromYaml.parameters().get(id));
        }
    }

    @Test
    void aDecimalKeepsItsDigitsAndAYamlOnlyNumberHasNoJsonForm() {
        byte[] decimals = yaml("""
                id: rate
                unit: percent
                values:
                  - {from: 2024-01-01, value: 1.10, legalBasis: "Test act 1"}
                """);
        byte[] json = CatalogSource.jsonForm("parameters/rate.yaml", decimals);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("1.10");
        assertThat(series(json).values().get(0).value()).isEqualTo(new BigDecimal("1.10"));

        // YAML reads 0x10 as sixteen; JSON has no such number, so the file is read as YAML.
        assertThat(CatalogSource.jsonForm("parameters/rate.yaml", yaml("""
                id: rate
                unit: percent
                values:
                  - {from: 2024-01-01, value: 0x10, legalBasis: "Test act 1"}
                """))).isNull();
        assertThat(CatalogSource.jsonForm("parameters/rate.yaml", yaml("id: rate\nunit: [unclosed\n"))).isNull();
        assertThat(CatalogSource.jsonForm("parameters/rate.yaml", yaml("id: rate\ncolour: red\n"))).isNull();
    }

    @Test
    void aJsonFormIsTakenForTheVersionItWasMadeFromAndNoOther(@TempDir Path dir) throws Exception {
        CatalogSource yaml = copy(dir);
        ServiceFiles files = yaml.files("demo-benefit");
        String descriptor = "services/demo-benefit/service.yaml";
        // A form that differs from the file shows which of the two was read.
        byte[] edited = new String(CatalogSource.jsonForm(descriptor, files.content(
                        dir.resolve("rules/services/demo-benefit/service.yaml"))), StandardCharsets.UTF_8)
                .replace("\"lifeEvent\":\"test\"", "\"lifeEvent\":\"from the JSON form\"")
                .getBytes(StandardCharsets.UTF_8);
        CatalogSource.ParsedFiles parsed = (id, version, file) ->
                version.equals(files.version()) && file.equals(descriptor) ? edited : null;

        assertThat(yaml.withParsedFiles(parsed).readService("demo-benefit").descriptor().lifeEvent())
                .isEqualTo("from the JSON form");
        // Any byte of the service's files changed gives another version: the YAML is read.
        Files.writeString(dir.resolve("rules/services/demo-benefit/reasons.yaml"), "\n", StandardOpenOption.APPEND);
        assertThat(yaml.withParsedFiles(parsed).readService("demo-benefit").descriptor().lifeEvent())
                .isEqualTo("test");
    }

    private static uz.qaror.internal.params.ParameterSeries series(byte[] json) {
        return YamlAsJson.read(json, com.fasterxml.jackson.databind.type.TypeFactory.defaultInstance()
                .constructType(uz.qaror.internal.params.ParameterSeries.class));
    }

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CatalogSource copy(Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(RulesFolderLinksTest.CATALOG, rules);
        return CatalogSource.directory(rules);
    }
}
