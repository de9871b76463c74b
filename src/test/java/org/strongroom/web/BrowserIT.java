package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.strongroom.support.Api;
import org.strongroom.support.Browser;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * The backup-jobs page in a real browser ({@link Browser}: headless Chromium from Debian, which .ci/run installs; on a
 * machine without it this test is skipped): sign in, watch a backup appear and complete, filter failed
 * jobs and read a key update's error code, see a vault's encryption properties and its activity log's
 * verdict. Screenshots go to target/screenshots (docs/images holds copies).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private Browser session;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        session = Browser.open(base);
        browser = session.driver();
        wait = session.await();
    }

    @AfterEach
    void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    private void screenshot(String name) {
        session.screenshot(name);
    }

    private String newOperator() {
        String name = Names.unique("watcher");
        assertEquals(201, Api.admin(base).put("/api/users/" + name,
                "{\"password\":\"watch-Secret-42\",\"roles\":[\"operator\"]}").status());
        return name;
    }

    private void signIn(String user, String password) {
        session.signIn(user, password);
    }

    private WebElement jobRow(String id, String status) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(jobRowLocator(id, status)));
    }

    private static By jobRowLocator(String id, String status) {
        return By.cssSelector("tr[data-job-id='" + id + "'][data-status='" + status + "']");
    }

    /**
     * Reads from the page, again if the live refresh replaced the elements meanwhile (the jobs table is
     * re-rendered while it is watched).
     */
    private <T> T fresh(Function<WebDriver, T> read) {
        return session.fresh(read);
    }

    @Test
    void operator_watchesABackupComplete_filtersFailedJobs_andReadsAVaultsEncryptionAndActivityLog() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        assertEquals(201, cmk.admin().put("/api/vaults/" + setup.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + SourceTrees.tree("browser", 70) + "\"}}").status());
        String unauthorised = cmk.vault("westeurope");
        cmk.identity(unauthorised);
        JsonObject failedUpdate = cmk.assignAndWait(unauthorised, setup.kid());
        assertEquals("Failed", failedUpdate.getString("status"), failedUpdate.toString());
        String user = newOperator();

        signIn(user, "watch-Secret-42");
        assertEquals(user + " (operator)", browser.findElement(By.id("who")).getText());

        String backup = cmk.admin().post("/api/vaults/" + setup.vault() + "/items/files1/backup", "").json().getString("id");
        WebElement done = jobRow(backup, "Completed");
        assertTrue(done.getText().contains(setup.vault()), done.getText());
        screenshot("jobs");

        new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Failed");
        browser.findElement(By.id("filter-apply")).click();
        By failed = jobRowLocator(failedUpdate.getString("id"), "Failed");
        jobRow(failedUpdate.getString("id"), "Failed");
        assertEquals(failedUpdate.getJsonObject("error").getString("code"),
                fresh(d -> d.findElement(failed).findElement(By.className("error-code")).getText()));
        List<String> statuses = fresh(d -> d.findElements(By.cssSelector("#jobs-body tr[data-job-id]")).stream()
                .map(r -> r.getAttribute("data-status")).toList());
        assertFalse(statuses.isEmpty());
        assertTrue(statuses.stream().allMatch("Failed"::equals), "only failed jobs are listed");
        assertTrue(browser.getCurrentUrl().contains("status=Failed"), "the filter is in the address, to share or reload");
        screenshot("jobs-failed");

        fresh(d -> {
            d.findElement(failed).findElement(By.tagName("a")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-title"), "Failed"));
        assertTrue(browser.findElement(By.id("job-details")).getText().contains(failedUpdate.getJsonObject("error").getString("message")));

        browser.get(base + "#/vaults/" + setup.vault());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("vault-encryption"), "CustomerManaged"));
        String encryption = browser.findElement(By.id("vault-encryption")).getText();
        assertTrue(encryption.contains(setup.kid()) || encryption.contains(Cmk.versionless(setup.kid())), encryption);
        assertTrue(encryption.contains("Succeeded"), encryption);
        assertTrue(encryption.contains(Cmk.version(setup.kid())), "the active key version: " + encryption);
        screenshot("vault");

        browser.findElement(By.id("vault-activity-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-verdict"), "intact"));
        assertTrue(browser.findElements(By.cssSelector("#activity-body tr")).size() >= 2, "identity and key assignment");
        assertTrue(browser.findElements(By.cssSelector("#activity-body tr.altered")).isEmpty());
        screenshot("activity");
    }

    @Test
    void beforeSignIn_nothingButTheSignInFormShows() {
        browser.get(base.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        assertOnlySignInShows();
        browser.get(base + "#/vaults");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        assertOnlySignInShows();
    }

    private void assertOnlySignInShows() {
        for (String id : List.of("nav", "nav-jobs", "nav-vaults", "nav-keyvaults", "logout", "jobs-view", "job-view", "vaults-view", "vault-view", "item-view", "keyvaults-view", "keyvault-view",
                "activity-view")) {
            assertFalse(browser.findElement(By.id(id)).isDisplayed(), id + " shows before sign-in");
        }
        assertTrue(browser.findElement(By.id("login-view")).isDisplayed());
    }

    @Test
    void liveRefresh_keepsTheFiltersInForce_whenTheFilterChangesByTheAddress() throws Exception {
        Cmk cmk = new Cmk(base);
        String filtered = cmk.cmkVault().vault();
        cmk.cmkVault();
        signIn(newOperator(), "watch-Secret-42");
        jobRow(cmk.admin().get("/api/jobs?vault=" + filtered).json().getJsonArray("value").getJsonObject(0).getString("id"),
                "Completed");

        // An unfiltered list is being fetched when the filter arrives by the address: its answer must not win.
        ((ChromeDriver) browser).executeScript("location.hash = '#/jobs?';"
                + " setTimeout(() => { location.hash = '#/jobs?vault=" + filtered + "'; }, 0);");
        wait.until(d -> shownVaults().equals(List.of(filtered)));
        long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        int samples = 0;
        while (System.nanoTime() < until) {
            List<String> vaults = shownVaults();
            assertTrue(vaults.isEmpty() || vaults.equals(List.of(filtered)),
                    "after " + samples + " samples the refreshed list shows other vaults: " + vaults);
            assertEquals(filtered, browser.findElement(By.id("filter-vault")).getAttribute("value"));
            samples++;
            Thread.sleep(200);
        }
        assertTrue(browser.getCurrentUrl().endsWith("vault=" + filtered), browser.getCurrentUrl());
    }

    /** The vault column of the jobs table, read at one instant. */
    @SuppressWarnings("unchecked")
    private List<String> shownVaults() {
        return ((List<Object>) ((ChromeDriver) browser).executeScript(
                "return [...document.querySelectorAll('#jobs-body tr[data-job-id] td:nth-child(3)')].map(td => td.textContent);"))
                .stream().map(String::valueOf).distinct().toList();
    }

    @Test
    void wrongPassword_isRefused_onTheSignInForm() {
        String user = newOperator();
        browser.get(base.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys("not-" + UUID.randomUUID());
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong user or password"));
        assertOnlySignInShows();
    }
}
