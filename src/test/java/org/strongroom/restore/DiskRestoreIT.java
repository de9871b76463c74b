package org.strongroom.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * Disk restores (SPEC 15) and disk encryption sets: a restored disk is sealed under a fresh key wrapped
 * by the source disk's set (a Snapshot point), by the set the request names (a Vault point), or by the
 * platform key; unsealing gives back the source image, byte for byte. In-container: a point is made
 * older than its item's instant-restore days by moving its time back in the database.
 */
@ExtendWith(ArquillianExtension.class)
class DiskRestoreIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(KeyVaults.class, Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SourceTrees.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    PlatformKey platformKey;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private record Des(String name, String keyVault, String kid) {
    }

    private record Backed(Cmk cmk, String vault, Path image, String point) {
    }

    /** A disk encryption set on a new key, its identity granted {@code permissions}. */
    private Des des(Cmk cmk, String permissions) {
        String kv = cmk.keyVault();
        String kid = cmk.rsa2048(kv, "des-key");
        String name = Names.unique("des-");
        Api.Response created = cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + Cmk.versionless(kid) + "\",\"region\":\"westeurope\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("SystemAssigned", created.json().getJsonObject("identity").getString("type"));
        if (permissions != null) {
            cmk.grant(kv, created.json().getJsonObject("identity").getString("principalId"), permissions);
        }
        return new Des(name, kv, kid);
    }

    private Backed backedUpDisk(Cmk cmk, String sourceDes) {
        String vault = cmk.vault("westeurope");
        Path image = SourceTrees.diskImage(5, 41);
        Api.Response registered = cmk.admin().put("/api/vaults/" + vault + "/items/disk1",
                "{\"workloadType\":\"Disk\",\"source\":{\"path\":\"" + image + "\""
                        + (sourceDes == null ? "" : ",\"diskEncryptionSetId\":\"" + sourceDes + "\"") + "}}");
        assertEquals(201, registered.status(), registered.toString());
        JsonObject backup = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/disk1/backup", ""));
        assertEquals("Completed", backup.getString("status"), backup.toString());
        String point = cmk.admin().get("/api/vaults/" + vault + "/items/disk1/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0).getString("id");
        return new Backed(cmk, vault, image, point);
    }

    /** Moves the point 3 days back: older than the default 2 instant-restore days, it is a Vault point. */
    private void age(Backed backed) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement older = c.prepareStatement("UPDATE recovery_point SET point_time = ? WHERE id = ?")) {
            older.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(3));
            older.setObject(2, java.util.UUID.fromString(backed.point()));
            assertEquals(1, older.executeUpdate());
        }
        assertEquals("Vault", backed.cmk().admin().get("/api/vaults/" + backed.vault() + "/items/disk1/recoveryPoints/"
                + backed.point()).json().getString("type"));
    }

    private static Api.Response requestRestore(Backed backed, Path target, String extra) {
        return backed.cmk().admin().post("/api/vaults/" + backed.vault() + "/items/disk1/recoveryPoints/" + backed.point()
                + "/restore", "{\"target\":{\"path\":\"" + target + "\"}" + extra + "}");
    }

    private static Path target() {
        return SourceTrees.newDirectory("restored-disk").resolve("disk.sealed");
    }

    private static SealedDisk.Header header(Path sealed) throws Exception {
        try (InputStream in = Files.newInputStream(sealed)) {
            return SealedDisk.Header.read(in);
        }
    }

    private static byte[] open(Path sealed, KeyMaterial key) throws Exception {
        try (InputStream in = Files.newInputStream(sealed)) {
            SealedDisk.Header header = SealedDisk.Header.read(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SealedDisk.open(in, header, key, out);
            return out.toByteArray();
        }
    }

    /**
     * Unwraps the disk's key the way a customer would: the key vault's unwrapkey, as an admin granted
     * unwrapKey on that key vault (no role unwraps without a policy).
     */
    private static KeyMaterial unwrapThroughTheKeyVault(Cmk cmk, SealedDisk.Header header) {
        String path = Cmk.path(header.keyId());
        String kv = path.split("/")[3];
        KeyVaults.grantAll(cmk.admin(), cmk.admin(), kv);
        Api.Response unwrapped = cmk.admin().post(path + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(header.wrappedKey()) + "\"}");
        assertEquals(200, unwrapped.status(), unwrapped.toString());
        return KeyMaterial.wrap(Base64.getUrlDecoder().decode(unwrapped.json().getString("value")));
    }

    @Test
    void diskFromAVaultPoint_withADiskEncryptionSet_isSealedWithItsKey_andUnsealsToTheSourceImage() throws Exception {
        Cmk cmk = new Cmk(base);
        Des des = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Backed backed = backedUpDisk(cmk, null);
        age(backed);
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ",\"diskEncryptionSetId\":\"" + des.name() + "\""));

        assertEquals("Completed", job.getString("status"), job.toString());
        SealedDisk.Header header = header(target);
        assertEquals(SealedDisk.Wrapping.KEY_VAULT, header.wrapping());
        assertEquals(des.kid(), header.keyId());
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header)));
    }

    @Test
    void restoredDisk_isSealedAnewUnderASet_andThenAnother_rewrappingOnlyItsKey() throws Exception {
        Cmk cmk = new Cmk(base);
        Des first = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Des second = des(cmk, "\"get\",\"wrapKey\"");
        Backed backed = backedUpDisk(cmk, null);
        Path target = target();
        assertEquals("Completed", cmk.awaitJob(requestRestore(backed, target, "")).getString("status"));
        SealedDisk.Header platform = header(target);
        assertEquals(SealedDisk.Wrapping.PLATFORM, platform.wrapping());
        byte[] before = Files.readAllBytes(target);

        JsonObject resealed = cmk.awaitJob(cmk.admin().post("/api/diskEncryptionSets/" + first.name() + "/reseal",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", resealed.getString("status"), resealed.toString());
        assertEquals("ResealDisk", resealed.getString("operation"));
        byte[] after = Files.readAllBytes(target);
        SealedDisk.Header header = header(target);
        assertEquals(SealedDisk.Wrapping.KEY_VAULT, header.wrapping());
        assertEquals(first.kid(), header.keyId());
        assertEquals(before.length, after.length);
        assertArrayEquals(Arrays.copyOfRange(before, SealedDisk.HEADER_2, before.length),
                Arrays.copyOfRange(after, SealedDisk.HEADER_2, after.length), "no block rewritten: only the key is wrapped anew");
        assertFalse(Collections.indexOfSubList(toList(after), toList(platform.wrappedKey())) >= 0,
                "the platform-sealed key is gone from the file");
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header)));

        // From one set to another: unwrapped as the first set's identity, wrapped as the second's.
        JsonObject moved = cmk.awaitJob(cmk.admin().post("/api/diskEncryptionSets/" + second.name() + "/reseal",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", moved.getString("status"), moved.toString());
        assertEquals(second.kid(), header(target).keyId());
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header(target))));

        // The second set's identity may wrap but not unwrap: its disks stay where they are, as its permissions say.
        JsonObject refused = cmk.awaitJob(cmk.admin().post("/api/diskEncryptionSets/" + first.name() + "/reseal",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Failed", refused.getString("status"));
        assertEquals("UserErrorKeyVaultPermissionsNotConfigured", refused.getJsonObject("error").getString("code"), refused.toString());
        assertEquals(second.kid(), header(target).keyId(), "the disk is as it was");
        Api.Response outside = cmk.admin().post("/api/diskEncryptionSets/" + first.name() + "/reseal",
                "{\"target\":{\"path\":\"/etc/passwd\"}}");
        assertTrue(outside.isError(400, "UserErrorInvalidRestoreTarget"), outside.toString());
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new java.util.ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void diskFromASnapshotPoint_isSealedWithTheSourceDisksSet() throws Exception {
        Cmk cmk = new Cmk(base);
        Des source = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Backed backed = backedUpDisk(cmk, source.name());
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ""));

        assertEquals("Completed", job.getString("status"), job.toString());
        SealedDisk.Header header = header(target);
        assertEquals(source.kid(), header.keyId());
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header)));

        Api.Response otherSet = requestRestore(backed, target(), ",\"diskEncryptionSetId\":\"" + source.name() + "\"");
        assertEquals(400, otherSet.status(), "a Snapshot point takes the source disk's set, not one from the request");
        assertEquals("diskEncryptionSetId", otherSet.json().getString("target"));
    }

    @Test
    void snapshotPoint_restoredFromItsVaultTier_isSealedWithTheSetTheRequestNames() throws Exception {
        Cmk cmk = new Cmk(base);
        Des source = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Des chosen = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Backed backed = backedUpDisk(cmk, source.name());
        JsonObject point = cmk.admin().get("/api/vaults/" + backed.vault() + "/items/disk1/recoveryPoints/" + backed.point()).json();
        assertEquals("Snapshot", point.getString("type"));
        assertEquals(List.of("Snapshot", "Vault"), point.getJsonArray("tiers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ",\"recoveryPointTier\":\"Vault\",\"diskEncryptionSetId\":\""
                + chosen.name() + "\""));

        assertEquals("Completed", job.getString("status"), job.toString());
        SealedDisk.Header header = header(target);
        assertEquals(chosen.kid(), header.keyId(), "the Vault tier takes the set the request names, not the source disk's");
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header)));
    }

    @Test
    void snapshotTierOfAPointPastItsInstantRestoreDays_isRefused_andAnUnknownTierIsABadRequest() throws Exception {
        Cmk cmk = new Cmk(base);
        Backed backed = backedUpDisk(cmk, null);
        age(backed);
        JsonObject point = cmk.admin().get("/api/vaults/" + backed.vault() + "/items/disk1/recoveryPoints/" + backed.point()).json();
        assertEquals(List.of("Vault"), point.getJsonArray("tiers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        Path target = target();

        Api.Response snapshot = requestRestore(backed, target, ",\"recoveryPointTier\":\"Snapshot\"");
        assertEquals(400, snapshot.status(), snapshot.toString());
        assertEquals("UserErrorRecoveryPointTierNotAvailable", snapshot.json().getString("code"));
        assertEquals("recoveryPointTier", snapshot.json().getString("target"));
        Api.Response unknown = requestRestore(backed, target, ",\"recoveryPointTier\":\"Archive\"");
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("BadRequest", unknown.json().getString("code"));
        assertFalse(Files.exists(target), "nothing written");
        assertEquals(0, cmk.admin().get("/api/jobs?vault=" + backed.vault() + "&operation=Restore").json().getJsonArray("value").size(),
                "a refused restore starts no job");
    }

    @Test
    void setThatADiskItemNames_isNotDeleted_andOnceUnused_isDeleted_leavingTheDisksItSealedReadable() throws Exception {
        Cmk cmk = new Cmk(base);
        Des des = des(cmk, "\"get\",\"wrapKey\",\"unwrapKey\"");
        Backed backed = backedUpDisk(cmk, des.name());
        Path target = target();
        assertEquals("Completed", cmk.awaitJob(requestRestore(backed, target, "")).getString("status"));

        Api.Response refused = cmk.admin().delete("/api/diskEncryptionSets/" + des.name());
        assertTrue(refused.isError(409, "UserErrorDiskEncryptionSetInUse"), refused.toString());
        assertTrue(refused.json().getString("message").contains("vaults/" + backed.vault() + "/items/disk1"), refused.toString());
        assertEquals(200, cmk.admin().get("/api/diskEncryptionSets/" + des.name()).status());

        Api.Response withoutSet = cmk.admin().put("/api/vaults/" + backed.vault() + "/items/disk1",
                "{\"workloadType\":\"Disk\",\"source\":{\"path\":\"" + backed.image() + "\"}}");
        assertEquals(200, withoutSet.status(), withoutSet.toString());
        Api.Response deleted = cmk.admin().delete("/api/diskEncryptionSets/" + des.name());
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, cmk.admin().get("/api/diskEncryptionSets/" + des.name()).status());
        assertArrayEquals(Files.readAllBytes(backed.image()), open(target, unwrapThroughTheKeyVault(cmk, header(target))),
                "a disk the set sealed still opens with its key, which stays in its key vault");
        assertEquals(404, cmk.admin().delete("/api/diskEncryptionSets/" + des.name()).status());
    }

    @Test
    void diskWithoutAnySet_isSealedWithThePlatformKey() throws Exception {
        Cmk cmk = new Cmk(base);
        Backed backed = backedUpDisk(cmk, null);
        age(backed);
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ""));

        assertEquals("Completed", job.getString("status"), job.toString());
        SealedDisk.Header header = header(target);
        assertEquals(SealedDisk.Wrapping.PLATFORM, header.wrapping());
        try (KeyMaterial key = platformKey.open(header.wrappedKey(), SealedDisk.Header.platformContext(header.fileId()))) {
            assertArrayEquals(Files.readAllBytes(backed.image()), open(target, key));
        }
    }

    @Test
    void aSetWhoseIdentityMayNotWrap_failsTheRestore_andWritesNothing() throws Exception {
        Cmk cmk = new Cmk(base);
        Des des = des(cmk, "\"get\"");
        Backed backed = backedUpDisk(cmk, null);
        age(backed);
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ",\"diskEncryptionSetId\":\"" + des.name() + "\""));

        assertEquals("Failed", job.getString("status"));
        assertEquals("UserErrorKeyVaultPermissionsNotConfigured", job.getJsonObject("error").getString("code"), job.toString());
        try (var files = Files.list(target.getParent())) {
            assertEquals(0, files.count(), "nothing written, not even a temporary file");
        }
    }

    /** The same key policy as a vault's key (KeyRequirements): a disabled key fails the restore with the seed's code. */
    @Test
    void aSetWhoseKeyIsDisabled_failsTheRestore_withTheSeedsCode_andWritesNothing() throws Exception {
        Cmk cmk = new Cmk(base);
        Des des = des(cmk, Cmk.ALL_FOUR);
        assertEquals(200, cmk.admin().send("PATCH", Cmk.path(des.kid()), "{\"attributes\":{\"enabled\":false}}", "application/json").status());
        Backed backed = backedUpDisk(cmk, null);
        age(backed);
        Path target = target();

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ",\"diskEncryptionSetId\":\"" + des.name() + "\""));

        assertEquals("Failed", job.getString("status"));
        assertEquals("UserErrorKeyDisabled", job.getJsonObject("error").getString("code"), job.toString());
        try (var files = Files.list(target.getParent())) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void restoreOntoAnExistingImage_isRefusedWithoutOverwrite() throws Exception {
        Cmk cmk = new Cmk(base);
        Backed backed = backedUpDisk(cmk, null);
        Path target = target();
        Files.writeString(target, "an existing image");

        Api.Response refused = requestRestore(backed, target, "");
        assertEquals(409, refused.status());
        assertEquals("UserErrorRestoreTargetExists", refused.json().getString("code"));

        JsonObject job = cmk.awaitJob(requestRestore(backed, target, ",\"overwrite\":true"));
        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals(SealedDisk.Wrapping.PLATFORM, header(target).wrapping());
    }

    @Test
    void diskEncryptionSets_checkTheirKeyVault_andAreChangedByAdminsOnly() {
        Cmk cmk = new Cmk(base);
        String kv = cmk.keyVault();
        String kid = cmk.rsa2048(kv, "k");
        String name = Names.unique("des-");

        Api.Response elsewhere = cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + kid + "\",\"region\":\"northeurope\"}");
        assertTrue(elsewhere.isError(400, "UserErrorKeyVaultRegionMismatch"), elsewhere.toString());
        String unprotectedKv = cmk.keyVault("westeurope", ",\"softDeleteEnabled\":true");
        Api.Response unprotected = cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + cmk.rsa2048(unprotectedKv, "k") + "\",\"region\":\"westeurope\"}");
        assertTrue(unprotected.isError(400, "UserErrorKeyVaultPurgeProtectionNotEnabled"), unprotected.toString());
        Api.Response unknownKey = cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + base + "api/keyvaults/nosuchkv/keys/k\",\"region\":\"westeurope\"}");
        assertEquals(400, unknownKey.status(), unknownKey.toString());
        assertEquals("keyUri", unknownKey.json().getString("target"));
        Api.Response noRegion = cmk.admin().put("/api/diskEncryptionSets/" + name, "{\"keyUri\":\"" + kid + "\"}");
        assertEquals(400, noRegion.status());
        assertEquals(404, cmk.admin().get("/api/diskEncryptionSets/" + name).status(), "nothing created by refusals");

        assertEquals(201, cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + kid + "\",\"region\":\"westeurope\"}").status());
        Api.Response again = cmk.admin().put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + Cmk.versionless(kid) + "\",\"region\":\"westeurope\"}");
        assertEquals(200, again.status());
        assertEquals(Cmk.versionless(kid), again.json().getString("keyUri"));
        assertTrue(cmk.admin().get("/api/diskEncryptionSets").json().getJsonArray("value").toString().contains(name));

        String reader = Names.unique("reader");
        assertEquals(201, cmk.admin().put("/api/users/" + reader, "{\"password\":\"reader-Secret-42\",\"roles\":[\"reader\"]}").status());
        Api asReader = Api.as(base, reader, "reader-Secret-42");
        assertEquals(200, asReader.get("/api/diskEncryptionSets/" + name).status());
        assertEquals(403, asReader.put("/api/diskEncryptionSets/" + name,
                "{\"keyUri\":\"" + kid + "\",\"region\":\"westeurope\"}").status());

        Api.Response unknownSet = cmk.admin().put("/api/vaults/" + cmk.vault("westeurope") + "/items/d",
                "{\"workloadType\":\"Disk\",\"source\":{\"path\":\"" + SourceTrees.diskImage(1, 3)
                        + "\",\"diskEncryptionSetId\":\"nosuchset\"}}");
        assertEquals(404, unknownSet.status(), unknownSet.toString());
        assertEquals("source.diskEncryptionSetId", unknownSet.json().getString("target"));
    }

    @Test
    void aRestoredDisk_withAFlippedBit_doesNotUnseal() throws Exception {
        Cmk cmk = new Cmk(base);
        Backed backed = backedUpDisk(cmk, null);
        Path target = target();
        assertEquals("Completed", cmk.awaitJob(requestRestore(backed, target, "")).getString("status"));
        byte[] sealed = Files.readAllBytes(target);
        sealed[sealed.length - 1000] ^= 0x10;
        Files.write(target, sealed);
        SealedDisk.Header header = header(target);
        try (KeyMaterial key = platformKey.open(header.wrappedKey(), SealedDisk.Header.platformContext(header.fileId()))) {
            assertFalse(tryOpen(target, key));
        }
    }

    private static boolean tryOpen(Path sealed, KeyMaterial key) throws Exception {
        try {
            open(sealed, key);
            return true;
        } catch (org.strongroom.crypto.IntegrityException e) {
            return false;
        }
    }
}
