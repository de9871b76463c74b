package org.strongroom.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
import org.junit.jupiter.api.condition.EnabledIf;
import org.strongroom.backup.app.StoreMaintenance;
import org.strongroom.platform.VaultName;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Azurite;
import org.strongroom.support.Cmk;
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.LoopbackService;
import org.strongroom.support.Names;
import org.strongroom.support.ObjectStoreEmulator;
import org.strongroom.support.S3Proxy;
import org.strongroom.support.PointTimes;
import org.strongroom.support.SourceTrees;

/**
 * A vault whose backup data lives in an object store — Azure Blob Storage (Azurite, the official emulator) or S3
 * (S3Proxy), each started by the test and skipped where it is not installed — end to end: a customer-managed key,
 * a backup and an incremental one, a restore byte for byte, a verification, the offline recovery tool reading the
 * point from the object store with the customer's key alone, expired points and the packs only they used
 * collected from the object store, and a pack altered there caught; a store that cannot be used refuses the vault
 * and leaves nothing. In the server, to age recovery points through the database and run the maintenance.
 */
@ExtendWith(ArquillianExtension.class)
class ObjectStoresIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                CustomerKeys.class, Names.class, PointTimes.class, SourceTrees.class, ObjectStoreEmulator.class, Azurite.class, S3Proxy.class,
                LoopbackService.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    StoreMaintenance maintenance;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    static boolean azuriteInstalled() {
        return Azurite.available();
    }

    static boolean s3ProxyPresent() {
        return S3Proxy.available();
    }

    private static String vaultBody(String storage) {
        return "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\",\"storage\":" + storage + "}";
    }

    @Test
    @EnabledIf(value = "azuriteInstalled", disabledReason = "Azurite is not installed (npm install --prefix ~/.cache/strongroom/azurite azurite; .ci/run installs it)")
    void vaultInAzureBlob_backsUpRestoresVerifiesAndCollects_andAnAlteredPackIsCaught() throws Exception {
        try (Azurite azurite = Azurite.start()) {
            backsUpRestoresVerifiesAndCollects_andAnAlteredPackIsCaught(azurite, "AzureBlob", Azurite.KEY);
        }
    }

    @Test
    @EnabledIf(value = "s3ProxyPresent", disabledReason = "S3Proxy is not in target/s3proxy (mvn generate-test-resources copies it from Maven Central)")
    void vaultInS3_backsUpRestoresVerifiesAndCollects_andAnAlteredPackIsCaught() throws Exception {
        try (S3Proxy s3 = S3Proxy.start()) {
            backsUpRestoresVerifiesAndCollects_andAnAlteredPackIsCaught(s3, "S3", S3Proxy.SECRET);
        }
    }

    private void backsUpRestoresVerifiesAndCollects_andAnAlteredPackIsCaught(ObjectStoreEmulator objects, String type, String secret)
            throws Exception {
        Cmk cmk = new Cmk(base);
        String container = Names.unique("backups-");
        String vault = Names.unique("vault-");
        Api.Response created = cmk.admin().put("/api/vaults/" + vault, vaultBody(objects.storage(container)));
        assertEquals(201, created.status(), created.toString());
        assertEquals(type, created.json().getJsonObject("storage").getString("type"), created.toString());
        assertFalse(created.body().contains(secret), "the store's key is never shown again");

        // The customer's own key (BYOK), as the seed sets it up; then a tree backed up twice: the first file
        // (over one upload part) is gone by the second backup.
        RSAPrivateCrtKey customerKey = CustomerKeys.generate(2048);
        String kv = cmk.keyVault();
        Api.Response imported = cmk.admin().put("/api/keyvaults/" + kv + "/keys/store-key", "{\"key\":" + CustomerKeys.jwk(customerKey) + "}");
        assertEquals(200, imported.status(), imported.toString());
        cmk.grant(kv, cmk.identity(vault), Cmk.ALL_FOUR);
        assertEquals("Completed", cmk.assignAndWait(vault, Cmk.kid(imported.json())).getString("status"));
        Path tree = SourceTrees.newDirectory("object-store");
        SourceTrees.write(tree.resolve("old.bin"), SourceTrees.bytes(new Random(41), 10_000_000));
        String item = "/api/vaults/" + vault + "/items/files1";
        Api.Response registered = cmk.admin().put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree
                + "\"},\"policy\":{\"retentionDays\":1}}");
        assertEquals(201, registered.status(), registered.toString());
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String oldest = cmk.newestPoint(item);
        String prefix = "vaults/" + vault + "/";
        List<String> oldPacks = objects.names(container, prefix + "packs/");
        assertFalse(oldPacks.isEmpty());

        Files.delete(tree.resolve("old.bin"));
        SourceTrees.write(tree.resolve("new.bin"), SourceTrees.bytes(new Random(42), 2_000_000));
        Files.writeString(tree.resolve("added.txt"), "added after the first backup");
        JsonObject incremental = cmk.backup(item);
        assertEquals("Completed", incremental.getString("status"), incremental.toString());
        String point = cmk.newestPoint(item);
        List<String> stored = objects.names(container, prefix);
        assertTrue(stored.contains(prefix + "data-key.properties"), stored.toString());
        assertEquals(Set.of(prefix + "points/files1/" + oldest + ".manifest", prefix + "points/files1/" + point + ".manifest"),
                stored.stream().filter(name -> name.endsWith(".manifest")).collect(Collectors.toSet()));

        Path out = SourceTrees.newDirectory("from-object-store").resolve("out");
        JsonObject restored = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + out + "\"}}"));
        assertEquals("Completed", restored.getString("status"), restored.toString());
        assertEquals(SourceTrees.describe(tree), SourceTrees.describe(out));

        // The offline recovery tool reads the point from the object store, with the customer's key alone.
        Path keys = SourceTrees.newDirectory("object-store-keys");
        Files.writeString(keys.resolve("private.pem"), CustomerKeys.pem(customerKey));
        Path offline = SourceTrees.newDirectory("from-object-store-offline").resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("jboss.home.dir")).resolveSibling("strongroom-recover.jar").toString(), "recover"));
        command.addAll(objects.recoveryToolOptions(container, keys.resolve("store.key")));
        command.addAll(List.of("--vault", vault, "--point", point, "--key", keys.resolve("private.pem").toString(), "--out", offline.toString()));
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(tool.waitFor(120, TimeUnit.SECONDS), "the recovery tool ran too long");
        String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tool.exitValue(), said);
        assertEquals(SourceTrees.describe(tree), SourceTrees.describe(offline));

        // Retention: the first point expires; the packs only it used leave the object store, the newest point stays whole.
        PointTimes.age(database, oldest, 3);
        PointTimes.age(database, point, 2);
        StoreMaintenance.Outcome outcome = maintenance.maintain(VaultName.of(vault));
        assertEquals(1, outcome.expiredPoints(), outcome.toString());
        assertEquals(oldPacks.size(), outcome.deletedPacks(), outcome.toString());
        List<String> kept = objects.names(container, prefix);
        assertTrue(oldPacks.stream().noneMatch(kept::contains), kept.toString());
        assertFalse(kept.contains(prefix + "points/files1/" + oldest + ".manifest"), kept.toString());
        JsonObject verified = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/verify", ""));
        assertEquals("Completed", verified.getString("status"), verified.toString());

        // One byte of a pack altered in the object store: the next verification names the damage.
        String pack = kept.stream().filter(name -> name.endsWith(".pack")).findFirst().orElseThrow();
        byte[] content = objects.read(container, pack);
        content[content.length / 2] ^= 0x01;
        objects.write(container, pack, content);
        JsonObject caught = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/verify", ""));
        assertEquals("Failed", caught.getString("status"), caught.toString());
        assertEquals("DataIntegrityError", caught.getJsonObject("error").getString("code"), caught.toString());
    }

    @Test
    @EnabledIf(value = "s3ProxyPresent", disabledReason = "S3Proxy is not in target/s3proxy (mvn generate-test-resources copies it from Maven Central)")
    void s3BucketRefusingTheKey_refusesTheVault_andLeavesNothing() {
        try (S3Proxy s3 = S3Proxy.start()) {
            Api admin = Api.admin(base);
            String vault = Names.unique("vault-");
            Api.Response refused = admin.put("/api/vaults/" + vault, vaultBody(s3.storage("backups").replace(S3Proxy.SECRET, "not-the-secret")));
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("storage", refused.json().getString("target"), refused.toString());
            Api.Response badBucket = admin.put("/api/vaults/" + vault, vaultBody(s3.storage("Not_A_Bucket")));
            assertEquals(400, badBucket.status(), badBucket.toString());
            assertEquals("storage.bucket", badBucket.json().getString("target"));
            assertEquals(404, admin.get("/api/vaults/" + vault).status(), "no vault is left behind");
        }
    }

    @Test
    void storageThatCannotBeReached_refusesTheVault_andLeavesNothing() {
        Api admin = Api.admin(base);
        String vault = Names.unique("vault-");
        String nowhere = "{\"type\":\"AzureBlob\",\"endpoint\":\"http://127.0.0.1:9/devstoreaccount1\",\"accountName\":\"devstoreaccount1\","
                + "\"container\":\"backups\",\"accountKey\":\"" + Azurite.KEY + "\"}";
        Api.Response refused = admin.put("/api/vaults/" + vault, vaultBody(nowhere));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().getString("target").startsWith("storage"), refused.toString());
        Api.Response nowhereS3 = admin.put("/api/vaults/" + vault, vaultBody("{\"type\":\"S3\",\"endpoint\":\"http://127.0.0.1:9\","
                + "\"bucket\":\"backups\",\"accessKeyId\":\"id\",\"secretAccessKey\":\"secret\"}"));
        assertEquals(400, nowhereS3.status(), nowhereS3.toString());
        assertEquals("storage.endpoint", nowhereS3.json().getString("target"), nowhereS3.toString());
        assertEquals(404, admin.get("/api/vaults/" + vault).status(), "no vault is left behind");

        Api.Response badContainer = admin.put("/api/vaults/" + vault, vaultBody(nowhere.replace("\"backups\"", "\"Not_A_Container\"")));
        assertEquals(400, badContainer.status(), badContainer.toString());
        assertEquals("storage.container", badContainer.json().getString("target"));
        Api.Response badType = admin.put("/api/vaults/" + vault, vaultBody("{\"type\":\"Tape\"}"));
        assertEquals(400, badType.status(), badType.toString());
        assertEquals("storage.type", badType.json().getString("target"));

        assertEquals(201, admin.put("/api/vaults/" + vault, vaultBody("{\"type\":\"FileSystem\"}")).status());
        Api.Response moved = admin.put("/api/vaults/" + vault, vaultBody(nowhere));
        assertEquals(409, moved.status(), "the store is chosen once: " + moved);
        assertEquals("storage", moved.json().getString("target"));
        assertEquals("FileSystem", admin.get("/api/vaults/" + vault).json().getJsonObject("storage").getString("type"));
    }
}
