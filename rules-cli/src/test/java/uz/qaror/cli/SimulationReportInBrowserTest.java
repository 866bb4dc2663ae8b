package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML simulation report as a real headless Chromium shows it, with scripts and without (as mail readers and
 * archives show it): the page is drawn on the server, so both show the same matrix, service sections, charts and
 * list of changes, in the language asked for, with sums grouped, and outcome changes apart from changes of
 * amounts or fees only. CI installs Chromium (.ci/run); elsewhere the test is skipped when none is installed.
 */
class SimulationReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void theReportReadsTheSameWithAndWithoutScriptsInTheChosenLanguage() throws Exception {
        Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
                Path.of("/usr/bin/google-chrome")).stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            assertThat(System.getenv("CI")).as("CI must install Chromium for this test (see .ci/run)").isNull();
            Assumptions.abort("no Chromium installed");
        }
        // The poverty line rises (child benefits change outcome) and so does the BCA (fees change, outcomes not).
        Path candidate = dir.resolve("candidate");
        DecisionEngineCopies.copy(SimulateAndGenerateTest.CATALOG, candidate);
        Path mce = candidate.resolve("parameters/minimum-consumer-expenditure.yaml");
        Files.writeString(mce, Files.readString(mce).replace("value: 669000", "value: 760000"));
        Path bca = candidate.resolve("parameters/bca.yaml");
        Files.writeString(bca, Files.readString(bca).replace("value: 412000", "value: 450000"));
        Path applications = dir.resolve("apps.jsonl");
        CliTest.run("generate", "--count", "600", "--seed", "5", "--services",
                "child-benefit,material-assistance,marriage-registration", "--from", "2025-01-01", "--to", "2025-12-31",
                "-o", applications.toString());
        Path html = dir.resolve("report.html");
        assertThat(CliTest.run("simulate", "--candidate", candidate.toString(), applications.toString(),
                "--html", html.toString(), "--lang", "ru").exitCode()).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script");

        // Without scripts: the page as a mail reader shows it, here with every script forbidden by a content
        // security policy (the control page shows that the policy does stop a script).
        Path control = dir.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><head></head><body><p id=\"x\">static</p>"
                + "<script>document.getElementById('x').textContent = 'scripted';</script></body></html>");
        assertThat(dump(chromium, control, true)).contains(">scripted<");
        assertThat(dump(chromium, control, false)).contains(">static<");

        for (boolean scripts : new boolean[] {true, false}) {
            String rendered = dump(chromium, html, scripts);
            assertThat(rendered).as("scripts " + (scripts ? "on" : "off")).contains("<html lang=\"ru\"")
                    .contains("Что изменят предлагаемые правила")
                    .contains("class=\"matrix\"").contains("data-service=\"child-benefit\"")
                    .contains("id=\"change-list\"").contains("class=\"bar after\"")
                    .containsPattern("Отказано[^<]*</th>")
                    // marriage registration: every change is the fee, none is an outcome
                    .containsPattern("(?s)data-service=\"marriage-registration\".*?data-figure=\"outcome-changed\">0<"
                            + ".*?data-figure=\"amounts-only\">[1-9]")
                    // fee sums grouped the Russian way: "+494 000 сум" with a no-break space (which the DOM writes
                    // as an entity)
                    .containsPattern("\\+\\d{1,3}((\u00A0|&nbsp;)\\d{3})+ сум");
        }
    }

    /** The DOM Chromium builds from a page; without scripts, from a copy whose policy forbids every script. */
    private String dump(Path chromium, Path html, boolean scripts) throws Exception {
        Path page = html;
        if (!scripts) {
            page = html.resolveSibling("no-scripts-" + html.getFileName());
            Files.writeString(page, Files.readString(html).replaceFirst("<head>",
                    "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"));
        }
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString()));
        Process browser = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] dom = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(dom, StandardCharsets.UTF_8);
    }
}
