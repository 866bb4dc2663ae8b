package uz.qaror.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.RulesException;

/**
 * Every service depends on the catalog's shared parameters and calendar, so a catalog parses them once for all its
 * services, and again only when a file's name or bytes change (a rules folder is edited while the engine runs).
 */
class SharedFilesParsedOnceTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    @Test
    void servicesOfOneCatalogShareTheParsedParametersAndCalendar(@TempDir Path dir) throws Exception {
        CatalogSource source = copy(dir);
        ServiceFolder first = source.readService("demo-benefit");
        ServiceFolder second = source.readService("identifiers");
        assertThat(second.parameters().get("bca")).isSameAs(first.parameters().get("bca"));
        assertThat(second.workingDays()).isSameAs(first.workingDays());
    }

    @Test
    void anEditedSharedFileIsParsedAgain(@TempDir Path dir) throws Exception {
        CatalogSource source = copy(dir);
        assertThat(threshold(source.readService("demo-benefit"))).isEqualByComparingTo("1200000");
        Files.writeString(dir.resolve("rules/parameters/threshold.yaml"), """
                id: threshold
                unit: soum
                values:
                  - {from: 2024-01-01, value: 1500000, legalBasis: "Test act 3"}
                """);
        assertThat(threshold(source.readService("demo-benefit"))).isEqualByComparingTo("1500000");
    }

    @Test
    void aRenamedSharedFileWithTheSameBytesIsCheckedAgain(@TempDir Path dir) throws Exception {
        CatalogSource source = copy(dir);
        source.readService("demo-benefit");
        Path parameters = dir.resolve("rules/parameters");
        Files.move(parameters.resolve("threshold.yaml"), parameters.resolve("limit.yaml"));
        assertThatThrownBy(() -> source.readService("demo-benefit"))
                .isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).diagnostics().get(0).message())
                        .contains("id 'threshold' must match the file name 'limit'"));
    }

    private static CatalogSource copy(Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Folders.copyTree(RulesFolderLinksTest.CATALOG, rules);
        return CatalogSource.directory(rules);
    }

    private static BigDecimal threshold(ServiceFolder folder) {
        return folder.parameters().get("threshold").at(DAY).orElseThrow().value();
    }
}
