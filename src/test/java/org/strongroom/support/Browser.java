package org.strongroom.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian (which .ci/run installs) on Strongroom's pages, as a user drives them: sign in,
 * click, type, wait for what the page shows; screenshots to target/screenshots; axe-core's accessibility check.
 * Where Chromium is missing the test is skipped, naming what to install.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final URL base;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(URL base, ChromeDriver driver) {
        this.base = base;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** A browser window of 1366×768, the smallest desktop size the pages are made for. */
    public static Browser open(URL base) {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return new Browser(base, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Opens {@code route} (e.g. {@code #/vaults}, or "" for the start page). */
    public void go(String route) {
        driver.get(base + route);
    }

    public void signIn(String user, String password) {
        go("jobs");
        visible("login-user").sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-table")));
    }

    public WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    public void click(By locator) {
        fresh(d -> {
            wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
            return true;
        });
    }

    /** Replaces the text of input {@code id} with {@code text}. */
    public void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until element {@code id} shows {@code text}; answers all it shows then. */
    public String awaitText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return driver.findElement(By.id(id)).getText();
    }

    public String awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return fresh(d -> d.findElement(locator).getText());
    }

    /** Accepts the confirmation an unsafe action asks for. */
    public void confirm() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Reads from the page, again if a live refresh replaced the elements meanwhile. */
    public <T> T fresh(Function<WebDriver, T> read) {
        return wait.ignoring(StaleElementReferenceException.class).until(read::apply);
    }

    /**
     * Waits for the job watched in {@code container} (a {@code .job-watch} box) to end; answers its status and the
     * job's id.
     */
    public Watched awaitJob(String container) {
        By box = By.cssSelector("#" + container + " .job-watch");
        String status = fresh(d -> {
            String shown = d.findElement(box).getAttribute("data-status");
            return shown == null || shown.equals("InProgress") ? null : shown;
        });
        return new Watched(driver.findElement(box).getAttribute("data-job-id"), status, driver.findElement(box).getText());
    }

    /** A job as a page showed it when it ended. */
    public record Watched(String id, String status, String text) {
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A screenshot with element {@code id} scrolled to the top of the window. */
    public void screenshot(String name, String id) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", id);
        screenshot(name);
    }

    public void screenshot(String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the page as it shows now and fails on any serious or critical violation (WCAG 2.1 A and AA
     * rules, and axe's best practices), naming each rule and the elements that break it.
     */
    public void assertAccessible(String page) {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        List<Object> violations = (List<Object>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(error => done(['axe failed: ' + error]));");
        assertEquals(List.of(), violations, "serious accessibility violations on " + page);
    }
}
