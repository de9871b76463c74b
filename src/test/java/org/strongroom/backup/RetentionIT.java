package org.strongroom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.backup.app.BackupOperations;
import org.strongroom.backup.app.BackupScheduler;
import org.strongroom.backup.app.StoreMaintenance;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ChunkIndex;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.PointTimes;
import org.strongroom.support.SourceTrees;

/** Scheduled backups, retention, and the collection of chunks and files no recovery point uses. */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, PointTimes.class, SourceTrees.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    BackupScheduler scheduler;

    @Inject
    StoreMaintenance maintenance;

    @Inject
    ChunkStore store;

    @Inject
    ChunkIndex index;

    @Inject
    JobRepository jobRepository;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private String vaultWithItem(Cmk cmk, Path source, String policy) {
        String vault = cmk.vault("westeurope");
        Api.Response registered = cmk.admin().put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source + "\"},\"policy\":" + policy + "}");
        assertEquals(201, registered.status(), registered.toString());
        return vault;
    }

    private static void backup(Cmk cmk, String vault) {
        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", ""));
        assertEquals("Completed", job.getString("status"), job.toString());
    }

    private static List<JsonObject> points(Cmk cmk, String vault) {
        return cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json().getJsonArray("value")
                .getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> backupJobs(Cmk cmk, String vault) {
        return cmk.admin().get("/api/jobs?vault=" + vault + "&operation=Backup").json().getJsonArray("value")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void scheduledItem_isBackedUpWhenItsScheduleFires_andNotOtherwise() {
        Cmk cmk = new Cmk(base);
        String vault = vaultWithItem(cmk, SourceTrees.tree("scheduled", 30), "{\"schedule\":\"17 4 * * *\"}");
        scheduler.startDueBackups(ZonedDateTime.parse("2026-11-28T04:18:00Z"));
        assertTrue(backupJobs(cmk, vault).isEmpty());

        scheduler.startDueBackups(ZonedDateTime.parse("2026-11-28T04:17:00Z"));
        List<JsonObject> jobs = backupJobs(cmk, vault);
        assertEquals(1, jobs.size());
        assertEquals("system", jobs.get(0).getString("requestedBy"));
        JsonObject done = Await.until(() -> cmk.admin().get("/api/jobs/" + jobs.get(0).getString("id")).json(),
                j -> !"InProgress".equals(j.getString("status")), "the scheduled backup to end");
        assertEquals("Completed", done.getString("status"), done.toString());
    }

    @Test
    void expiredPoints_andThePacksOnlyTheyUsed_areRemoved_theNewestIsKept() throws Exception {
        Cmk cmk = new Cmk(base);
        Path tree = SourceTrees.newDirectory("retention");
        SourceTrees.write(tree.resolve("old.bin"), SourceTrees.bytes(new Random(31), 3_000_000));
        String vault = vaultWithItem(cmk, tree, "{\"retentionDays\":1}");
        backup(cmk, vault);
        String oldest = points(cmk, vault).get(0).getString("id");
        Set<UUID> oldPacks = store.packs(VaultName.of(vault));

        Files.delete(tree.resolve("old.bin"));
        SourceTrees.write(tree.resolve("new.bin"), SourceTrees.bytes(new Random(32), 2_000_000));
        backup(cmk, vault);
        String newest = points(cmk, vault).get(0).getString("id");
        PointTimes.age(database, oldest, 3);
        PointTimes.age(database, newest, 2);

        StoreMaintenance.Outcome outcome = maintenance.maintain(VaultName.of(vault));
        assertFalse(outcome.skipped());
        assertEquals(1, outcome.expiredPoints(), outcome.toString());
        assertEquals(oldPacks.size(), outcome.deletedPacks(), outcome.toString());
        assertEquals(List.of(newest), points(cmk, vault).stream().map(p -> p.getString("id")).toList());
        oldPacks.forEach(pack -> assertFalse(store.packs(VaultName.of(vault)).contains(pack)));
        assertTrue(store.manifests(VaultName.of(vault)).stream().noneMatch(m -> m.recoveryPointId().equals(oldest)));
        assertTrue(index.chunks(VaultName.of(vault)).values().stream().noneMatch(ref -> oldPacks.contains(ref.pack())));

        JsonObject verified = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/recoveryPoints/"
                + newest + "/verify", ""));
        assertEquals("Completed", verified.getString("status"), verified.toString());
    }

    @Test
    void filesACrashedBackupLeftBehind_areCollected() {
        Cmk cmk = new Cmk(base);
        String vault = vaultWithItem(cmk, SourceTrees.tree("orphans", 33), "{}");
        backup(cmk, vault);
        try (PackWriter orphan = store.newPack(VaultName.of(vault))) {
            orphan.append(new byte[1000], 0, 1000);
            orphan.seal();
        }
        store.writeManifest(ItemRef.of(VaultName.of(vault), "files1"), UUID.randomUUID().toString(), new byte[] {1, 2, 3});

        StoreMaintenance.Outcome outcome = maintenance.maintain(VaultName.of(vault));
        assertEquals(2, outcome.orphanFiles(), outcome.toString());
        assertEquals(0, outcome.deletedPacks());
        assertEquals(1, store.manifests(VaultName.of(vault)).size());
        String point = points(cmk, vault).get(0).getString("id");
        assertEquals("Completed", cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/recoveryPoints/"
                + point + "/verify", "")).getString("status"));
    }

    @Test
    void maintenance_isSkippedWhileABackupOfTheVaultIsQueued() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = vaultWithItem(cmk, SourceTrees.tree("busy", 34), "{\"retentionDays\":1}");
        backup(cmk, vault);
        try (Stream<UUID> packs = store.packs(VaultName.of(vault)).stream()) {
            assertTrue(packs.count() > 0);
        }
        transaction.begin();
        jobRepository.add(Job.submit(BackupOperations.BACKUP, ResourcePath.item(ItemRef.of(VaultName.of(vault), "files1")), "it", Instant.now()));
        transaction.commit();
        try (PackWriter inFlight = store.newPack(VaultName.of(vault))) {
            inFlight.append(new byte[10], 0, 10);
            inFlight.seal();
        }
        assertTrue(maintenance.maintain(VaultName.of(vault)).skipped());
        assertEquals(2, store.packs(VaultName.of(vault)).size(), "the queued backup's pack is not taken for an orphan");
    }
}
