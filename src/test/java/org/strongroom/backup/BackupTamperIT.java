package org.strongroom.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

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
import org.strongroom.crypto.ChunkSealer;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.WrappedDataKeyFile;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SecretScan;
import org.strongroom.support.SourceTrees;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;

/**
 * What tampering with the store or the wrapped data key does: {@code Verify} fails with
 * {@code DataIntegrityError} naming what broke. And nothing of the source's plaintext reaches the store
 * or the database.
 */
@ExtendWith(ArquillianExtension.class)
class BackupTamperIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SecretScan.class, SourceTrees.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ChunkStore store;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private record Backed(String vault, String point, Path tree) {
    }

    private Backed backedUp(Path tree) {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree + "\"}}").status());
        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", ""));
        assertEquals("Completed", job.getString("status"), job.toString());
        String point = cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0).getString("id");
        return new Backed(vault, point, tree);
    }

    private JsonObject verify(Backed backed) {
        Cmk cmk = new Cmk(base);
        return cmk.awaitJob(cmk.admin().post("/api/vaults/" + backed.vault() + "/items/files1/recoveryPoints/"
                + backed.point() + "/verify", ""));
    }

    private static void assertDataIntegrityError(JsonObject job, String mentions) {
        assertEquals("Failed", job.getString("status"), job.toString());
        assertEquals("DataIntegrityError", job.getJsonObject("error").getString("code"), job.toString());
        assertTrue(job.getJsonObject("error").getString("message").contains(mentions), job.toString());
    }

    private Path storeRoot() {
        return Path.of(System.getProperty("jboss.server.data.dir"), "strongroom", "store");
    }

    private Path vaultStore(String vault) {
        return storeRoot().resolve("vaults").resolve(vault);
    }

    private Path onlyPack(String vault) throws Exception {
        try (Stream<Path> files = Files.walk(vaultStore(vault).resolve("packs"))) {
            List<Path> packs = files.filter(p -> p.toString().endsWith(".pack")).toList();
            assertEquals(1, packs.size(), packs.toString());
            return packs.get(0);
        }
    }

    private Manifest manifest(Backed backed) {
        try (VaultDataKey keys = dataKeys.open(vaults.get(VaultName.of(backed.vault())));
             RecoveryPointReader reader = new RecoveryPointReader(store, keys, ItemRef.of(VaultName.of(backed.vault()), "files1"), backed.point())) {
            return reader.manifest();
        }
    }

    /** Puts {@code from}'s wrapped data key into {@code to}'s row, as a database writer could. */
    private void copyWrappedDataKey(String from, String to) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement copy = c.prepareStatement(
                     "UPDATE vault SET wrapped_data_key = (SELECT o.wrapped_data_key FROM vault o WHERE o.name = ?) WHERE name = ?")) {
            copy.setString(1, from);
            copy.setString(2, to);
            assertEquals(1, copy.executeUpdate());
        }
    }

    /** Restores {@code backed}'s point into a new directory; answers the ended job. */
    private JsonObject restoreInto(Backed backed, Path out) {
        Cmk cmk = new Cmk(base);
        return cmk.awaitJob(cmk.admin().post("/api/vaults/" + backed.vault() + "/items/files1/recoveryPoints/" + backed.point()
                + "/restore", "{\"target\":{\"path\":\"" + out + "\"}}"));
    }

    private static ChunkRef chunkOf(Manifest manifest, String path) {
        return manifest.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().chunks().get(0);
    }

    @Test
    void infrastructureEncryption_sealsEveryChunkAndManifestTwice_andVerifies() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "infra");
        JsonObject assigned = cmk.awaitJob(cmk.assign(setup.vault(), setup.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, "Enabled"));
        assertEquals("Completed", assigned.getString("status"), assigned.toString());
        Path tree = SourceTrees.tree("infra", 17);
        assertEquals(201, cmk.admin().put("/api/vaults/" + setup.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree + "\"}}").status());
        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + setup.vault() + "/items/files1/backup", ""));
        assertEquals("Completed", job.getString("status"), job.toString());
        Backed backed = new Backed(setup.vault(), cmk.admin().get("/api/vaults/" + setup.vault() + "/items/files1/recoveryPoints")
                .json().getJsonArray("value").getJsonObject(0).getString("id"), tree);

        Manifest manifest = manifest(backed);
        ChunkRef ref = chunkOf(manifest, "large.bin");
        assertEquals(ref.plainLength() + 2 * ChunkSealer.OVERHEAD, ref.storedLength(), "two layers of header, nonce and tag");
        byte[] pack = Files.readAllBytes(onlyPack(setup.vault()));
        assertEquals(0x02, pack[(int) ref.offset()], "blob format 2");
        assertEquals(0x02, pack[(int) ref.offset() + 1], "the outer layer is the infrastructure layer");
        byte[] sealedManifest = Files.readAllBytes(vaultStore(setup.vault()).resolve("points/files1/" + backed.point() + ".manifest"));
        assertEquals(0x02, sealedManifest[1]);
        assertTrue(WrappedDataKeyFile.parse(Files.readString(vaultStore(setup.vault()).resolve("data-key.properties")))
                .infrastructureEncryption());
        assertEquals("Completed", verify(backed).getString("status"));
    }

    @Test
    void untouchedPoint_verifies() {
        assertEquals("Completed", verify(backedUp(SourceTrees.tree("untouched", 10))).getString("status"));
    }

    /** Flips the lowest bit of the byte at {@code position}: doing it twice puts the byte back. */
    private static void flip(Path pack, long position) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
            file.seek(position);
            int b = file.read();
            file.seek(position);
            file.write(b ^ 0x01);
        }
    }

    private JsonObject point(Backed backed) {
        return new Cmk(base).admin().get("/api/vaults/" + backed.vault() + "/items/files1/recoveryPoints/" + backed.point()).json();
    }

    @Test
    void flippedBitInAChunk_failsRestoreAndVerification_andMarksThePointCorrupt() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("flip", 11));
        assertEquals("Available", point(backed).getString("state"));
        ChunkRef ref = chunkOf(manifest(backed), "docs/readme.txt");
        flip(onlyPack(backed.vault()), ref.offset() + ref.storedLength() / 2);

        Path out = SourceTrees.newDirectory("restore-flipped");
        JsonObject restore = restoreInto(backed, out);
        assertDataIntegrityError(restore, "nothing written");
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(), written.toList(), "a restore that meets a damaged chunk leaves the target as it was");
        }
        JsonObject afterRestore = point(backed);
        assertEquals("Corrupt", afterRestore.getString("state"), "the restore found it: " + afterRestore);
        assertTrue(afterRestore.getString("stateDetails").contains("File docs/readme.txt"), afterRestore.toString());
        assertTrue(restore.getJsonObject("error").getString("message").contains("docs/readme.txt"), "the job names the file too");

        assertDataIntegrityError(verify(backed), "docs/readme.txt");
        assertTrue(point(backed).getString("stateDetails").contains("docs/readme.txt"), "Verify names the file");
    }

    @Test
    void corruptPoint_repaired_isMarkedAvailableAgainByTheNextVerify_withBothChangesInTheActivityLog() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("repair", 13));
        ChunkRef ref = chunkOf(manifest(backed), "docs/readme.txt");
        Path pack = onlyPack(backed.vault());
        long position = ref.offset() + ref.storedLength() / 2;
        flip(pack, position);
        assertDataIntegrityError(verify(backed), "docs/readme.txt");
        assertEquals("Corrupt", point(backed).getString("state"));

        flip(pack, position); // repaired, e.g. from a copy of the store
        JsonObject verified = verify(backed);
        assertEquals("Completed", verified.getString("status"), verified.toString());
        JsonObject repaired = point(backed);
        assertEquals("Available", repaired.getString("state"), repaired.toString());
        assertFalse(repaired.containsKey("stateDetails"), repaired.toString());
        assertTrue(repaired.containsKey("stateTime"), "when it was last verified: " + repaired);

        String resource = "vaults/" + backed.vault() + "/items/files1/recoveryPoints/" + backed.point();
        List<String> changes = new Cmk(base).admin().get("/api/activitylog?resource=" + resource).json().getJsonArray("value")
                .stream().map(v -> v.asJsonObject().getString("operation") + " " + v.asJsonObject().getString("caller")).toList();
        assertEquals(List.of("MarkRecoveryPointAvailable admin", "MarkRecoveryPointCorrupt admin"), changes,
                "newest first, each by the user who asked for the job");
    }

    @Test
    void truncatedPack_failsVerification() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("truncate", 12));
        Path pack = onlyPack(backed.vault());
        try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }
        assertDataIntegrityError(verify(backed), "chunk");
    }

    @Test
    void chunkSwappedWithAnotherChunk_failsVerification() throws Exception {
        Path tree = SourceTrees.newDirectory("swap");
        Random random = new Random(13);
        SourceTrees.write(tree.resolve("one.bin"), SourceTrees.bytes(random, 50_000));
        SourceTrees.write(tree.resolve("two.bin"), SourceTrees.bytes(random, 50_000));
        Backed backed = backedUp(tree);
        Manifest manifest = manifest(backed);
        ChunkRef one = chunkOf(manifest, "one.bin");
        ChunkRef two = chunkOf(manifest, "two.bin");
        assertEquals(one.storedLength(), two.storedLength());
        try (RandomAccessFile pack = new RandomAccessFile(onlyPack(backed.vault()).toFile(), "rw")) {
            byte[] first = new byte[one.storedLength()];
            byte[] second = new byte[two.storedLength()];
            pack.seek(one.offset());
            pack.readFully(first);
            pack.seek(two.offset());
            pack.readFully(second);
            pack.seek(one.offset());
            pack.write(second);
            pack.seek(two.offset());
            pack.write(first);
        }
        // Both files are broken now; verify reads in pack order, so it names whichever chunk it met first.
        JsonObject job = verify(backed);
        String file = job.getJsonObject("error").getString("message").contains("one.bin") ? "one.bin" : "two.bin";
        assertDataIntegrityError(job, "In file " + file);
    }

    @Test
    void editedManifest_failsVerification() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("manifest", 14));
        Path manifest = vaultStore(backed.vault()).resolve("points/files1/" + backed.point() + ".manifest");
        byte[] bytes = Files.readAllBytes(manifest);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(manifest, bytes);
        assertDataIntegrityError(verify(backed), "Manifest");
    }

    @Test
    void wrappedDataKeyReplacedByAnotherVaults_failsVerification() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("vdk", 15));
        String other = new Cmk(base).vault("westeurope");
        copyWrappedDataKey(other, backed.vault());
        assertDataIntegrityError(verify(backed), "data key");
    }

    @Test
    void deletedPack_failsVerificationAndRestore_namingIt() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("deleted-pack", 18));
        Path pack = onlyPack(backed.vault());
        Files.delete(pack);
        assertDataIntegrityError(verify(backed), "is missing");
        Path out = SourceTrees.newDirectory("restore-deleted-pack");
        JsonObject restore = restoreInto(backed, out);
        assertDataIntegrityError(restore, "is missing");
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(), written.toList());
        }
    }

    @Test
    void deletedManifest_failsVerification_namingThePoint() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("deleted-manifest", 19));
        Files.delete(vaultStore(backed.vault()).resolve("points/files1/" + backed.point() + ".manifest"));
        assertDataIntegrityError(verify(backed), backed.point());
    }

    @Test
    void manifestOfAnEarlierPointReplayedOverALaterOne_failsVerification() throws Exception {
        Backed first = backedUp(SourceTrees.tree("replay", 20));
        Files.writeString(first.tree().resolve("docs/readme.txt"), "changed after the first point");
        Cmk cmk = new Cmk(base);
        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + first.vault() + "/items/files1/backup", ""));
        assertEquals("Completed", job.getString("status"), job.toString());
        String later = cmk.newestPoint("/api/vaults/" + first.vault() + "/items/files1");
        Path points = vaultStore(first.vault()).resolve("points/files1");
        // Same vault, same item, same keys: only the point id in the associated data tells them apart.
        Files.copy(points.resolve(first.point() + ".manifest"), points.resolve(later + ".manifest"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertDataIntegrityError(verify(new Backed(first.vault(), later, first.tree())), "Manifest");
        assertEquals("Completed", verify(first).getString("status"), "the earlier point itself is untouched");
    }

    @Test
    void wrappedDataKeyOfAnotherVaultUnderTheSameKey_unwrapsButOpensNoManifest() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "shared");
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), setup.kid()).getString("status"));
        String other = cmk.vault("westeurope");
        cmk.grant(setup.keyVault(), cmk.identity(other), Cmk.ALL_FOUR);
        assertEquals("Completed", cmk.assignAndWait(other, setup.kid()).getString("status"));
        Path tree = SourceTrees.tree("same-kek", 21);
        String item = cmk.filesItem(setup.vault(), "files1", tree);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        Backed backed = new Backed(setup.vault(), cmk.newestPoint(item), tree);
        // RSA-OAEP binds no context: the other vault's wrapping unwraps under the same KEK, to another data key.
        copyWrappedDataKey(other, backed.vault());
        assertDataIntegrityError(verify(backed), "Manifest");
    }

    @Test
    void tamperedDataKeyFileInTheStore_isWrittenAnewFromTheDatabaseByTheNextJob() throws Exception {
        Backed backed = backedUp(SourceTrees.tree("data-key-file", 22));
        Path file = vaultStore(backed.vault()).resolve("data-key.properties");
        String original = Files.readString(file, StandardCharsets.ISO_8859_1);
        WrappedDataKeyFile parsed = WrappedDataKeyFile.parse(original);
        byte[] altered = parsed.wrappedDataKey().clone();
        altered[altered.length / 2] ^= 0x01;
        Files.writeString(file, new WrappedDataKeyFile(parsed.vault(), parsed.wrappedBy(), parsed.algorithm(), altered,
                parsed.infrastructureEncryption()).toText(), StandardCharsets.ISO_8859_1);
        // The database row is authoritative: the job reads it, and puts the store's copy right again.
        assertEquals("Completed", verify(backed).getString("status"));
        assertArrayEquals(parsed.wrappedDataKey(), WrappedDataKeyFile.parse(Files.readString(file, StandardCharsets.ISO_8859_1)).wrappedDataKey());
    }

    @Test
    void storeThatCannotTakeAPack_failsTheBackupAfterEveryDelivery_deadLettered_andLeavesNoPoint() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path tree = SourceTrees.tree("no-pack", 23);
        String item = cmk.filesItem(vault, "files1", tree);
        // A file where the packs directory belongs: even root cannot create a pack (a real handler's I/O fault).
        Path packs = vaultStore(vault).resolve("packs");
        Files.createDirectories(packs.getParent());
        Files.writeString(packs, "not a directory");
        try {
            JsonObject job = cmk.backup(item);
            assertEquals("Failed", job.getString("status"), job.toString());
            assertEquals("InternalErrorJobAbandoned", job.getJsonObject("error").getString("code"), job.toString());
            String message = job.getJsonObject("error").getString("message");
            assertTrue(message.contains("3 failed attempt") && message.contains("Cannot create a pack"), message);
            assertEquals(0, cmk.admin().get(item + "/recoveryPoints").json().getJsonArray("value").size());
            try (Stream<Path> left = Files.walk(vaultStore(vault))) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList(),
                        "no temporary file is left behind");
            }
        } finally {
            Files.delete(packs);
        }
        assertEquals("Completed", cmk.backup(item).getString("status"), "the same item backs up once the store is right");
    }

    @Test
    void storeAndDatabase_holdNoneOfTheSourcesPlaintext() throws Exception {
        String marker = "PLAINTEXT-MARKER-" + Names.unique("m");
        Backed backed = backedUp(SourceTrees.tree(marker, 16));
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        byte[] large = Files.readAllBytes(backed.tree().resolve("large.bin"));
        List<byte[]> needles = List.of(markerBytes, java.util.Arrays.copyOfRange(large, 1_000_000, 1_000_064),
                java.util.Arrays.copyOfRange(large, large.length - 64, large.length));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(storeRoot())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.toString().contains(backed.vault())), "the scan must reach the vault's store");
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                assertFalse(SecretScan.contains(content, needle), file + " holds source plaintext");
            }
        }
        for (byte[] cell : SecretScan.everyCell(database)) {
            for (byte[] needle : needles) {
                assertFalse(SecretScan.contains(cell, needle), "the database holds source plaintext");
            }
        }
    }
}
