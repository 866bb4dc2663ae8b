package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web console end to end in Debian's headless Chromium driven by Selenium: open the page, pick a service,
 * fill its form, submit, and read the outcome and a reason in the chosen language. CI installs Chromium and its
 * driver (.ci/run); elsewhere the test is skipped when they are missing.
 */
class ConsoleInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path profile;

    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            assertThat(System.getenv("CI")).as("CI must install chromium and chromium-driver (see .ci/run)").isNull();
            Assumptions.abort("no Chromium or chromedriver installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pickAServiceFillItsFormAndReadTheDecisionInTheChosenLanguage() {
        QarorServer server = TestServers.shared();
        browser.get(server.uri().toString());
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        By marriage = By.cssSelector("#service-list button[data-service='marriage-registration']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(marriage, "State registration of marriage"));
        browser.findElement(marriage).click();

        WebElement married = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#fields [data-path='form.applicantMarried']")));
        assertThat(browser.findElement(By.id("service-name")).getText()).isEqualTo("State registration of marriage");
        assertThat(browser.findElement(By.cssSelector("label[for='" + married.getAttribute("id") + "']")).getText())
                .contains("whether you are already married");
        assertThat(browser.findElements(By.cssSelector("#rules tbody tr"))).isNotEmpty();
        new Select(married).selectByValue("true");
        browser.findElement(By.id("submit")).click();

        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        wait.until(d -> !outcome.getText().isBlank());
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("REJECTED");
        assertThat(outcome.getText()).isEqualTo("Rejected");
        List<WebElement> reasons = browser.findElements(By.cssSelector("#reasons li"));
        assertThat(reasons).isNotEmpty();
        assertThat(reasons.get(0).getText()).startsWith(expectedReason("en"));
        assertThat(browser.findElements(By.cssSelector("#fired li"))).as("the explanation's rules").isNotEmpty();
        assertThat(browser.findElement(By.id("ids")).getText()).contains("Decision id").contains("Rules version");

        new Select(browser.findElement(By.id("lang"))).selectByValue("ru");
        wait.until(ExpectedConditions.textToBe(By.id("service-name"), "Государственная регистрация брака"));
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Отказано"));
        wait.until(d -> d.findElement(By.cssSelector("#reasons li")).getText().startsWith(expectedReason("ru")));
    }

    @Test
    void theParametersWithTheirDatedHistory() {
        browser.get(TestServers.shared().uri().toString());
        new Select(browser.findElement(By.id("lang"))).selectByValue("uz-Cyrl");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-parameters"))).click();
        WebElement bca = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#all-parameters [data-parameter='bca']")));
        assertThat(bca.getText()).contains("Базавий ҳисоблаш миқдори").contains("2019-08-01").contains("UP-5765");
    }

    /** The first reason the API gives for the console's application: the example with "already married". */
    private static String expectedReason(String language) {
        Http http = new Http(TestServers.shared());
        ObjectNode application = (ObjectNode) http.get("/v1/services/marriage-registration/example").json()
                .path("application");
        ((ObjectNode) application.get("form")).put("applicantMarried", true);
        return http.postJson("/v1/decisions?lang=" + language, application.toString()).json()
                .at("/reasons/0/message").asText();
    }
}
