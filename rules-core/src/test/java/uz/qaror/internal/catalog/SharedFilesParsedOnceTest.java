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
 * Every service depends on the catalog's shared parameters and calendar, so a catalog parses and hashes them once
 * for all its services, and again only when a file's name or bytes change (a rules folder is edited while the
 * engine runs).
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

    @Test
    void aServicesVersionHashesTheSharedFilesAsTheyAreNowNotAsTheyWereHashedBefore(@TempDir Path dir) throws Exception {
        CatalogSource source = copy(dir);
        Path root = dir.resolve("rules");
        String before = source.files("demo-benefit").version();
        assertThat(source.files("identifiers").version()).isEqualTo(hashOf(root, source.files("identifiers")));

        Path threshold = root.resolve("parameters/threshold.yaml");
        byte[] original = Files.readAllBytes(threshold);
        Files.writeString(threshold, Files.readString(threshold) + "# edited\n");
        ServiceFiles edited = source.files("demo-benefit");
        assertThat(edited.version()).isNotEqualTo(before).isEqualTo(hashOf(root, edited))
                .isEqualTo(copyOf(root, dir.resolve("fresh")).files("demo-benefit").version());

        Files.write(threshold, original);
        assertThat(source.files("demo-benefit").version()).isEqualTo(before);
    }

    /** The version as defined: SHA-256 of each file's path in the catalog, NUL, its bytes, NUL, in order of path. */
    private static String hashOf(Path root, ServiceFiles files) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        java.util.TreeMap<String, byte[]> byName = new java.util.TreeMap<>();
        files.contents().forEach((file, bytes) -> byName.put(root.relativize(file).toString(), bytes));
        byName.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        });
        assertThat(byName.keySet()).contains("calendar.yaml", "parameters/threshold.yaml");
        return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static CatalogSource copyOf(Path from, Path to) throws Exception {
        Folders.copyTree(from, to);
        return CatalogSource.directory(to);
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
