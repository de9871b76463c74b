package org.strongroom.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.backup.app.BackupScheduler;
import org.strongroom.backup.app.StoreMaintenance;
import org.strongroom.platform.VaultName;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * An item's protection stopped (its recovery points retained) and resumed; the deletion of an item, allowed
 * only once it holds no recovery points, and of a vault, only once it holds no items: removing either never
 * deletes backup data. Soft delete, undelete and purge; immutable vaults.
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

    @Inject
    StoreMaintenance maintenance;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

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

    private Path packs(String vault) {
        return Path.of(System.getProperty("jboss.server.data.dir"), "strongroom", "store", "vaults", vault, "packs");
    }

    private static long filesUnder(Path directory) throws Exception {
        try (var walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void stoppingWithDeleteData_softDeletesTheItem_keepingItsData_andUndeleteBringsItBack() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String item = cmk.filesItem(vault, "files1", source("soft"));
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);

        Api.Response deleted = admin.post(item + "/stopProtection?deleteData=true", null);
        assertEquals(200, deleted.status(), deleted.toString());
        JsonObject softDeleted = deleted.json();
        assertEquals("SoftDeleted", softDeleted.getString("protectionState"));
        assertEquals(Duration.ofDays(14), Duration.between(Instant.parse(softDeleted.getString("deletedTime")),
                Instant.parse(softDeleted.getString("purgeTime"))), "the vault's default: 14 days");
        assertTrue(admin.post(item + "/backup", "{}").isError(409, "UserErrorItemSoftDeleted"));
        assertTrue(admin.post(item + "/recoveryPoints/" + point + "/restore", "{\"target\":{\"path\":\""
                + SourceTrees.newDirectory("soft-restore") + "\"}}").isError(409, "UserErrorItemSoftDeleted"));
        assertTrue(admin.post(item + "/resumeProtection", null).isError(409, "UserErrorItemSoftDeleted"));
        assertTrue(admin.delete(item).isError(409, "UserErrorItemHasRecoveryPoints"));
        Api.Response vaultDelete = admin.delete("/api/vaults/" + vault);
        assertTrue(vaultDelete.isError(409, "UserErrorVaultNotEmpty"), vaultDelete.toString());
        assertTrue(vaultDelete.json().getString("message").contains("soft-deleted until"), vaultDelete.toString());

        long packFiles = filesUnder(packs(vault));
        assertEquals(false, maintenance.maintain(VaultName.of(vault)).skipped());
        assertEquals(point, cmk.newestPoint(item), "a soft-deleted item's points are kept");
        assertEquals(packFiles, filesUnder(packs(vault)), "and so are their chunks");

        Api.Response undeleted = admin.post(item + "/undelete", null);
        assertEquals(200, undeleted.status(), undeleted.toString());
        assertEquals("ProtectionStopped", undeleted.json().getString("protectionState"));
        assertFalse(undeleted.json().containsKey("purgeTime"));
        JsonObject verified = cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/verify", null));
        assertEquals("Completed", verified.getString("status"), "every chunk still there: " + verified);
        assertTrue(admin.post(item + "/undelete", null).isError(409, "Conflict"), "only a soft-deleted item is undeleted");
        assertEquals(List.of("UndeleteProtectedItem Failed", "UndeleteProtectedItem Succeeded", "StopProtection Succeeded"),
                activity(admin, item).stream().filter(a -> a.startsWith("Undelete") || a.startsWith("StopProtection")).toList());
        assertTrue(admin.post(item + "/stopProtection?deleteData=yes", null).isError(400, "BadRequest"));
    }

    @Test
    void softDeletedItem_isPurgedWithItsDataOnceItsPurgeTimeHasCome() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String item = cmk.filesItem(vault, "files1", source("purge"));
        assertEquals("Completed", cmk.backup(item).getString("status"));
        assertEquals(200, admin.post(item + "/stopProtection?deleteData=true", null).status());
        assertTrue(filesUnder(packs(vault)) > 0);

        try (Connection c = database.getConnection();
             PreparedStatement due = c.prepareStatement("UPDATE protected_item SET purge_time = ? WHERE vault = ? AND name = ?")) {
            due.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
            due.setString(2, vault);
            due.setString(3, "files1");
            assertEquals(1, due.executeUpdate());
        }
        StoreMaintenance.Outcome outcome = maintenance.maintain(VaultName.of(vault));

        assertEquals(1, outcome.expiredPoints(), outcome.toString());
        assertEquals(404, admin.get(item).status(), "the item is purged");
        assertEquals(0, filesUnder(packs(vault)), "with every pack of its data");
        assertEquals(List.of("PurgeProtectedItem Succeeded system"), admin.get("/api/activitylog?resource=vaults/" + vault
                + "/items/files1").json().getJsonArray("value").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("operation").startsWith("Purge"))
                .map(r -> r.getString("operation") + " " + r.getString("status") + " " + r.getString("caller")).toList());
        assertEquals(204, admin.delete("/api/vaults/" + vault).status(), "nothing left: the vault can go");
    }

    @Test
    void vaultWithSoftDeleteDisabled_purgesDeletedDataAtItsNextMaintenance() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        Api.Response disabled = admin.put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Disabled\"}");
        assertEquals(200, disabled.status(), disabled.toString());
        String item = cmk.filesItem(vault, "files1", source("no-soft"));
        assertEquals("Completed", cmk.backup(item).getString("status"));

        JsonObject deleted = admin.post(item + "/stopProtection?deleteData=true", null).json();
        assertEquals(deleted.getString("deletedTime"), deleted.getString("purgeTime"), "purged at once");
        maintenance.maintain(VaultName.of(vault));
        assertEquals(404, admin.get(item).status());
    }

    @Test
    void alwaysOnSoftDelete_canNeverBeSwitchedOff_andItsDaysStayWithinTheirBounds() {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String softDelete = "/api/vaults/" + vault + "/softDelete";
        JsonObject defaults = admin.get("/api/vaults/" + vault).json().getJsonObject("softDelete");
        assertEquals("Enabled", defaults.getString("state"));
        assertEquals(14, defaults.getInt("retentionDays"));

        assertEquals(200, admin.put(softDelete, "{\"state\":\"AlwaysOn\"}").status());
        assertTrue(admin.put(softDelete, "{\"state\":\"Disabled\"}").isError(409, "UserErrorSoftDeleteAlwaysOn"));
        assertTrue(admin.put(softDelete, "{\"state\":\"Enabled\"}").isError(409, "UserErrorSoftDeleteAlwaysOn"));
        assertEquals(200, admin.put(softDelete, "{\"retentionDays\":30}").status());
        assertTrue(admin.put(softDelete, "{\"retentionDays\":13}").isError(400, "BadRequest"));
        assertTrue(admin.put(softDelete, "{\"retentionDays\":181}").isError(400, "BadRequest"));
        assertTrue(admin.put(softDelete, "{\"state\":\"Sometimes\"}").isError(400, "BadRequest"));
        assertTrue(admin.put(softDelete, "{}").isError(400, "BadRequest"));
        JsonObject now = admin.get("/api/vaults/" + vault).json().getJsonObject("softDelete");
        assertEquals("AlwaysOn", now.getString("state"));
        assertEquals(30, now.getInt("retentionDays"));
        assertEquals(List.of("UpdateSoftDelete Failed", "UpdateSoftDelete Failed", "UpdateSoftDelete Failed",
                "UpdateSoftDelete Succeeded", "UpdateSoftDelete Failed", "UpdateSoftDelete Failed", "UpdateSoftDelete Succeeded"),
                activity(admin, softDelete), "each change and refusal is on record, newest first (an unknown state is refused "
                        + "before it reaches the vault)");
    }

    private static String itemWithRetention(Path source, int retentionDays) {
        return "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source + "\"},\"policy\":{\"retentionDays\":"
                + retentionDays + "}}";
    }

    private static String state(String state) {
        return "{\"state\":\"" + state + "\"}";
    }

    @Test
    void immutableVault_refusesShorterRetentionAndDeletingData_andItsLockIsForGood() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String item = "/api/vaults/" + vault + "/items/files1";
        Path source = source("immutable");
        assertEquals(201, admin.put(item, itemWithRetention(source, 30)).status());
        String immutability = "/api/vaults/" + vault + "/immutability";
        assertEquals("Unlocked", admin.put(immutability, state("Unlocked")).json().getString("state"));

        Api.Response shorter = admin.put(item, itemWithRetention(source, 10));
        assertTrue(shorter.isError(409, "UserErrorVaultImmutable"), shorter.toString());
        assertEquals("policy.retentionDays", shorter.json().getString("target"));
        assertEquals(200, admin.put(item, itemWithRetention(source, 60)).status(), "a longer retention is fine");
        assertTrue(admin.post(item + "/stopProtection?deleteData=true", null).isError(409, "UserErrorVaultImmutable"));
        assertEquals("ProtectionStopped", admin.post(item + "/stopProtection", null).json().getString("protectionState"),
                "stopping while retaining the data is fine");

        assertEquals("Disabled", admin.put(immutability, state("Disabled")).json().getString("state"), "Unlocked may be undone");
        assertEquals("Locked", admin.put(immutability, state("Locked")).json().getString("state"));
        assertTrue(admin.put(immutability, state("Disabled")).isError(409, "UserErrorImmutabilityLocked"));
        assertTrue(admin.put(immutability, state("Unlocked")).isError(409, "UserErrorImmutabilityLocked"));
        assertTrue(admin.put(immutability, state("Frozen")).isError(400, "BadRequest"));
        assertEquals("Locked", admin.get("/api/vaults/" + vault).json().getJsonObject("immutability").getString("state"));
    }

    @Test
    void purgeInAnImmutableVault_takesOnlyThePointsItsRetentionLetGo() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = cmk.vault("westeurope");
        String item = "/api/vaults/" + vault + "/items/files1";
        assertEquals(201, admin.put(item, itemWithRetention(source("immutable-purge"), 1)).status());
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String old = cmk.newestPoint(item);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        assertEquals(200, admin.post(item + "/stopProtection?deleteData=true", null).status());
        assertEquals(200, admin.put("/api/vaults/" + vault + "/immutability", state("Locked")).status());
        try (Connection c = database.getConnection();
             PreparedStatement due = c.prepareStatement("UPDATE protected_item SET purge_time = ? WHERE vault = ? AND name = ?");
             PreparedStatement aged = c.prepareStatement("UPDATE recovery_point SET point_time = ? WHERE id = ?")) {
            due.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
            due.setString(2, vault);
            due.setString(3, "files1");
            assertEquals(1, due.executeUpdate());
            aged.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(2));
            aged.setObject(2, java.util.UUID.fromString(old));
            assertEquals(1, aged.executeUpdate());
        }

        StoreMaintenance.Outcome outcome = maintenance.maintain(VaultName.of(vault));

        assertEquals(1, outcome.expiredPoints(), "only the point past its 1-day retention: " + outcome);
        List<String> left = admin.get(item + "/recoveryPoints").json().getJsonArray("value").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(1, left.size());
        assertFalse(left.contains(old));
        assertEquals("SoftDeleted", admin.get(item).json().getString("protectionState"), "the item stays while a point does");
    }
}
