package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML simulation report rendered by a real headless Chromium: its script must run and draw the matrix,
 * a section per service and the list of changes. CI installs Chromium (.ci/run); elsewhere the test is skipped
 * when no Chromium is installed.
 */
class SimulationReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void theReportRendersInHeadlessChromium() throws Exception {
        Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
                Path.of("/usr/bin/google-chrome")).stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            assertThat(System.getenv("CI")).as("CI must install Chromium for this test (see .ci/run)").isNull();
            Assumptions.abort("no Chromium installed");
        }
        Path candidate = dir.resolve("candidate");
        DecisionEngineCopies.copy(SimulateAndGenerateTest.CATALOG, candidate);
        Path mce = candidate.resolve("parameters/minimum-consumer-expenditure.yaml");
        Files.writeString(mce, Files.readString(mce).replace("value: 669000", "value: 760000"));
        Path applications = dir.resolve("apps.jsonl");
        CliTest.run("generate", "--count", "600", "--seed", "5", "--services", "child-benefit,material-assistance",
                "--from", "2025-01-01", "--to", "2025-12-31", "-o", applications.toString());
        Path html = dir.resolve("report.html");
        assertThat(CliTest.run("simulate", "--candidate", candidate.toString(), applications.toString(),
                "--html", html.toString()).exitCode()).isZero();

        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        byte[] dom = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String rendered = new String(dom, StandardCharsets.UTF_8);
        assertThat(rendered).contains("data-rendered=\"yes\"");
        assertThat(rendered).contains("class=\"matrix\"").contains("data-service=\"child-benefit\"")
                .contains("id=\"change-list\"").contains("class=\"bar after\"");
        assertThat(rendered).containsPattern("REJECTED -&gt; APPROVED|REJECTED -> APPROVED");
    }
}
