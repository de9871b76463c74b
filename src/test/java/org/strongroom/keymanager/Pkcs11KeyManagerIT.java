package org.strongroom.keymanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;
import org.strongroom.support.StandaloneServer;

/**
 * Keys on a PKCS#11 token (issue 18), on SoftHSM2: the test makes a token and RSA keys on it (openssl,
 * softhsm2-util, pkcs11-tool from opensc: .ci/run installs them), the admin registers the token with its
 * module and PIN, and vaults use its keys by RFC 7512 URI — assignment, backup and restore as with any key,
 * the unwrap on the token. A key removed from the token fails the next backup with {@code UserErrorKeyNotFound}.
 * Skipped, saying what to install, where SoftHSM2 or opensc is missing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Pkcs11KeyManagerIT {

    static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    static final String TOKEN = "it-hsm";
    static final String PIN = "it-pin-4821";

    private static Path work;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void makeTheToken() throws Exception {
        assumeTrue(Files.exists(Path.of(MODULE)) && onPath("softhsm2-util") && onPath("pkcs11-tool") && onPath("openssl"),
                "SoftHSM2 and opensc are needed: apt-get install -y softhsm2 opensc (.ci/run installs them)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF must name the IT server's SoftHSM2 configuration (pom.xml sets it)");
        Path config = Path.of(conf);
        work = config.getParent();
        SourceTrees.deleteTree(work);
        Files.createDirectories(work.resolve("tokens"));
        Files.writeString(config, "directories.tokendir = " + work.resolve("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        run("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "it-so-pin-77");
    }

    /** An RSA key and its certificate on the token, labelled {@code label}: made outside and imported, as a customer brings one. */
    private static void keyOnTheToken(String label, int bits, String id) throws Exception {
        Path key = work.resolve(label + ".key.pem");
        Path certificate = work.resolve(label + ".crt.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:" + bits, "-nodes", "-keyout", work.resolve(label + ".pkcs1.pem").toString(),
                "-subj", "/CN=" + label, "-days", "30", "-out", certificate.toString());
        run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", work.resolve(label + ".pkcs1.pem").toString(), "-out", key.toString());
        run("softhsm2-util", "--import", key.toString(), "--token", TOKEN, "--label", label, "--id", id, "--pin", PIN);
        Path der = work.resolve(label + ".crt.der");
        run("openssl", "x509", "-in", certificate.toString(), "-outform", "DER", "-out", der.toString());
        run("pkcs11-tool", "--module", MODULE, "--token-label", TOKEN, "--login", "--pin", PIN, "--write-object", der.toString(),
                "--type", "cert", "--id", id, "--label", label);
        Files.delete(key);
        Files.delete(work.resolve(label + ".pkcs1.pem"));
    }

    private static void removeFromTheToken(String label) throws Exception {
        run("pkcs11-tool", "--module", MODULE, "--token-label", TOKEN, "--login", "--pin", PIN, "--delete-object", "--type", "privkey",
                "--label", label);
    }

    private void register(boolean purgeProtection) {
        String pin = PIN;
        Api.Response registered = Api.admin(base).put("/api/keyManagers/" + TOKEN, "{\"kind\":\"Pkcs11\",\"token\":\"" + TOKEN
                + "\",\"modulePath\":\"" + MODULE + "\",\"region\":\"westeurope\",\"subscriptionId\":\"sub-hsm\","
                + "\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":" + purgeProtection + ",\"credential\":{\"type\":\"Pin\","
                + "\"pin\":\"" + pin + "\"}}");
        assertEquals(200, registered.status(), registered.toString());
    }

    private static String uri(String label) {
        return "pkcs11:token=" + TOKEN + ";object=" + label;
    }

    private String cmkVault(Cmk cmk, String label) {
        String vault = cmk.vault("westeurope");
        cmk.identity(vault);
        JsonObject job = cmk.awaitJob(cmk.assign(vault, uri(label), "sub-hsm", null));
        assertEquals("Completed", job.getString("status"), job.toString());
        return vault;
    }

    @Test
    void hsmKey_isAssigned_backsUpAndRestores_withTheUnwrapOnTheToken() throws Exception {
        String label = Names.unique("kek");
        keyOnTheToken(label, 2048, "0a");
        register(true);
        Cmk cmk = new Cmk(base);
        String vault = cmkVault(cmk, label);
        JsonObject encryption = cmk.encryption(vault);
        assertEquals(uri(label), encryption.getString("keyUri"));

        Path source = SourceTrees.newDirectory("hsm");
        Files.writeString(source.resolve("ledger.txt"), "sealed by a key that never left its token");
        String item = cmk.filesItem(vault, "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        Path target = SourceTrees.newDirectory("hsm-restore");
        JsonObject restore = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + cmk.newestPoint(item) + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restore.getString("status"), restore.toString());
        assertEquals("sealed by a key that never left its token", Files.readString(target.resolve("ledger.txt")));

        // Break-glass: the recovery tool, no server, opens the point with the key on the token.
        Path pinFile = work.resolve("pin");
        Files.writeString(pinFile, PIN);
        Path recovered = SourceTrees.newDirectory("hsm-recovered").resolve("tree");
        Path store = Path.of(System.getProperty("it.server.base", "target/it-server"), "data", "strongroom", "store");
        String output = recoverOffline(store, vault, cmk.newestPoint(item), recovered, "--key", uri(label), pinFile);
        assertEquals("sealed by a key that never left its token", Files.readString(recovered.resolve("ledger.txt")), output);

        JsonObject usage = cmk.admin().get("/api/keyUsage?keyUri=" + uri(label).replace(";", "%3B")).json();
        assertTrue(usage.getJsonArray("versions").getJsonObject(0).getJsonArray("neededBy").toString().contains("vaults/" + vault),
                usage.toString());

        String uses = cmk.admin().get("/api/activitylog?resource=keyManagers/" + TOKEN + "&limit=200").json().toString();
        assertTrue(uses.contains("UnwrapKey"), "every use of the token's key is on record: " + uses);
        String manager = cmk.admin().get("/api/keyManagers/" + TOKEN).body();
        assertFalse(manager.contains(PIN), "the PIN is never shown");
        assertTrue(manager.contains("\"pinSet\":true"), manager);
    }

    @Test
    void hsmKey_removedFromTheToken_failsTheNextBackup_UserErrorKeyNotFound() throws Exception {
        String label = Names.unique("gone");
        keyOnTheToken(label, 2048, "0b");
        register(true);
        Cmk cmk = new Cmk(base);
        String vault = cmkVault(cmk, label);
        Path source = SourceTrees.newDirectory("hsm-gone");
        Files.writeString(source.resolve("a.txt"), "a");
        String item = cmk.filesItem(vault, "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));

        removeFromTheToken(label);
        JsonObject failed = cmk.backup(item);
        assertEquals("Failed", failed.getString("status"), failed.toString());
        assertEquals("UserErrorKeyNotFound", failed.getJsonObject("error").getString("code"), failed.toString());
    }

    @Test
    void hsmKeys_failingTheSeedsRules_areRefusedWithTheirCodes() throws Exception {
        String small = Names.unique("small");
        keyOnTheToken(small, 1024, "0c");
        register(false);
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        cmk.identity(vault);
        JsonObject unprotected = cmk.awaitJob(cmk.assign(vault, uri(small), "sub-hsm", null));
        assertEquals("UserErrorKeyVaultPurgeProtectionNotEnabled", unprotected.getJsonObject("error").getString("code"),
                "the registration did not state purge protection: " + unprotected);
        register(true);
        JsonObject tooSmall = cmk.awaitJob(cmk.assign(vault, uri(small), "sub-hsm", null));
        assertEquals("UserErrorUnsupportedKeyType", tooSmall.getJsonObject("error").getString("code"), tooSmall.toString());
        JsonObject missing = cmk.awaitJob(cmk.assign(vault, uri("no-such-key"), "sub-hsm", null));
        assertEquals("UserErrorKeyNotFound", missing.getJsonObject("error").getString("code"), missing.toString());
        Api.Response otherToken = cmk.assign(vault, "pkcs11:token=unregistered;object=k", "sub-hsm", null);
        assertEquals(400, otherToken.status(), otherToken.toString());
        assertEquals("UserErrorKeyNotFound", otherToken.json().getString("code"));
        Api.Response noPin = Api.admin(base).put("/api/keyManagers/" + Names.unique("hsm"), "{\"kind\":\"Pkcs11\",\"token\":\"other\","
                + "\"modulePath\":\"" + MODULE + "\",\"region\":\"westeurope\",\"credential\":{\"type\":\"Pin\"}}");
        assertEquals(400, noPin.status(), noPin.toString());
        assertEquals("credential.pin", noPin.json().getString("target"));
        Api.Response relative = Api.admin(base).put("/api/keyManagers/" + Names.unique("hsm"), "{\"kind\":\"Pkcs11\",\"token\":\"other\","
                + "\"modulePath\":\"libsofthsm2.so\",\"region\":\"westeurope\",\"credential\":{\"type\":\"Pin\",\"pin\":\"1\"}}");
        assertEquals("modulePath", relative.json().getString("target"), relative.toString());
    }

    /**
     * The platform key on the token ({@code STRONGROOM_PLATFORM_KEY}): a server of the test's own (it must start
     * with it) seals a platform-managed vault's data key and the built-in key vault's private keys on the token,
     * keeps no platform key file, derives the activity log's chain key there, and opens all of it again after a
     * restart; the recovery tool recovers the vault offline with the token. H2 pass only: the server runs on
     * its own H2 database in either pass.
     */
    @Test
    void platformKeyOnTheToken_sealsAndOpensEverything_andNoPlatformKeyFileExists() throws Exception {
        assumeTrue(System.getenv("STRONGROOM_DB_DRIVER") == null, "runs in the H2 pass: its own server uses its own H2 either way");
        String label = Names.unique("platform");
        run("pkcs11-tool", "--module", MODULE, "--token-label", TOKEN, "--login", "--pin", PIN, "--keygen", "--key-type", "AES:32",
                "--label", label, "--id", "2a", "--sensitive");
        Path pinFile = work.resolve("platform-pin");
        Files.writeString(pinFile, PIN);
        try (StandaloneServer server = StandaloneServer.fresh("platform-key-on-token", 500, Map.of(
                "STRONGROOM_PLATFORM_KEY", uri(label), "STRONGROOM_PLATFORM_KEY_MODULE", MODULE,
                "STRONGROOM_PLATFORM_KEY_PIN_FILE", pinFile.toString()))) {
            Cmk cmk = new Cmk(server.base());
            String vault = cmk.vault("westeurope");
            Path source = SourceTrees.newDirectory("platform-on-token");
            Files.writeString(source.resolve("a.txt"), "sealed on the token");
            String item = cmk.filesItem(vault, "files", source);
            assertEquals("Completed", cmk.backup(item).getString("status"));
            String kv = cmk.keyVault();
            String kid = cmk.rsa2048(kv, "k");
            assertFalse(Files.exists(server.baseDir().resolve("configuration/strongroom/platform-master-key.p12")),
                    "no platform key file on the server's disk");

            server.close();
            server.start();
            Path target = SourceTrees.newDirectory("platform-on-token-restore");
            JsonObject restore = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + cmk.newestPoint(item) + "/restore",
                    "{\"target\":{\"path\":\"" + target + "\"}}"));
            assertEquals("Completed", restore.getString("status"), "the data key opens after a restart: " + restore);
            assertEquals("sealed on the token", Files.readString(target.resolve("a.txt")));
            KeyVaults.grantAll(cmk.admin(), cmk.admin(), kv);
            Api.Response wrapped = cmk.admin().post(Cmk.path(kid) + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAECAwQ\"}");
            Api.Response unwrapped = cmk.admin().post(Cmk.path(kid) + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                    + wrapped.json().getString("value") + "\"}");
            assertEquals("AAECAwQ", unwrapped.json().getString("value"), "the key vault's private key, sealed on the token: " + unwrapped);
            JsonObject chain = cmk.admin().get("/api/activitylog/verification").json();
            assertTrue(chain.getBoolean("intact"), "the activity log's chain, keyed from the token, verifies: " + chain);

            Path recovered = SourceTrees.newDirectory("platform-on-token-recovered").resolve("tree");
            String output = recoverOffline(server.baseDir().resolve("data/strongroom/store"), vault, cmk.newestPoint(item), recovered,
                    "--platform-key", uri(label), pinFile);
            assertEquals("sealed on the token", Files.readString(recovered.resolve("a.txt")), output);
        }
    }

    /** Runs the recovery tool ({@code recover}) with a key on the token, given as {@code keyOption}; answers its output. */
    private static String recoverOffline(Path store, String vault, String point, Path out, String keyOption, String keyUri,
                                         Path pinFile) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("strongroom.recover.jar", "target/strongroom-recover.jar"), "recover", "--store", store.toString(),
                "--vault", vault, "--point", point, "--out", out.toString(), keyOption, keyUri, "--pkcs11-module", MODULE,
                "--pkcs11-pin-file", pinFile.toString()).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes());
        assertEquals(0, tool.waitFor(), output);
        return output;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static void run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("commands.log").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed; see " + work.resolve("commands.log"));
        }
    }
}
