package uz.qaror.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * rules-core is a named module (uz.qaror.core): on the module path it decides as on the class path, and an
 * embedder's code reaches uz.qaror and uz.qaror.facts but none of uz.qaror.internal.
 */
class ModulePathIT {

    private static final String MODULE_PATH = System.getProperty("qaror.modulePath");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theEmbeddedCatalogDecidesOnTheModulePath() throws Exception {
        String out = java(List.of("--add-modules", "uz.qaror.core,uz.qaror.catalog",
                "-cp", "target/classes", EmbedExample.class.getName(), "applications/child-benefit.json"));

        // child-benefit reads its amounts from a CSV decision table: Drools' table compiler works there too
        assertThat(out).contains("(child-benefit): APPROVED").contains("monthlyBenefit:");
    }

    @Test
    void onlyThePublicPackagesAreExported() throws Exception {
        String description = java(List.of("--describe-module", "uz.qaror.core"));

        assertThat(description.lines().filter(line -> line.startsWith("exports ")))
                .containsExactlyInAnyOrder("exports uz.qaror", "exports uz.qaror.facts");
        assertThat(description.lines().filter(line -> line.startsWith("qualified exports uz.qaror.internal.run to ")))
                .singleElement().asString().contains("uz.qaror.tools");
    }

    @Test
    void anEmbeddersCodeCannotReachTheInternals() throws Exception {
        String out = java(List.of("--add-modules", "uz.qaror.core",
                "-cp", "target/test-classes", InternalsProbe.class.getName()));

        assertThat(out.strip()).isEqualTo("closed");
    }

    private static String java(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "--module-path", MODULE_PATH));
        command.addAll(arguments);
        Path out = Files.createTempFile("module-path", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
