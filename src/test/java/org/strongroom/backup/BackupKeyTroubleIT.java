package org.strongroom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.SourceTrees;

/**
 * Backups in a vault with a customer-managed key work exactly as in any vault (SPEC 14), and key trouble
 * stops them at once with the seed's code, storing nothing; fixing the key brings them back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupKeyTroubleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private Cmk.Setup cmkVaultWithItem(Cmk cmk, Path source) {
        Cmk.Setup setup = cmk.cmkVault();
        assertEquals(201, cmk.admin().put("/api/vaults/" + setup.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source + "\"}}").status());
        return setup;
    }

    private static JsonObject backup(Cmk cmk, String vault) {
        return cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", ""));
    }

    private static int points(Cmk cmk, String vault) {
        return cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json().getJsonArray("value").size();
    }

    private static void setEnabled(Cmk cmk, Cmk.Setup setup, boolean enabled) {
        Api.Response patched = cmk.admin().send("PATCH", "/api/keyvaults/" + setup.keyVault() + "/keys/cmk/"
                + Cmk.version(setup.kid()), "{\"attributes\":{\"enabled\":" + enabled + "}}", "application/json");
        assertEquals(200, patched.status(), patched.toString());
    }

    @Test
    void cmkVault_backsUpAndVerifiesLikeAnyVault() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmkVaultWithItem(cmk, SourceTrees.tree("cmk", 20));
        assertEquals("Completed", backup(cmk, setup.vault()).getString("status"));
        String point = cmk.admin().get("/api/vaults/" + setup.vault() + "/items/files1/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0).getString("id");
        JsonObject verified = cmk.awaitJob(cmk.admin().post("/api/vaults/" + setup.vault() + "/items/files1/recoveryPoints/"
                + point + "/verify", ""));
        assertEquals("Completed", verified.getString("status"), verified.toString());
    }

    @Test
    void disabledKey_failsTheNextBackupWithKeyDisabled_andReEnablingBringsItBack() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmkVaultWithItem(cmk, SourceTrees.tree("disable", 21));
        assertEquals("Completed", backup(cmk, setup.vault()).getString("status"));

        setEnabled(cmk, setup, false);
        JsonObject refused = backup(cmk, setup.vault());
        assertEquals("Failed", refused.getString("status"));
        assertEquals("UserErrorKeyDisabled", refused.getJsonObject("error").getString("code"), refused.toString());
        assertEquals(1, points(cmk, setup.vault()), "nothing stored");
        assertEquals("UserErrorKeyDisabled",
                cmk.admin().get("/api/vaults/" + setup.vault() + "/items/files1").json().getString("lastBackupStatus"));

        setEnabled(cmk, setup, true);
        assertEquals("Completed", backup(cmk, setup.vault()).getString("status"));
        assertEquals(2, points(cmk, setup.vault()));
    }

    @Test
    void revokedUnwrapKey_failsWithPermissionsNotConfigured() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmkVaultWithItem(cmk, SourceTrees.tree("revoke", 22));
        cmk.grant(setup.keyVault(), setup.principal(), "\"get\",\"list\",\"wrapKey\"");
        JsonObject refused = backup(cmk, setup.vault());
        assertEquals("UserErrorKeyVaultPermissionsNotConfigured", refused.getJsonObject("error").getString("code"), refused.toString());
        assertEquals(0, points(cmk, setup.vault()));

        cmk.grant(setup.keyVault(), setup.principal(), Cmk.ALL_FOUR);
        assertEquals("Completed", backup(cmk, setup.vault()).getString("status"));
    }

    @Test
    void secondBackupOfTheSameItemWhileOneRuns_isRefused_orBothComplete() {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + SourceTrees.tree("twice", 23) + "\"}}").status());
        Api.Response first = cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", "");
        Api.Response second = cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", "");
        assertEquals(202, first.status(), first.toString());
        if (second.status() != 202) {
            org.junit.jupiter.api.Assertions.assertTrue(second.isError(409, "Conflict"), second.toString());
        }
        assertEquals("Completed", cmk.awaitJob(first).getString("status"));
        if (second.status() == 202) {
            cmk.awaitJob(second); // leaves no job running for the next test
        }
    }
}
