package org.strongroom.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Azurite;
import org.strongroom.support.Cmk;
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * A vault whose backup data lives in Azure Blob Storage — Azurite, the official emulator, started by the test —
 * end to end over the REST API: a customer-managed key, a backup and an incremental one, a restore byte for
 * byte, a verification, and the offline recovery tool reading the point from the container with the customer's
 * key alone; the data is in the container under the store's names; a pack altered in the container is caught; a store that cannot be reached refuses the vault and leaves nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AzureBlobStoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static String vaultBody(String storage) {
        return "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\",\"storage\":" + storage + "}";
    }

    private static List<String> names(BlobContainerClient container, String prefix) {
        return container.listBlobs().stream().map(BlobItem::getName).filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    @Test
    void vaultInAzureBlob_backsUpRestoresAndVerifies_withItsDataOnlyInTheContainer_andAnAlteredPackIsCaught() throws Exception {
        try (Azurite azurite = Azurite.start()) {
            Cmk cmk = new Cmk(base);
            String container = Names.unique("backups-");
            String vault = Names.unique("vault-");
            Api.Response created = cmk.admin().put("/api/vaults/" + vault, vaultBody(azurite.storage(container)));
            assertEquals(201, created.status(), created.toString());
            JsonObject storage = created.json().getJsonObject("storage");
            assertEquals("AzureBlob", storage.getString("type"));
            assertEquals(container, storage.getString("container"));
            assertFalse(created.body().contains(Azurite.KEY), "the account key is never shown again");

            // The customer's own key (BYOK), as the seed sets it up; then a tree backed up twice.
            RSAPrivateCrtKey customerKey = CustomerKeys.generate(2048);
            String kv = cmk.keyVault();
            Api.Response imported = cmk.admin().put("/api/keyvaults/" + kv + "/keys/blob-key", "{\"key\":" + CustomerKeys.jwk(customerKey) + "}");
            assertEquals(200, imported.status(), imported.toString());
            String kid = Cmk.kid(imported.json());
            cmk.grant(kv, cmk.identity(vault), Cmk.ALL_FOUR);
            assertEquals("Completed", cmk.assignAndWait(vault, kid).getString("status"));
            Path tree = SourceTrees.tree("azure-blob", 77);
            String item = cmk.filesItem(vault, "files1", tree);
            assertEquals("Completed", cmk.backup(item).getString("status"));
            Files.writeString(tree.resolve("added.txt"), "added after the first backup");
            JsonObject incremental = cmk.backup(item);
            assertEquals("Completed", incremental.getString("status"), incremental.toString());

            BlobContainerClient blobs = azurite.container(container);
            String prefix = "vaults/" + vault + "/";
            List<String> stored = names(blobs, prefix);
            assertTrue(stored.contains(prefix + "data-key.properties"), stored.toString());
            assertEquals(2, stored.stream().filter(name -> name.startsWith(prefix + "points/files1/") && name.endsWith(".manifest")).count(),
                    stored.toString());
            assertTrue(stored.stream().anyMatch(name -> name.startsWith(prefix + "packs/") && name.endsWith(".pack")), stored.toString());

            String point = cmk.newestPoint(item);
            Path out = SourceTrees.newDirectory("from-blob").resolve("out");
            JsonObject restored = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/restore",
                    "{\"target\":{\"path\":\"" + out + "\"}}"));
            assertEquals("Completed", restored.getString("status"), restored.toString());
            assertEquals(SourceTrees.describe(tree), SourceTrees.describe(out));
            JsonObject verified = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/verify", ""));
            assertEquals("Completed", verified.getString("status"), verified.toString());

            // The offline recovery tool reads the point from the container, with the customer's key alone.
            Path keyFile = SourceTrees.newDirectory("blob-keys").resolve("private.pem");
            Files.writeString(keyFile, CustomerKeys.pem(customerKey));
            Path accountKey = keyFile.resolveSibling("account.key");
            Files.writeString(accountKey, Azurite.KEY);
            Path offline = SourceTrees.newDirectory("from-blob-offline").resolve("out");
            Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("strongroom.recover.jar", "target/strongroom-recover.jar"), "recover",
                    "--azure-blob", azurite.endpoint(), "--account", Azurite.ACCOUNT, "--container", container,
                    "--account-key-file", accountKey.toString(), "--vault", vault, "--point", point,
                    "--key", keyFile.toString(), "--out", offline.toString()).redirectErrorStream(true).start();
            assertTrue(tool.waitFor(120, TimeUnit.SECONDS), "the recovery tool ran too long");
            String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, tool.exitValue(), said);
            assertEquals(SourceTrees.describe(tree), SourceTrees.describe(offline));

            // One byte of a pack altered in the container: the next verification names the damage.
            String pack = stored.stream().filter(name -> name.endsWith(".pack")).findFirst().orElseThrow();
            BlobClient packBlob = blobs.getBlobClient(pack);
            byte[] content = packBlob.downloadContent().toBytes();
            content[content.length / 2] ^= 0x01;
            packBlob.upload(BinaryData.fromBytes(content), true);
            JsonObject caught = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/verify", ""));
            assertEquals("Failed", caught.getString("status"), caught.toString());
            assertEquals("DataIntegrityError", caught.getJsonObject("error").getString("code"), caught.toString());
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
