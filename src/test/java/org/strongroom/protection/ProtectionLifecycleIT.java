package org.strongroom.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.backup.app.BackupScheduler;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * An item's protection stopped (its recovery points retained) and resumed; the deletion of an item, allowed
 * only once it holds no recovery points, and of a vault, only once it holds no items: removing either never
 * deletes backup data.
 */
@ExtendWith(ArquillianExtension.class)
class ProtectionLifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SourceTrees.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    BackupScheduler scheduler;

    private static Path source(String name) throws Exception {
        Path source = SourceTrees.newDirectory(name);
        Files.writeString(source.resolve("a.txt"), "the item's data, " + name);
        return source;
    }

    private static List<String> activity(Api admin, String resource) {
        return admin.get("/api/activitylog?resource=" + resource.substring("/api/".length())).json().getJsonArray("value").stream()
                .map(v -> v.asJsonObject().getString("operation") + " " + v.asJsonObject().getString("status")).toList();
    }

    @Test
    void stoppedItem_refusesBackups_keepsItsPoints_andBacksUpAgainOnceResumed() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String item = cmk.filesItem(cmk.vault("westeurope"), "files1", source("stop"));
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);

        Api.Response stopped = admin.post(item + "/stopProtection", null);
        assertEquals(200, stopped.status(), stopped.toString());
        assertEquals("ProtectionStopped", stopped.json().getString("protectionState"));
        Api.Response backup = admin.post(item + "/backup", "{}");
        assertTrue(backup.isError(409, "UserErrorProtectionStopped"), backup.toString());
        assertEquals(point, cmk.newestPoint(item), "the points are retained");
        JsonObject verified = cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/verify", null));
        assertEquals("Completed", verified.getString("status"), "a stopped item's points still verify and restore");

        Api.Response resumed = admin.post(item + "/resumeProtection", null);
        assertEquals(200, resumed.status(), resumed.toString());
        assertEquals("Protected", resumed.json().getString("protectionState"), "it has points: protected");
        assertEquals("Completed", cmk.backup(item).getString("status"));
        assertEquals(List.of("ResumeProtection Succeeded", "StopProtection Succeeded"),
                activity(admin, item).stream().filter(a -> a.contains("Protection ")).toList());
    }

    @Test
    void stoppedItem_isNotBackedUpWhenItsScheduleFires() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String item = "/api/vaults/" + vault + "/items/nightly";
        Api.Response registered = admin.put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source("scheduled")
                + "\"},\"policy\":{\"schedule\":\"58 23 31 12 *\"}}");
        assertEquals(201, registered.status(), registered.toString());
        assertEquals(200, admin.post(item + "/stopProtection", null).status());

        scheduler.startDueBackups(ZonedDateTime.parse("2026-12-31T23:58:00Z"));

        assertEquals(0, admin.get("/api/jobs?vault=" + vault + "&operation=Backup").json().getJsonArray("value").size(),
                "no backup of a stopped item");
    }

    @Test
    void deletingAnItemThatHoldsRecoveryPoints_isRefused_andOneWithoutIsDeleted() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String backedUp = cmk.filesItem(vault, "kept", source("kept"));
        assertEquals("Completed", cmk.backup(backedUp).getString("status"));
        String empty = cmk.filesItem(vault, "empty", source("empty"));

        Api.Response refused = admin.delete(backedUp);
        assertTrue(refused.isError(409, "UserErrorItemHasRecoveryPoints"), refused.toString());
        assertTrue(refused.json().getString("message").contains("1 recovery point"), refused.toString());
        assertEquals(200, admin.get(backedUp).status(), "the item and its point are still there");
        assertEquals(1, admin.get(backedUp + "/recoveryPoints").json().getJsonArray("value").size());

        Api.Response deleted = admin.delete(empty);
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, admin.get(empty).status());
        assertEquals(List.of("DeleteProtectedItem Succeeded", "RegisterProtectedItem Succeeded"), activity(admin, empty));
        assertEquals(List.of("DeleteProtectedItem Failed"), activity(admin, backedUp).stream()
                .filter(a -> a.startsWith("Delete")).toList(), "the refusal is on record too");
        assertEquals(201, admin.put(empty, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source("again")
                + "\"}}").status(), "the name can be registered again");
        assertEquals(404, admin.delete("/api/vaults/" + vault + "/items/never").status());
    }

    @Test
    void vaultThatHoldsAnItem_isNotDeleted_andOnceEmpty_isDeletedWithItsStore() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.cmkVault().vault();
        String item = cmk.filesItem(vault, "files1", source("vault-delete"));
        Path store = Path.of(System.getProperty("jboss.server.data.dir"), "strongroom", "store", "vaults", vault);
        assertTrue(Files.isRegularFile(store.resolve("data-key.properties")), "the store holds the vault's wrapped data key");

        Api.Response refused = admin.delete("/api/vaults/" + vault);
        assertTrue(refused.isError(409, "UserErrorVaultNotEmpty"), refused.toString());
        assertTrue(refused.json().getString("message").contains("item files1 (0 recovery points)"), refused.toString());
        assertEquals(200, admin.get("/api/vaults/" + vault).status());

        assertEquals(204, admin.delete(item).status());
        Api.Response deleted = admin.delete("/api/vaults/" + vault);
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, admin.get("/api/vaults/" + vault).status());
        assertFalse(Files.exists(store), "the vault's store directory is gone");
        assertEquals(List.of("DeleteVault Succeeded", "DeleteVault Failed"), activity(admin, "/api/vaults/" + vault).stream()
                .filter(a -> a.startsWith("DeleteVault")).toList());
        Api.Response again = admin.put("/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\","
                + "\"resourceGroup\":\"rg\"}");
        assertEquals(201, again.status(), "the name is free again: " + again);
        assertEquals("PlatformManaged", cmk.encryption(vault).getString("encryptionAtRestType"), "a new vault, nothing of the old");
        assertEquals(404, admin.delete("/api/vaults/" + Names.unique("never")).status());
    }
}
