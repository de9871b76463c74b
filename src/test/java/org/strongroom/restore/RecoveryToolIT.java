package org.strongroom.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * Break-glass recovery with {@code target/strongroom-recover.jar}, run as its own process on the test
 * server's store directory — no server call, no database: a BYOK vault's recovery point comes back with
 * the customer's private key alone, a sealed disk opens with the disk encryption set's private key, and a
 * wrong key fails clearly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryToolIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Run(int exit, String output) {
    }

    private static Path store() {
        return Path.of(System.getProperty("it.server.base", "target/it-server"), "data", "strongroom", "store");
    }

    private static Path platformKeystore() {
        return Path.of(System.getProperty("it.server.base", "target/it-server"), "configuration", "strongroom",
                "platform-master-key.p12");
    }

    private static Run tool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("strongroom.recover.jar", "target/strongroom-recover.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the tool ran too long");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Path keyFile(RSAPrivateCrtKey key) throws IOException {
        Path file = SourceTrees.newDirectory("customer-key").resolve("private.pem");
        Files.writeString(file, CustomerKeys.pem(key));
        return file;
    }

    /** Imports {@code key} into a new key vault (BYOK); answers the key vault and the versioned kid. */
    private static String[] imported(Cmk cmk, RSAPrivateCrtKey key) {
        String kv = cmk.keyVault();
        Api.Response created = cmk.admin().put("/api/keyvaults/" + kv + "/keys/byok", "{\"key\":" + CustomerKeys.jwk(key) + "}");
        assertEquals(200, created.status(), created.toString());
        return new String[] {kv, created.json().getJsonObject("key").getString("kid")};
    }

    private static String newestPoint(Cmk cmk, String vault, String item) {
        return cmk.admin().get("/api/vaults/" + vault + "/items/" + item + "/recoveryPoints").json()
                .getJsonArray("value").getJsonObject(0).getString("id");
    }

    private static void backUp(Cmk cmk, String vault, String item, String workload, Path source, String extra) {
        Api.Response registered = cmk.admin().put("/api/vaults/" + vault + "/items/" + item, "{\"workloadType\":\"" + workload
                + "\",\"source\":{\"path\":\"" + source + "\"" + extra + "}}");
        assertEquals(201, registered.status(), registered.toString());
        JsonObject backup = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/" + item + "/backup", ""));
        assertEquals("Completed", backup.getString("status"), backup.toString());
    }

    /** A vault whose data key {@code customerKey} wraps, imported into a new key vault (BYOK); answers the vault and the kid. */
    private static String[] byokVault(Cmk cmk, RSAPrivateCrtKey customerKey) {
        String[] key = imported(cmk, customerKey);
        String vault = cmk.vault("westeurope");
        cmk.grant(key[0], cmk.identity(vault), Cmk.ALL_FOUR);
        JsonObject assigned = cmk.assignAndWait(vault, key[1]);
        assertEquals("Completed", assigned.getString("status"), assigned.toString());
        return new String[] {vault, key[1]};
    }

    @Test
    void byokVault_isRecoveredWithTheCustomersKeyAlone_andAnotherKeyFailsClearly() throws Exception {
        Cmk cmk = new Cmk(base);
        RSAPrivateCrtKey customerKey = CustomerKeys.generate(2048);
        String vault = byokVault(cmk, customerKey)[0];
        Path tree = SourceTrees.tree("offline", 50);
        backUp(cmk, vault, "files1", "Files", tree, "");
        String point = newestPoint(cmk, vault, "files1");
        Path out = SourceTrees.newDirectory("recovered").resolve("out");

        Run recovered = tool("recover", "--store", store().toString(), "--vault", vault, "--point", point,
                "--key", keyFile(customerKey).toString(), "--out", out.toString());

        assertEquals(0, recovered.exit(), recovered.output());
        assertTrue(recovered.output().contains("Restored"), recovered.output());
        assertEquals(SourceTrees.describe(tree), SourceTrees.describe(out));

        Path elsewhere = SourceTrees.newDirectory("wrong-key").resolve("out");
        Run wrongKey = tool("recover", "--store", store().toString(), "--vault", vault, "--point", point,
                "--key", keyFile(CustomerKeys.generate(2048)).toString(), "--out", elsewhere.toString());
        assertEquals(2, wrongKey.exit(), wrongKey.output());
        assertTrue(wrongKey.output().contains("does not open the data key of vault '" + vault + "'"), wrongKey.output());
        assertFalse(Files.exists(elsewhere), "nothing written with a wrong key");
    }

    @Test
    void list_showsVaultsItemsAndPointsFromTheStoreAlone_withTimesAndSizesWhenTheKeyOpensTheVault() throws Exception {
        Cmk cmk = new Cmk(base);
        RSAPrivateCrtKey customerKey = CustomerKeys.generate(2048);
        String[] byok = byokVault(cmk, customerKey);
        String vault = byok[0];
        String kid = byok[1];
        Path tree = SourceTrees.tree("listed", 53);
        backUp(cmk, vault, "files1", "Files", tree, "");
        Files.writeString(tree.resolve("added.txt"), "one more file");
        assertEquals("Completed", cmk.backup("/api/vaults/" + vault + "/items/files1").getString("status"));
        var points = cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json().getJsonArray("value");
        assertEquals(2, points.size());

        Run withoutKey = tool("list", "--store", store().toString(), "--vault", vault);
        assertEquals(0, withoutKey.exit(), withoutKey.output());
        assertTrue(withoutKey.output().contains("vault " + vault + ": data key wrapped by " + kid + " (RSA-OAEP-256)"),
                withoutKey.output());
        assertTrue(withoutKey.output().contains("add --key with the private key of " + kid), withoutKey.output());
        assertTrue(withoutKey.output().contains("  item files1"), withoutKey.output());

        Run withKey = tool("list", "--store", store().toString(), "--vault", vault, "--key", keyFile(customerKey).toString());
        assertEquals(0, withKey.exit(), withKey.output());
        for (var value : points) {
            JsonObject point = value.asJsonObject();
            String line = withKey.output().lines().filter(l -> l.contains(point.getString("id"))).findFirst().orElse("");
            assertTrue(line.matches("\\s+" + point.getString("id") + "  \\d{4}-\\d\\d-\\d\\dT\\S+Z  Files, "
                    + point.getInt("fileCount") + " files, " + point.getJsonNumber("sizeBytes").longValue() + " bytes"),
                    "each point with its time and size: " + withKey.output());
            assertTrue(withoutKey.output().contains("    " + point.getString("id")), withoutKey.output());
        }
        Run everything = tool("list", "--store", store().toString());
        assertTrue(everything.output().contains("vault " + vault + ":"), "without --vault every vault is listed");
    }

    @Test
    void sealedDisk_opensWithTheDiskEncryptionSetsPrivateKey() throws Exception {
        Cmk cmk = new Cmk(base);
        RSAPrivateCrtKey desKey = CustomerKeys.generate(2048);
        String[] key = imported(cmk, desKey);
        String des = Names.unique("des-");
        Api.Response created = cmk.admin().put("/api/diskEncryptionSets/" + des,
                "{\"keyUri\":\"" + key[1] + "\",\"region\":\"westeurope\"}");
        assertEquals(201, created.status(), created.toString());
        cmk.grant(key[0], created.json().getJsonObject("identity").getString("principalId"), "\"get\",\"wrapKey\"");
        String vault = cmk.vault("westeurope");
        Path image = SourceTrees.diskImage(4, 51);
        backUp(cmk, vault, "disk1", "Disk", image, ",\"diskEncryptionSetId\":\"" + des + "\"");
        Path sealed = SourceTrees.newDirectory("sealed").resolve("disk.sealed");
        JsonObject restore = cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/disk1/recoveryPoints/"
                + newestPoint(cmk, vault, "disk1") + "/restore", "{\"target\":{\"path\":\"" + sealed + "\"}}"));
        assertEquals("Completed", restore.getString("status"), restore.toString());
        Path unsealed = sealed.resolveSibling("disk.img");

        Run run = tool("unseal", "--in", sealed.toString(), "--out", unsealed.toString(), "--key", keyFile(desKey).toString());

        assertEquals(0, run.exit(), run.output());
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(unsealed));
        Run wrongKey = tool("unseal", "--in", sealed.toString(), "--out", sealed.resolveSibling("other.img").toString(),
                "--key", keyFile(CustomerKeys.generate(2048)).toString());
        assertEquals(2, wrongKey.exit(), wrongKey.output());
        assertTrue(wrongKey.output().contains("wrong key?"), wrongKey.output());
    }

    @Test
    void platformManagedVault_needsThePlatformKeystore_andRecoversADiskAsAPlainImage() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path image = SourceTrees.diskImage(3, 52);
        backUp(cmk, vault, "disk1", "Disk", image, "");
        String point = newestPoint(cmk, vault, "disk1");
        Path out = SourceTrees.newDirectory("recovered-disk").resolve("disk.img");

        Run withoutKeystore = tool("recover", "--store", store().toString(), "--vault", vault, "--point", point,
                "--out", out.toString());
        assertEquals(64, withoutKeystore.exit(), withoutKeystore.output());
        assertTrue(withoutKeystore.output().contains("--platform-keystore is needed"), withoutKeystore.output());

        Run recovered = tool("recover", "--store", store().toString(), "--vault", vault, "--point", point,
                "--platform-keystore", platformKeystore().toString(), "--out", out.toString());
        assertEquals(0, recovered.exit(), recovered.output());
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(out));
    }
}
