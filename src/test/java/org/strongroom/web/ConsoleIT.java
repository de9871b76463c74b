package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.support.Api;
import org.strongroom.support.Browser;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.S3Proxy;
import org.strongroom.support.SourceTrees;

/**
 * The console's flows in a real browser, as a user drives them, each checked on the page and then in what the
 * API holds: the seed's flow from an empty vault to a completed key update (a missing grant refused with its
 * code on the way) and a disk restored under a chosen disk encryption set; the key vault pages; a reader who
 * sees everything and can change nothing. Every page visited passes axe-core without serious violations.
 * Screenshots go to target/screenshots (docs/images holds copies).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    /** The picker's radio button for {@code kind} (versionless or pinned) of key {@code key} in key vault {@code kv}. */
    private static By choice(String kv, String key, String kind) {
        return By.cssSelector("fieldset[data-key-vault='" + kv + "'] table[data-key='" + key + "'] tr[data-kind='" + kind + "'] input");
    }

    @Test
    void seedFlow_fromAnEmptyVault_toACompletedKeyUpdate_andARestoreUnderAChosenDiskEncryptionSet() throws Exception {
        Cmk cmk = new Cmk(base);
        String kv = Names.unique("kv");
        String vault = Names.unique("vault-");
        // A disk encryption set on a key of its own, for the restore at the end (the console shows sets, it does not make them).
        String desKv = cmk.keyVault();
        String desKid = cmk.rsa2048(desKv, "des-key");
        String des = Names.unique("des-");
        JsonObject set = cmk.admin().put("/api/diskEncryptionSets/" + des, "{\"keyUri\":\"" + Cmk.versionless(desKid)
                + "\",\"region\":\"westeurope\"}").json();
        cmk.grant(desKv, set.getJsonObject("identity").getString("principalId"), Cmk.ALL_FOUR);
        Path image = SourceTrees.diskImage(3, 21);
        Path target = SourceTrees.newDirectory("console-restore").resolve("disk.sealed");

        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);

            // The key vault and its key, on the key vault pages.
            browser.go("#/keyvaults");
            browser.visible("keyvaults-table");
            browser.screenshot("console-keyvaults");
            browser.type("keyvault-name", kv);
            browser.type("keyvault-subscription", Cmk.KEY_VAULT_SUBSCRIPTION);
            browser.type("keyvault-resource-group", "rg-keys");
            browser.click("keyvault-create");
            browser.awaitText("keyvault-title", kv);
            browser.awaitText("keyvault-details", "no deleted key is purged before its time");
            browser.type("key-name", "backup-key");
            browser.click("key-create");
            browser.awaitText("key-versions-title", "backup-key");
            browser.awaitText("key-versions-type", "RSA 2048");
            browser.assertAccessible("the key vault page");
            browser.screenshot("console-keyvault", "keyvault-title");

            // The vault, empty.
            browser.go("#/vaults");
            browser.type("vault-name", vault);
            browser.type("vault-subscription", "sub-backup");
            browser.type("vault-resource-group", "rg-backup");
            browser.click("vault-create");
            browser.awaitText("vault-title", vault);
            browser.awaitText("setup-identity-state", "Off");

            // 1. Its identity.
            browser.click("identity-on");
            browser.awaitText("identity-result", "The identity is on");
            String principal = cmk.admin().get("/api/vaults/" + vault).json().getJsonObject("identity").getString("principalId");
            assertTrue(browser.driver().findElement(By.id("setup-identity-state")).getText().contains(principal));

            // 2. The key, picked: the key vault does not grant the identity yet, and says so with its code.
            String picker = browser.awaitText(By.cssSelector("fieldset[data-key-vault='" + kv + "']"), "UserErrorKeyVaultPermissionsNotConfigured");
            assertTrue(picker.contains("Grant the vault's identity get, list, wrapKey, unwrapKey here"), picker);
            browser.click(choice(kv, "backup-key", "versionless"));
            browser.click("setup-submit");
            Browser.Watched refused = browser.awaitJob("setup-result");
            assertEquals("Failed", refused.status(), refused.text());
            assertTrue(refused.text().contains("UserErrorKeyVaultPermissionsNotConfigured"), refused.text());
            assertTrue(refused.text().contains("Grant the vault's identity"), "what to do: " + refused.text());
            browser.screenshot("console-refusal", "setup-infrastructure");
            assertEquals("PlatformManaged", cmk.encryption(vault).getString("encryptionAtRestType"));

            // The grant, in one click; then the key again, following its newest version.
            browser.click("grant-" + kv);
            browser.awaitText("setup-result", "now grants the vault's identity");
            JsonObject policies = cmk.admin().get("/api/keyvaults/" + kv).json();
            assertTrue(policies.getJsonArray("accessPolicies").stream().map(JsonValue::asJsonObject)
                    .anyMatch(p -> p.getString("principalId").equals(principal)
                            && p.getJsonObject("permissions").getJsonArray("keys").size() == 4), policies.toString());
            browser.click(choice(kv, "backup-key", "versionless"));
            browser.click("infrastructure-encryption");
            browser.screenshot("console-wizard", "setup-title");
            browser.click("setup-submit");
            Browser.Watched completed = browser.awaitJob("setup-result");
            assertEquals("Completed", completed.status(), completed.text());
            browser.awaitText("vault-encryption", "CustomerManaged");
            assertTrue(browser.driver().findElement(By.id("vault-encryption")).getText().contains("On (follows the newest key version)"));
            JsonObject encryption = cmk.encryption(vault);
            assertEquals("CustomerManaged", encryption.getString("encryptionAtRestType"));
            assertTrue(encryption.getBoolean("autoRotation"), encryption.toString());
            assertEquals("Enabled", encryption.getString("infrastructureEncryptionState"));
            assertEquals("Completed", cmk.admin().get("/api/jobs/" + completed.id()).json().getString("status"));
            assertFalse(browser.driver().findElement(By.id("infrastructure-encryption")).isEnabled(),
                    "infrastructure encryption is chosen once");
            browser.click(By.cssSelector("#setup-result .job-watch a"));
            browser.awaitText("job-title", "ConfigureEncryption — Completed");
            browser.screenshot("console-job");
            browser.driver().navigate().back();
            browser.awaitText("vault-title", vault);
            browser.awaitText("setup-summary", "Change the key");
            browser.click("setup-summary");
            browser.assertAccessible("the vault page");

            // The identity cannot go while the key needs it: the refusal shows with its code.
            browser.click("identity-off");
            browser.confirm();
            browser.awaitText("identity-result", "UserErrorIdentityInUse");
            assertEquals("SystemAssigned", cmk.admin().get("/api/vaults/" + vault).json().getJsonObject("identity").getString("type"));

            // A key change by a typed key URI: a versioned one pins that version.
            String kid = cmk.admin().get("/api/keyvaults/" + kv + "/keys/backup-key").json().getJsonObject("key").getString("kid");
            browser.click("key-source-uri");
            browser.type("key-uri", kid);
            browser.type("key-subscription", Cmk.KEY_VAULT_SUBSCRIPTION);
            browser.click("setup-submit");
            Browser.Watched pinned = browser.awaitJob("setup-result");
            assertEquals("Completed", pinned.status(), pinned.text());
            assertTrue(pinned.text().startsWith("UpdateEncryptionKey"), pinned.text());
            browser.awaitText("vault-encryption", Cmk.version(kid));
            assertFalse(cmk.encryption(vault).getBoolean("autoRotation"), "a versioned URI pins");
            assertEquals(kid, cmk.encryption(vault).getString("keyUri"));

            // A disk item, backed up now.
            new Select(browser.visible("item-workload")).selectByVisibleText("Disk");
            browser.type("item-name", "disk1");
            browser.type("item-path", image.toString());
            browser.click("item-register");
            browser.awaitText("item-form-result", "Registered item");
            browser.click(By.linkText("disk1"));
            browser.awaitText("item-title", "disk1");
            browser.click("item-backup");
            Browser.Watched backup = browser.awaitJob("item-result");
            assertEquals("Completed", backup.status(), backup.text());
            browser.awaitText("item-details", "Protected");
            String point = cmk.newestPoint("/api/vaults/" + vault + "/items/disk1");
            browser.visible(By.cssSelector("tr[data-point='" + point + "']"));

            // Its restore from the Vault tier, under the chosen disk encryption set.
            browser.click("restore-" + point);
            assertFalse(browser.visible("restore-des").isEnabled(), "a Snapshot-tier restore keeps the source disk's set");
            assertTrue(browser.driver().findElement(By.id("restore-des-reason")).getText().contains("Snapshot tier"));
            new Select(browser.visible("restore-tier")).selectByVisibleText("Vault");
            new Select(browser.visible("restore-des")).selectByValue(des);
            browser.type("restore-path", target.toString());
            browser.screenshot("console-restore", "points-table");
            browser.assertAccessible("the item page with its restore form");
            browser.click("restore-submit");
            Browser.Watched restored = browser.awaitJob("point-result");
            assertEquals("Completed", restored.status(), restored.text());
            try (InputStream in = Files.newInputStream(target)) {
                String keyId = SealedDisk.Header.read(in).keyId();
                assertTrue(keyId.startsWith(Cmk.versionless(desKid)), "sealed under the chosen set's key: " + keyId);
            }
            browser.screenshot("console-item", "item-title");

            // And a verification of the point.
            browser.click("verify-" + point);
            Browser.Watched verified = browser.awaitJob("point-result");
            assertEquals("Completed", verified.status(), verified.text());
            assertEquals("Available", cmk.admin().get("/api/vaults/" + vault + "/items/disk1/recoveryPoints/" + point).json().getString("state"));
        }
    }

    @Test
    void vaultForm_createsAVaultInAnS3Bucket_afterShowingAnUnreachableStoreRefused() {
        assumeTrue(S3Proxy.available(), "S3Proxy is not in target/s3proxy (mvn generate-test-resources copies it from Maven Central)");
        String vault = Names.unique("console-s3-");
        String bucket = Names.unique("console-");
        try (S3Proxy s3 = S3Proxy.start(); Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("#/vaults");
            browser.type("vault-name", vault);
            browser.type("vault-subscription", "sub-backup");
            browser.type("vault-resource-group", "rg-backup");
            assertFalse(browser.driver().findElement(By.id("vault-s3-bucket")).isDisplayed(), "the S3 fields wait for S3 to be chosen");
            new Select(browser.visible("vault-storage-type")).selectByValue("S3");
            browser.type("vault-s3-endpoint", "http://127.0.0.1:9");
            browser.type("vault-s3-bucket", bucket);
            browser.type("vault-s3-access-key-id", S3Proxy.ACCESS_KEY_ID);
            browser.type("vault-s3-secret", S3Proxy.SECRET);
            browser.click("vault-create");
            browser.awaitText("vault-form-result", "cannot be reached");
            assertEquals(404, Api.admin(base).get("/api/vaults/" + vault).status(), "a refused store leaves no vault");

            browser.type("vault-s3-endpoint", s3.endpoint());
            browser.click("vault-create");
            browser.awaitText("vault-title", vault);
            String shown = browser.awaitText("vault-storage", bucket);
            assertTrue(shown.contains("S3") && shown.contains(S3Proxy.ACCESS_KEY_ID) && !shown.contains(S3Proxy.SECRET), shown);
            JsonObject storage = Api.admin(base).get("/api/vaults/" + vault).json().getJsonObject("storage");
            assertEquals("S3", storage.getString("type"));
            assertEquals(bucket, storage.getString("bucket"));
            assertEquals(s3.endpoint(), storage.getString("endpoint"));
            browser.assertAccessible("the vault page of a vault in an S3 bucket");
        }
    }

    @Test
    void keyVaultPage_rotatesDisablesDeletesAndRecoversAKey_setsPoliciesAndTurnsOnPurgeProtection() {
        Cmk cmk = new Cmk(base);
        String kv = cmk.keyVault("westeurope", ",\"softDeleteEnabled\":true");
        String first = Cmk.version(cmk.rsa2048(kv, "k1"));
        String principal = java.util.UUID.randomUUID().toString();
        String keys = "/api/keyvaults/" + kv + "/keys/k1";

        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("#/keyvaults/" + kv);
            browser.awaitText("keyvault-title", kv);
            browser.awaitText("policies-body", "you (admin)");
            assertEquals("Strongroom — Key vault", browser.driver().getTitle());

            browser.click("versions-k1");
            browser.visible(By.cssSelector("#versions-body tr[data-version='" + first + "']"));
            browser.click("rotate-k1");
            browser.awaitText("keyvault-result", "has a new version");
            browser.await().until(d -> d.findElements(By.cssSelector("#versions-body tr")).size() == 2);
            assertEquals(2, cmk.admin().get(keys + "/versions").json().getJsonArray("value").size());

            browser.click("toggle-" + first);
            browser.confirm();
            browser.awaitText(By.cssSelector("#versions-body tr[data-version='" + first + "']"), "Enable");
            assertFalse(cmk.admin().get(keys + "/" + first).json().getJsonObject("attributes").getBoolean("enabled"));

            browser.type("rotation-days", "90");
            browser.type("rotation-expiry", "365");
            browser.click("rotation-save");
            browser.awaitText("rotation-current", "P90D");
            assertEquals("P90D", cmk.admin().get(keys + "/rotationpolicy").json().getJsonArray("lifetimeActions").getJsonObject(0)
                    .getJsonObject("trigger").getString("timeAfterCreate"));

            browser.type("policy-principal", principal);
            browser.click("permission-get");
            browser.click("permission-list");
            browser.click("policy-save");
            browser.awaitText(By.cssSelector("#policies-body tr[data-principal='" + principal + "']"), "get, list");
            browser.click("remove-" + principal);
            browser.confirm();
            browser.await().until(d -> d.findElements(By.cssSelector("#policies-body tr[data-principal='" + principal + "']")).isEmpty());
            assertTrue(cmk.admin().get("/api/keyvaults/" + kv).json().getJsonArray("accessPolicies").stream()
                    .noneMatch(p -> p.asJsonObject().getString("principalId").equals(principal)));

            browser.click("keyvault-enable-purge-protection");
            browser.confirm();
            browser.awaitText("keyvault-details", "no deleted key is purged before its time");
            assertTrue(cmk.admin().get("/api/keyvaults/" + kv).json().getBoolean("purgeProtectionEnabled"));

            browser.click("delete-k1");
            browser.confirm();
            browser.visible(By.cssSelector("#deleted-keys-body tr[data-deleted-key='k1']"));
            assertEquals(404, cmk.admin().get(keys).status());
            browser.assertAccessible("the key vault page with a deleted key");
            browser.screenshot("console-deleted-key", "deleted-keys-table");
            browser.click("recover-k1");
            browser.visible(By.cssSelector("#keys-body tr[data-key='k1']"));
            assertEquals(200, cmk.admin().get(keys).status());
        }
    }

    @Test
    void reader_seesEveryPage_andCanChangeNothing() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        String item = cmk.filesItem(setup.vault(), "files1", SourceTrees.tree("console-reader", 31));
        cmk.backup(item);
        String point = cmk.newestPoint(item);
        String reader = Names.unique("reader-");
        assertEquals(201, cmk.admin().put("/api/users/" + reader, "{\"password\":\"read-Secret-42\",\"roles\":[\"reader\"]}").status());
        int jobsBefore = cmk.admin().get("/api/jobs?vault=" + setup.vault()).json().getJsonArray("value").size();

        try (Browser browser = Browser.open(base)) {
            browser.signIn(reader, "read-Secret-42");
            assertTrue(browser.visible("who").getText().contains("reader"));

            browser.go("#/vaults");
            browser.visible(By.cssSelector("tr[data-vault='" + setup.vault() + "']"));
            assertDisabledWithReason(browser, "vault-form-fields", "Only an admin");

            browser.go("#/vaults/" + setup.vault());
            browser.awaitText("vault-encryption", "CustomerManaged");
            assertFalse(browser.driver().findElement(By.id("setup-form")).isDisplayed(),
                    "the key set-up is closed on a vault whose customer-managed key is in force");
            browser.click("setup-summary");
            assertDisabledWithReason(browser, "setup-submit", "Only an admin");
            assertDisabledWithReason(browser, "identity-off", "Only an admin");
            assertDisabledWithReason(browser, "item-form-fields", "Only an admin or an operator");
            String unlisted = browser.awaitText("unlisted-key-vaults", "Forbidden");
            browser.visible(By.cssSelector("#unlisted-key-vaults li[data-key-vault='" + setup.keyVault() + "']"));
            assertTrue(browser.driver().findElements(By.cssSelector("#key-picker table[data-key]")).isEmpty(),
                    "a reader whom no policy lets list keys sees none: " + unlisted);
            browser.assertAccessible("the vault page as a reader");
            browser.screenshot("console-reader", "setup-title");

            browser.go("#/vaults/" + setup.vault() + "/items/files1");
            browser.visible(By.cssSelector("tr[data-point='" + point + "']"));
            assertDisabledWithReason(browser, "item-backup", "Only an admin or an operator");
            assertDisabledWithReason(browser, "restore-" + point, "Only an admin or an operator");
            assertDisabledWithReason(browser, "verify-" + point, "Only an admin or an operator");

            browser.go("#/keyvaults/" + setup.keyVault());
            browser.awaitText("keyvault-title", setup.keyVault());
            assertDisabledWithReason(browser, "policy-form-fields", "Only an admin");
            browser.awaitText("keys-body", "Forbidden");
            assertDisabledWithReason(browser, "key-form-fields", "does not grant 'create'");
            assertTrue(browser.driver().findElement(By.id("keyvault-you")).getText().contains("no key permissions"));
            browser.assertAccessible("the key vault page as a reader");

            browser.click("logout");
            browser.visible("login-user");
            assertEquals(0L, ((Number) browser.driver().executeScript("return sessionStorage.length;")).longValue(),
                    "signing out leaves no credentials in the browser");
            browser.go("#/vaults/" + setup.vault());
            browser.visible("login-user");
            assertFalse(browser.driver().findElement(By.id("vault-view")).isDisplayed());
        }
        assertEquals(jobsBefore, cmk.admin().get("/api/jobs?vault=" + setup.vault()).json().getJsonArray("value").size(),
                "the reader's visit started nothing");
        assertEquals("CustomerManaged", cmk.encryption(setup.vault()).getString("encryptionAtRestType"));
    }

    private static void assertDisabledWithReason(Browser browser, String id, String reason) {
        WebElement control = browser.driver().findElement(By.id(id));
        assertEquals("true", control.getDomProperty("disabled"), id + " is enabled");
        String shown = browser.driver().findElement(By.id(id + "-reason")).getText();
        assertTrue(shown.contains(reason), id + ": " + shown);
    }

    @Test
    void pages_loadNothingFromElsewhere_andCannotBeFramed() {
        for (String page : List.of("/", "/jobs", "/app.js", "/vaults.js", "/keyvaults.js", "/app.css")) {
            Api.Response answer = Api.anonymous(base).get(page);
            assertEquals(200, answer.status(), page);
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                    && policy.contains("frame-ancestors 'none'"), page + ": " + policy);
            assertEquals("DENY", answer.header("X-Frame-Options"), page);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), page);
        }
        String page = Api.anonymous(base).get("/").body();
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page names no external resource");
        assertFalse(page.matches("(?s).*<script>.*"), "no inline script: the policy would block it");
    }

    @Test
    void pages_fitAPhoneSizedWindow_andTheJobsPagePaintsFirst() throws Exception {
        String operator = Names.unique("watcher");
        assertEquals(201, Api.admin(base).put("/api/users/" + operator,
                "{\"password\":\"watch-Secret-42\",\"roles\":[\"operator\"]}").status());
        try (Browser browser = Browser.open(base)) {
            // By keyboard alone: the user field has the focus, Tab goes to the password, Enter signs in.
            browser.go("jobs");
            browser.visible("login-user");
            browser.driver().switchTo().activeElement().sendKeys(operator + Keys.TAB + "watch-Secret-42" + Keys.ENTER);
            browser.visible("jobs-table");
            browser.go("jobs");
            browser.visible("jobs-table");
            Object paint = browser.driver().executeScript(
                    "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1;");
            Files.writeString(Path.of("target", "console-first-paint.txt"), "first contentful paint of /jobs: " + paint + " ms\n");
            System.out.println("First contentful paint of /jobs: " + paint + " ms");
            browser.assertAccessible("the jobs page");

            browser.resize(390, 844);
            for (String route : List.of("#/jobs", "#/vaults", "#/keyvaults")) {
                browser.go(route);
                browser.visible(route.equals("#/jobs") ? "jobs-table" : route.equals("#/vaults") ? "vaults-table" : "keyvaults-table");
                Object overflow = browser.driver().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), route + " scrolls sideways on a phone-sized window");
            }
            browser.go("#/vaults");
            browser.visible("vaults-table");
            browser.screenshot("console-phone");
        }
    }
}
