package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * Key vault faults — key disabled, key deleted (soft), permission revoked, and the key deleted while a
 * backup runs: each job that needs the key fails with its code, nothing is half-written (no recovery
 * point, no pack, no staging file, no restored file), and restoring access brings the service back.
 * In the container, to look at the chunk store itself.
 */
@ExtendWith(ArquillianExtension.class)
class KeyVaultFaultsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SourceTrees.class, Figures.class);
    }

    @ArquillianResource
    URL base;

    /** A fault and how to undo it. */
    private interface Fault {
        void apply(Cmk cmk, Cmk.Setup setup);

        void undo(Cmk cmk, Cmk.Setup setup);
    }

    @Test
    void disabledDeletedOrRevokedKey_failsBackupAndRestoreWithItsCode_writesNothing_andRestoringAccessBringsThemBack() {
        Cmk cmk = new Cmk(base);
        List<String> figures = new ArrayList<>();
        figures.add(check(cmk, "key disabled", "UserErrorKeyDisabled", new Fault() {
            public void apply(Cmk c, Cmk.Setup s) {
                enabled(c, s, false);
            }

            public void undo(Cmk c, Cmk.Setup s) {
                enabled(c, s, true);
            }
        }));
        figures.add(check(cmk, "key deleted (soft)", "UserErrorKeyNotFound", new Fault() {
            public void apply(Cmk c, Cmk.Setup s) {
                assertEquals(200, c.admin().delete("/api/keyvaults/" + s.keyVault() + "/keys/cmk").status());
            }

            public void undo(Cmk c, Cmk.Setup s) {
                assertEquals(200, c.admin().post("/api/keyvaults/" + s.keyVault() + "/deletedkeys/cmk/recover", null).status());
            }
        }));
        figures.add(check(cmk, "unwrapKey permission revoked", "UserErrorKeyVaultPermissionsNotConfigured", new Fault() {
            public void apply(Cmk c, Cmk.Setup s) {
                c.grant(s.keyVault(), s.principal(), "\"get\",\"list\",\"wrapKey\"");
            }

            public void undo(Cmk c, Cmk.Setup s) {
                c.grant(s.keyVault(), s.principal(), Cmk.ALL_FOUR);
            }
        }));
        Figures.record("keyvault-faults", String.join("; ", figures));
    }

    private String check(Cmk cmk, String fault, String code, Fault action) {
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.cmkVault();
        Path source = SourceTrees.tree(fault.replace(' ', '-'), 31);
        String item = cmk.filesItem(setup.vault(), "files1", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);
        List<Path> storeBefore = storeFiles(setup.vault());

        action.apply(cmk, setup);
        SourceTrees.write(source.resolve("changed.txt"), "new data that must not be stored".getBytes());
        assertFailedWith(code, cmk.backup(item));
        Path target = SourceTrees.newDirectory("fault-restore").resolve("target");
        JsonObject restore = cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertFailedWith(code, restore);
        assertEquals(1, admin.get(item + "/recoveryPoints").json().getJsonArray("value").size(), "no recovery point");
        assertEquals(storeBefore, storeFiles(setup.vault()), "no pack or other file added to the store");
        assertFalse(Files.exists(target), "nothing restored");

        action.undo(cmk, setup);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        assertEquals("Completed", cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}")).getString("status"));
        return fault + ": backup and restore failed with " + code + ", 0 files added to the store, 0 restored; undone, both work";
    }

    @Test
    void keyDeletedWhileABackupRuns_leavesAConsistentStore_failsTheNextJobs_andRecoveryBringsThemBack() throws IOException {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.cmkVault();
        Path source = SourceTrees.newDirectory("mid-job");
        byte[] block = new byte[1024 * 1024];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 160; i++) {
            random.nextBytes(block);
            Files.write(source.resolve("part-" + i + ".bin"), block);
        }
        String item = cmk.filesItem(setup.vault(), "files1", source);
        Api.Response started = admin.post(item + "/backup", "{}");
        String location = started.header("Location");
        Await.until(() -> admin.get(location).json(), job -> !"InProgress".equals(job.getString("status"))
                || job.getJsonObject("progress").getJsonNumber("bytesDone").longValue() > 0, "the backup to be under way");
        assertEquals(200, admin.delete("/api/keyvaults/" + setup.keyVault() + "/keys/cmk").status());
        JsonObject during = cmk.awaitJob(started);
        List<Path> storeAfter = storeFiles(setup.vault());
        int points = admin.get(item + "/recoveryPoints").json().getJsonArray("value").size();
        // The data key was unwrapped when the job began: the running backup may finish; either way the
        // store holds exactly what its recovery points need.
        if (during.getString("status").equals("Completed")) {
            assertEquals(1, points);
        } else {
            assertFailedWith("UserErrorKeyNotFound", during);
            assertEquals(0, points);
        }
        assertTrue(storeAfter.stream().noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left: " + storeAfter);

        assertFailedWith("UserErrorKeyNotFound", cmk.backup(item));
        assertEquals(storeAfter, storeFiles(setup.vault()));
        assertEquals(200, admin.post("/api/keyvaults/" + setup.keyVault() + "/deletedkeys/cmk/recover", null).status());
        assertEquals("Completed", cmk.backup(item).getString("status"));
        for (var point : admin.get(item + "/recoveryPoints").json().getJsonArray("value")) {
            assertEquals("Completed", cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point.asJsonObject().getString("id")
                    + "/verify", null)).getString("status"));
        }
        Figures.record("keyvault-mid-job", "key deleted while a 160 MiB backup ran: the backup " + during.getString("status")
                + " (its data key was unwrapped at the start), the next backup failed with UserErrorKeyNotFound adding 0 files, "
                + "after recovering the key every recovery point verifies");
    }

    private static void assertFailedWith(String code, JsonObject job) {
        assertEquals("Failed", job.getString("status"), job.toString());
        assertEquals(code, job.getJsonObject("error").getString("code"), job.toString());
    }

    private static void enabled(Cmk cmk, Cmk.Setup setup, boolean enabled) {
        Api.Response patched = cmk.admin().send("PATCH", "/api/keyvaults/" + setup.keyVault() + "/keys/cmk/"
                + Cmk.version(setup.kid()), "{\"attributes\":{\"enabled\":" + enabled + "}}", "application/json");
        assertEquals(200, patched.status(), patched.toString());
    }

    /** Every file of the vault's part of the chunk store (packs, manifests, data key file, temporaries). */
    private static List<Path> storeFiles(String vault) {
        Path dir = Path.of(System.getProperty("jboss.server.data.dir"), "strongroom", "store", "vaults", vault);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
