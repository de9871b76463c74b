package org.strongroom.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

/** Restores of {@code Files} items over HTTP, checked on the files the server wrote. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Backed(Cmk cmk, String vault, Path tree, String point) {
    }

    private Backed backedUp(Cmk cmk, String vault, Path tree) {
        assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree + "\"}}").status());
        JsonObject backup = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", ""));
        assertEquals("Completed", backup.getString("status"), backup.toString());
        String point = cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0).getString("id");
        return new Backed(cmk, vault, tree, point);
    }

    private Backed backedUp(Path tree) {
        Cmk cmk = new Cmk(base);
        return backedUp(cmk, cmk.vault("westeurope"), tree);
    }

    private static Api.Response requestRestore(Backed backed, String body) {
        return backed.cmk().admin().post("/api/vaults/" + backed.vault() + "/items/files1/recoveryPoints/" + backed.point()
                + "/restore", body);
    }

    private static JsonObject restore(Backed backed, String body) {
        return backed.cmk().awaitJob(requestRestore(backed, body));
    }

    private static String target(Path path) {
        return "{\"target\":{\"path\":\"" + path + "\"}";
    }

    private static void assertFailed(JsonObject job, String code) {
        assertEquals("Failed", job.getString("status"), job.toString());
        assertEquals(code, job.getJsonObject("error").getString("code"), job.toString());
    }

    @Test
    void filesRestore_toAnAlternateDirectory_isIdenticalInContentModesTimesAndLinks() {
        Backed backed = backedUp(SourceTrees.tree("restore-all", 30));
        Path out = SourceTrees.newDirectory("restored").resolve("out");

        JsonObject job = restore(backed, target(out) + "}");

        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals("Restore", job.getString("operation"));
        assertEquals(100, job.getJsonObject("progress").getInt("percent"));
        assertEquals(SourceTrees.describe(backed.tree()), SourceTrees.describe(out));
    }

    @Test
    void selectedPaths_restoreOnlyThem_withTheDirectoriesAboveThem() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("restore-some", 31));
        Path out = SourceTrees.newDirectory("restored-some");

        JsonObject job = restore(backed, target(out) + ",\"paths\":[\"docs/deep\",\"/empty.txt\"]}");

        assertEquals("Completed", job.getString("status"), job.toString());
        try (Stream<Path> restored = Files.walk(out)) {
            assertEquals(List.of("", "docs", "docs/deep", "docs/deep/deeper", "docs/deep/deeper/secret.txt", "empty.txt"),
                    restored.map(p -> out.relativize(p).toString()).sorted().toList());
        }
        Path secret = Path.of("docs/deep/deeper/secret.txt");
        assertArrayEquals(Files.readAllBytes(backed.tree().resolve(secret)), Files.readAllBytes(out.resolve(secret)));
        assertEquals(Files.getPosixFilePermissions(backed.tree().resolve(secret)), Files.getPosixFilePermissions(out.resolve(secret)));
    }

    @Test
    void aPathThePointDoesNotHold_failsTheRestore_andWritesNothing() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("restore-missing", 32));
        Path out = SourceTrees.newDirectory("restored-missing");

        JsonObject job = restore(backed, target(out) + ",\"paths\":[\"docs/readme.txt\",\"no/such/file\"]}");

        assertFailed(job, "NotFound");
        assertTrue(job.getJsonObject("error").getString("message").contains("no/such/file"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void restoreOverExistingFiles_isRefusedWithoutOverwrite_andReplacesThemWithIt() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("restore-over", 33));
        Path out = SourceTrees.newDirectory("restored-over");
        Files.createDirectories(out.resolve("docs"));
        Files.writeString(out.resolve("docs/readme.txt"), "edited since the backup");
        Files.writeString(out.resolve("unrelated.txt"), "not in the backup");

        JsonObject refused = restore(backed, target(out) + "}");
        assertFailed(refused, "UserErrorRestoreTargetExists");
        assertTrue(refused.getJsonObject("error").getString("message").contains("docs/readme.txt"));
        assertEquals("edited since the backup", Files.readString(out.resolve("docs/readme.txt")));
        assertFalse(Files.exists(out.resolve("large.bin")), "nothing restored when refused");

        JsonObject replaced = restore(backed, target(out) + ",\"overwrite\":true}");
        assertEquals("Completed", replaced.getString("status"), replaced.toString());
        assertArrayEquals(Files.readAllBytes(backed.tree().resolve("docs/readme.txt")), Files.readAllBytes(out.resolve("docs/readme.txt")));
        assertEquals("not in the backup", Files.readString(out.resolve("unrelated.txt")), "files the backup lacks are kept");
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".strongroom-restore-")), "no staging left");
        }
    }

    @Test
    void restoreToTheOriginalLocation_onlyWhenTheRequestSaysSo_andNeedsOverwrite() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("restore-original", 34));
        Files.writeString(backed.tree().resolve("docs/readme.txt"), "damaged", StandardCharsets.UTF_8);

        JsonObject refused = restore(backed, "{\"target\":{\"originalLocation\":true},\"paths\":[\"docs/readme.txt\"]}");
        assertFailed(refused, "UserErrorRestoreTargetExists");
        String message = refused.getJsonObject("error").getString("message");
        assertTrue(message.contains("add \"overwrite\": true to the request body (beside \"target\")")
                && message.contains("replace"), "the refusal says where overwrite goes and what it does: " + message);
        assertEquals("damaged", Files.readString(backed.tree().resolve("docs/readme.txt")));

        JsonObject repaired = restore(backed, "{\"target\":{\"originalLocation\":true},\"paths\":[\"docs/readme.txt\"],"
                + "\"overwrite\":true}");
        assertEquals("Completed", repaired.getString("status"), repaired.toString());
        assertTrue(Files.readString(backed.tree().resolve("docs/readme.txt")).startsWith("Strongroom test file restore-original"));
    }

    @Test
    void restore_withoutATarget_orWithAMisspeltOne_isRefusedAtOnce_andTouchesNothing() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("restore-typo", 37));
        Files.writeString(backed.tree().resolve("docs/readme.txt"), "live data", StandardCharsets.UTF_8);
        Path elsewhere = SourceTrees.newDirectory("restore-typo-target");
        int jobsBefore = restoreJobs(backed);

        Api.Response misspelt = requestRestore(backed, "{\"targetPath\":\"" + elsewhere + "\",\"overwrite\":true}");
        assertTrue(misspelt.isError(400, "BadRequest"), misspelt.toString());
        assertEquals("targetPath", misspelt.json().getString("target"));
        assertTrue(misspelt.json().getString("message").contains("did you mean 'target'?"), misspelt.toString());

        Api.Response none = requestRestore(backed, "{\"paths\":[\"docs/readme.txt\"],\"overwrite\":true}");
        assertTrue(none.isError(400, "BadRequest"), none.toString());
        assertEquals("target", none.json().getString("target"));
        assertTrue(none.json().getString("message").contains("\"originalLocation\": true"), none.toString());

        Api.Response empty = requestRestore(backed, "{\"target\":{},\"overwrite\":true}");
        assertTrue(empty.isError(400, "BadRequest"), empty.toString());
        assertEquals("target.path", empty.json().getString("target"));

        Api.Response both = requestRestore(backed, "{\"target\":{\"path\":\"" + elsewhere + "\",\"originalLocation\":true}}");
        assertTrue(both.isError(400, "BadRequest"), both.toString());

        Api.Response nestedTypo = requestRestore(backed, "{\"target\":{\"pth\":\"" + elsewhere + "\"}}");
        assertTrue(nestedTypo.isError(400, "BadRequest"), nestedTypo.toString());
        assertEquals("target.pth", nestedTypo.json().getString("target"));
        assertTrue(nestedTypo.json().getString("message").contains("did you mean 'target.path'?"), nestedTypo.toString());

        assertEquals(jobsBefore, restoreJobs(backed), "no restore job was started");
        assertEquals("live data", Files.readString(backed.tree().resolve("docs/readme.txt")));
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(0, written.count(), "nothing written elsewhere either");
        }
    }

    private static int restoreJobs(Backed backed) {
        return backed.cmk().admin().get("/api/jobs?vault=" + backed.vault() + "&operation=Restore").json()
                .getJsonArray("value").size();
    }

    @Test
    void badRestoreRequests_areRefusedAtOnce_withTheirTarget() {
        Backed backed = backedUp(SourceTrees.tree("restore-bad", 35));
        Api.Response relative = requestRestore(backed, "{\"target\":{\"path\":\"relative/dir\"}}");
        assertEquals(400, relative.status());
        assertEquals("UserErrorInvalidRestoreTarget", relative.json().getString("code"));
        assertEquals("target.path", relative.json().getString("target"));

        Api.Response ontoAFile = requestRestore(backed, target(backed.tree().resolve("empty.txt")) + "}");
        assertEquals("UserErrorInvalidRestoreTarget", ontoAFile.json().getString("code"));

        Api.Response escaping = requestRestore(backed, target(SourceTrees.newDirectory("x")) + ",\"paths\":[\"../etc\"]}");
        assertEquals(400, escaping.status());
        assertEquals("paths", escaping.json().getString("target"));

        Api.Response withDes = requestRestore(backed, target(SourceTrees.newDirectory("y")) + ",\"diskEncryptionSetId\":\"des1\"}");
        assertEquals(400, withDes.status());
        assertEquals("diskEncryptionSetId", withDes.json().getString("target"));

        Api.Response unknownPoint = backed.cmk().admin().post("/api/vaults/" + backed.vault()
                + "/items/files1/recoveryPoints/00000000-0000-0000-0000-000000000000/restore", target(SourceTrees.newDirectory("z")) + "}");
        assertEquals(404, unknownPoint.status());

        Api.Response noBody = requestRestore(backed, "");
        assertEquals(400, noBody.status());
    }

    @Test
    void restore_withTheKeyDisabled_failsWithKeyDisabled_andWritesNothing() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        Backed backed = backedUp(cmk, setup.vault(), SourceTrees.tree("restore-disabled", 36));
        Api.Response disabled = cmk.admin().send("PATCH", "/api/keyvaults/" + setup.keyVault() + "/keys/cmk/"
                + Cmk.version(setup.kid()), "{\"attributes\":{\"enabled\":false}}", "application/json");
        assertEquals(200, disabled.status(), disabled.toString());
        Path out = SourceTrees.newDirectory("restored-disabled").resolve("out");

        JsonObject job = restore(backed, target(out) + "}");

        assertFailed(job, "UserErrorKeyDisabled");
        assertFalse(Files.exists(out), "nothing written at the target");
    }
}
