package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;

/** SPEC 10: a versionless key URI follows the key; a versioned one is pinned. SPEC 13: another key vault. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyRotationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static List<JsonObject> keyUpdateJobs(Cmk cmk, String vault) {
        return cmk.admin().get("/api/jobs?vault=" + vault + "&operation=UpdateEncryptionKey").json()
                .getJsonArray("value").getValuesAs(JsonObject.class);
    }

    private static String newVersion(Cmk cmk, String kv, String key) {
        Api.Response rotated = cmk.admin().post("/api/keyvaults/" + kv + "/keys/" + key + "/rotate", "");
        assertEquals(200, rotated.status(), rotated.toString());
        return Cmk.version(Cmk.kid(rotated.json()));
    }

    private static JsonObject awaitActiveVersion(Cmk cmk, String vault, String version) {
        return Await.until(() -> cmk.encryption(vault),
                e -> version.equals(e.getString("activeKeyVersion", null)) && "Succeeded".equals(e.getString("lastUpdateStatus")),
                "vault " + vault + " to use key version " + version);
    }

    @Test
    void versionlessAssignment_rewrapsToEachNewVersionOnItsOwn() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "rolling");
        String versionless = Cmk.versionless(setup.kid());
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), versionless).getString("status"));
        JsonObject encryption = cmk.encryption(setup.vault());
        assertTrue(encryption.getBoolean("autoRotation"));
        assertEquals(versionless, encryption.getString("keyUri"));
        assertEquals(Cmk.version(setup.kid()), encryption.getString("activeKeyVersion"));

        String second = newVersion(cmk, setup.keyVault(), "rolling");
        awaitActiveVersion(cmk, setup.vault(), second);
        JsonObject rotation = keyUpdateJobs(cmk, setup.vault()).get(0);
        assertEquals("system", rotation.getString("requestedBy"));
        assertEquals("Completed", rotation.getString("status"));

        String third = newVersion(cmk, setup.keyVault(), "rolling");
        awaitActiveVersion(cmk, setup.vault(), third);
        assertEquals(versionless, cmk.encryption(setup.vault()).getString("keyUri"));
    }

    @Test
    void pinnedAssignment_staysOnItsVersion_whileAFollowerOfTheSameKeyRotates() {
        Cmk cmk = new Cmk(base);
        String kv = cmk.keyVault();
        Cmk.Setup pinned = cmk.setup(kv, "shared");
        assertEquals("Completed", cmk.assignAndWait(pinned.vault(), pinned.kid()).getString("status"));
        String follower = cmk.vault("westeurope");
        cmk.grant(kv, cmk.identity(follower), Cmk.ALL_FOUR);
        assertEquals("Completed", cmk.assignAndWait(follower, Cmk.versionless(pinned.kid())).getString("status"));

        String next = newVersion(cmk, kv, "shared");
        awaitActiveVersion(cmk, follower, next);

        JsonObject encryption = cmk.encryption(pinned.vault());
        assertEquals(Cmk.version(pinned.kid()), encryption.getString("activeKeyVersion"));
        assertEquals(pinned.kid(), encryption.getString("keyUri"));
        assertFalse(encryption.getBoolean("autoRotation"));
        assertTrue(keyUpdateJobs(cmk, pinned.vault()).isEmpty(), "a pinned vault gets no rotation job");
    }

    @Test
    void versionCreatedDisabled_isFollowedOnlyOnceEnabled() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "staged");
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), Cmk.versionless(setup.kid())).getString("status"));

        String staged = Cmk.kid(cmk.key(setup.keyVault(), "staged", "{\"kty\":\"RSA\",\"attributes\":{\"enabled\":false}}"));
        assertEquals(Cmk.version(setup.kid()), cmk.encryption(setup.vault()).getString("activeKeyVersion"));
        Api.Response enabled = cmk.admin().send("PATCH", "/api/keyvaults/" + setup.keyVault() + "/keys/staged/"
                + Cmk.version(staged), "{\"attributes\":{\"enabled\":true}}", "application/json");
        assertEquals(200, enabled.status(), enabled.toString());
        awaitActiveVersion(cmk, setup.vault(), Cmk.version(staged));
        assertEquals(1, keyUpdateJobs(cmk, setup.vault()).size(), "no job for the disabled version");
    }

    @Test
    void changeToAKeyInASecondKeyVault_works() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        String secondKeyVault = cmk.keyVault();
        cmk.grant(secondKeyVault, setup.principal(), Cmk.ALL_FOUR);
        String kid = cmk.rsa2048(secondKeyVault, "moved-key");
        JsonObject job = cmk.assignAndWait(setup.vault(), kid);
        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals(kid, cmk.encryption(setup.vault()).getString("keyUri"));
    }

    @Test
    void changeAwayFromAKeyThatCanNoLongerUnwrap_isRefused_andKeepsTheOldKey() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        String kid = cmk.rsa2048(setup.keyVault(), "next");
        cmk.admin().send("PATCH", "/api/keyvaults/" + setup.keyVault() + "/keys/cmk/" + Cmk.version(setup.kid()),
                "{\"attributes\":{\"enabled\":false}}", "application/json");
        JsonObject job = cmk.awaitJob(cmk.assign(setup.vault(), kid, Cmk.KEY_VAULT_SUBSCRIPTION, null));
        assertEquals("UserErrorKeyDisabled", job.getJsonObject("error").getString("code"), job.toString());
        assertEquals(setup.kid(), cmk.encryption(setup.vault()).getString("keyUri"));
    }
}
