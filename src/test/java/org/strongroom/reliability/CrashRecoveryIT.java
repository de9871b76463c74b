package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Figures;
import org.strongroom.support.SourceTrees;
import org.strongroom.support.StandaloneServer;

/**
 * SIGKILL in the middle of work: a server of the test's own (not the suite's shared one) is killed
 * while five backups of a customer-managed-key vault and a key update of that vault run, and started
 * again on the same database, broker journal and chunk store.
 */
class CrashRecoveryIT {

    private static final int ITEMS = 5;
    private static final int MIB = 1024 * 1024;

    private static StandaloneServer server;

    @BeforeAll
    static void startServer() {
        server = StandaloneServer.fresh("crash-server", 300, Map.of());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sigkillDuringBackupsAndAKeyUpdate_endsEveryJob_tearsNoPoint_andKeepsKeyAndDataKeyTogether() throws Exception {
        Cmk cmk = new Cmk(server.base());
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.cmkVault();
        String secondKid = Cmk.kid(admin.post("/api/keyvaults/" + setup.keyVault() + "/keys/cmk/rotate", null).json());
        List<String> items = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Path source = SourceTrees.newDirectory("crash-" + i);
            Files.writeString(source.resolve("first.txt"), "before the crash " + i);
            String item = "item-" + i;
            cmk.filesItem(setup.vault(), item, source);
            items.add(item);
            sources.add(source);
        }
        // One completed point per item before the crash: it must still verify and restore afterwards.
        for (String item : items) {
            assertEquals("Completed", cmk.backup(path(setup, item)).getString("status"));
        }
        String beforeCrash = SourceTrees.describe(sources.get(1));
        for (int i = 0; i < ITEMS; i++) {
            addRandomFiles(sources.get(i), i);
        }

        List<String> jobs = new ArrayList<>();
        for (String item : items) {
            jobs.add(accepted(admin.post(path(setup, item) + "/backup", "{}")));
        }
        jobs.add(accepted(cmk.assign(setup.vault(), secondKid, Cmk.KEY_VAULT_SUBSCRIPTION, null)));
        Await.until(() -> jobs.stream().anyMatch(id -> bytesDone(admin.get("/api/jobs/" + id).json()) > 0),
                "a backup to have written data");
        long runningAtKill = jobs.stream().filter(id -> "InProgress".equals(job(admin, id).getString("status"))).count();
        server.kill();
        server.start();

        List<JsonObject> ended = jobs.stream().map(id -> Await.until(() -> job(admin, id),
                job -> !"InProgress".equals(job.getString("status")), "job " + id + " to end after the restart")).toList();
        long completed = ended.stream().filter(job -> job.getString("status").startsWith("Completed")).count();
        ended.forEach(job -> assertTrue(job.getString("status").startsWith("Completed") || job.getString("status").equals("Failed"),
                job.toString()));
        assertTrue(runningAtKill > 0, "the kill must hit running work");

        int points = 0;
        for (String item : items) {
            for (JsonValue point : admin.get(path(setup, item) + "/recoveryPoints").json().getJsonArray("value")) {
                JsonObject verify = cmk.awaitJob(admin.post(path(setup, item) + "/recoveryPoints/"
                        + point.asJsonObject().getString("id") + "/verify", null));
                assertEquals("Completed", verify.getString("status"), "every point verifies: " + verify);
                points++;
            }
        }

        // Key settings and wrapped data key in force together: whichever key the vault names, it opens the data.
        JsonObject encryption = cmk.encryption(setup.vault());
        JsonObject keyUpdate = ended.get(ended.size() - 1);
        String expectedKey = keyUpdate.getString("status").startsWith("Completed") ? secondKid : setup.kid();
        assertEquals(expectedKey, encryption.getString("keyUri"), encryption.toString());
        assertEquals("Completed", cmk.backup(path(setup, items.get(0))).getString("status"));
        String oldest = oldestPoint(admin, setup, items.get(1));
        Path target = SourceTrees.newDirectory("crash-restore");
        JsonObject restore = cmk.awaitJob(admin.post(path(setup, items.get(1)) + "/recoveryPoints/" + oldest + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restore.getString("status"), restore.toString());
        assertEquals(beforeCrash, SourceTrees.describe(target));

        Figures.record("crash", "SIGKILL during " + ITEMS + " backups + 1 key update (" + runningAtKill
                + " jobs in progress at the kill): " + ended.size() + "/" + ended.size() + " jobs ended after restart ("
                + completed + " Completed, " + (ended.size() - completed) + " Failed), " + points
                + " recovery points all verify (0 torn), key in force = " + (expectedKey.equals(secondKid) ? "new" : "old")
                + " key, and it opens the data");
    }

    private static String path(Cmk.Setup setup, String item) {
        return "/api/vaults/" + setup.vault() + "/items/" + item;
    }

    /** The job as the API answers it; a job the database lost would answer 404. */
    private static JsonObject job(Api admin, String id) {
        Api.Response answer = admin.get("/api/jobs/" + id);
        assertEquals(200, answer.status(), "job " + id + " after the restart: " + answer);
        return answer.json();
    }

    private static String accepted(Api.Response response) {
        assertEquals(202, response.status(), response.toString());
        return response.json().getString("id");
    }

    private static long bytesDone(JsonObject job) {
        JsonObject progress = job.getJsonObject("progress");
        return progress == null || !progress.containsKey("bytesDone") ? 0 : progress.getJsonNumber("bytesDone").longValue();
    }

    private static String oldestPoint(Api admin, Cmk.Setup setup, String item) {
        var points = admin.get(path(setup, item) + "/recoveryPoints").json().getJsonArray("value");
        return points.getJsonObject(points.size() - 1).getString("id");
    }

    /** Four files of incompressible data: 96 MiB, enough for a backup to be caught in the middle. */
    private static void addRandomFiles(Path root, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[MIB];
        try {
            for (int file = 0; file < 4; file++) {
                try (var out = Files.newOutputStream(root.resolve("part-" + file + ".bin"))) {
                    for (int i = 0; i < 24; i++) {
                        random.nextBytes(block);
                        out.write(block);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
