package org.strongroom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

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

/** Backups over HTTP: files and disks, incremental and deduplicated, verified. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private JsonObject register(Cmk cmk, String vault, String item, String workload, Path source) {
        Api.Response registered = cmk.admin().put("/api/vaults/" + vault + "/items/" + item,
                "{\"workloadType\":\"" + workload + "\",\"source\":{\"path\":\"" + source + "\"}}");
        assertEquals(201, registered.status(), registered.toString());
        return registered.json();
    }

    private JsonObject backup(Cmk cmk, String vault, String item) {
        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/" + item + "/backup", "{}"));
        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals(100, job.getJsonObject("progress").getInt("percent"));
        return job;
    }

    private JsonObject newestPoint(Cmk cmk, String vault, String item) {
        return cmk.admin().get("/api/vaults/" + vault + "/items/" + item + "/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0);
    }

    private JsonObject verify(Cmk cmk, String vault, String item, String point) {
        return cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/" + item + "/recoveryPoints/" + point + "/verify", ""));
    }

    @Test
    void fileTree_backsUp_verifies_andUnchangedDataStoresNothingNew() {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path tree = SourceTrees.tree("first-marker", 1);
        register(cmk, vault, "files1", "Files", tree);

        backup(cmk, vault, "files1");
        JsonObject first = newestPoint(cmk, vault, "files1");
        assertEquals("Snapshot", first.getString("type"));
        assertTrue(first.getJsonNumber("sizeBytes").longValue() > 5_000_000, first.toString());
        assertTrue(first.getJsonNumber("newBytes").longValue() < first.getJsonNumber("sizeBytes").longValue(),
                "the two copies of the shared file deduplicate: " + first);
        assertEquals("Completed", verify(cmk, vault, "files1", first.getString("id")).getString("status"));

        backup(cmk, vault, "files1");
        JsonObject second = newestPoint(cmk, vault, "files1");
        assertTrue(!second.getString("id").equals(first.getString("id")));
        assertEquals(0, second.getJsonNumber("newBytes").longValue(), second.toString());
        assertEquals(0, second.getInt("newChunkCount"));
        assertEquals(first.getJsonNumber("sizeBytes").longValue(), second.getJsonNumber("sizeBytes").longValue());

        JsonObject item = cmk.admin().get("/api/vaults/" + vault + "/items/files1").json();
        assertEquals("Protected", item.getString("protectionState"));
        assertEquals("Completed", item.getString("lastBackupStatus"));
    }

    @Test
    void compressibleFiles_areStoredCompressed_incompressibleOnesAsTheyAre_andRestoreByteForByte() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path tree = SourceTrees.newDirectory("compressible");
        Random random = new Random(11);
        StringBuilder log = new StringBuilder();
        while (log.length() < 3_000_000) {
            log.append("2026-12-02T10:00:00Z INFO backup of item ").append(random.nextInt(1000)).append(" completed\n");
        }
        Files.writeString(tree.resolve("server.log"), log);
        byte[] noise = SourceTrees.bytes(random, 1_000_000);
        Files.write(tree.resolve("noise.bin"), noise);
        register(cmk, vault, "files1", "Files", tree);
        backup(cmk, vault, "files1");

        JsonObject point = newestPoint(cmk, vault, "files1");
        long stored = point.getJsonNumber("storedBytes").longValue();
        assertTrue(stored > noise.length, "random bytes are stored as they are: " + point);
        assertTrue(stored < noise.length + log.length() / 4, "the log is stored compressed: " + point);

        Path target = SourceTrees.newDirectory("compressible-restored");
        JsonObject restored = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/recoveryPoints/"
                + point.getString("id") + "/restore", "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restored.getString("status"), restored.toString());
        assertEquals(log.toString(), Files.readString(target.resolve("server.log")));
        assertTrue(java.util.Arrays.equals(noise, Files.readAllBytes(target.resolve("noise.bin"))));
    }

    @Test
    void recoveryPoints_betweenFromAndTo_areThoseWhoseTimeLiesWithin_boundsIncluded() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path tree = SourceTrees.newDirectory("range");
        Files.writeString(tree.resolve("a.txt"), "a small file");
        register(cmk, vault, "files1", "Files", tree);
        String points = "/api/vaults/" + vault + "/items/files1/recoveryPoints";
        for (int i = 0; i < 3; i++) {
            backup(cmk, vault, "files1");
        }
        java.util.List<JsonObject> all = cmk.admin().get(points).json().getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals(3, all.size(), all.toString());
        // Newest first: all.get(2) is the first point, all.get(0) the last.
        String first = all.get(2).getString("time");
        String middle = all.get(1).getString("time");
        String last = all.get(0).getString("time");
        assertTrue(first.compareTo(middle) < 0 && middle.compareTo(last) < 0, all.toString());

        assertEquals(java.util.List.of(all.get(1).getString("id")), ids(cmk, points + "?from=" + middle + "&to=" + middle));
        assertEquals(java.util.List.of(all.get(0).getString("id"), all.get(1).getString("id")), ids(cmk, points + "?from=" + middle));
        assertEquals(java.util.List.of(all.get(1).getString("id"), all.get(2).getString("id")), ids(cmk, points + "?to=" + middle));
        String afterLast = java.time.Instant.parse(last).plusMillis(1).toString();
        assertEquals(java.util.List.of(), ids(cmk, points + "?from=" + afterLast));
        String beforeFirst = java.time.Instant.parse(first).minusMillis(1).toString();
        assertEquals(3, ids(cmk, points + "?from=" + beforeFirst + "&to=" + afterLast).size());
    }

    private static java.util.List<String> ids(Cmk cmk, String query) {
        Api.Response answer = cmk.admin().get(query);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().getJsonArray("value").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    @Test
    void changingOneFile_storesOnlyItsChangedChunks() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path tree = SourceTrees.tree("change-marker", 2);
        register(cmk, vault, "files1", "Files", tree);
        backup(cmk, vault, "files1");

        Path large = tree.resolve("large.bin");
        byte[] content = Files.readAllBytes(large);
        byte[] patch = SourceTrees.bytes(new Random(99), 1000);
        System.arraycopy(patch, 0, content, 3 * 1024 * 1024, patch.length);
        Files.write(large, content);
        backup(cmk, vault, "files1");

        JsonObject changed = newestPoint(cmk, vault, "files1");
        long newBytes = changed.getJsonNumber("newBytes").longValue();
        assertTrue(newBytes > 0 && newBytes <= 4 * 1024 * 1024 + 1000, "only the changed chunk(s) of large.bin: " + changed);
        assertTrue(changed.getInt("newChunkCount") <= 2, changed.toString());
    }

    @Test
    void diskImage_recordsZeroBlocksWithoutStoringThem_andVerifies() {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path image = SourceTrees.diskImage(12, 3);
        register(cmk, vault, "disk1", "Disk", image);
        backup(cmk, vault, "disk1");
        JsonObject point = newestPoint(cmk, vault, "disk1");
        assertEquals(12L * 1024 * 1024, point.getJsonNumber("sizeBytes").longValue());
        assertEquals(8L * 1024 * 1024, point.getJsonNumber("newBytes").longValue(), "4 of 12 blocks are zeros: " + point);
        assertEquals(12, point.getInt("fileCount"), "one entry per block");
        assertEquals("Completed", verify(cmk, vault, "disk1", point.getString("id")).getString("status"));
    }
}
