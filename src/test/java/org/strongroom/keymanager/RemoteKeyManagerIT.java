package org.strongroom.keymanager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.crypto.ServerCertificates;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;
import org.strongroom.support.StandaloneServer;

/**
 * Keys that live outside Strongroom (issue 18): a second Strongroom server — its own port offset, its own
 * data — is the IT server's remote key manager, reached over HTTPS at its key vaults' own hosts
 * ({@code https://{kv}.vault.remote.test:8843}, it-hosts), its certificate trusted through the registration,
 * signed in with a service principal's client secret at its token endpoint. The seed's flow and refusals
 * run as with the built-in key vault; a remote key manager that is away fails jobs with
 * {@code UserErrorKeyVaultUnreachable}, and one that disables the key fails them with {@code UserErrorKeyDisabled}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteKeyManagerIT {

    static final String DOMAIN = "vault.remote.test";
    static final int REMOTE_OFFSET = 400;
    static final int REMOTE_HTTPS_PORT = 8443 + REMOTE_OFFSET;
    static final String SUBSCRIPTION = "sub-remote";

    private static StandaloneServer remote;
    private static Api remoteAdmin;
    private static String remoteCertificate;
    private static JsonObject principal;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startRemoteKeyManager() throws Exception {
        remote = StandaloneServer.fresh("remote-key-manager", REMOTE_OFFSET,
                Map.of("STRONGROOM_KEYVAULT_DOMAIN", DOMAIN, "STRONGROOM_TLS_HOST", "*." + DOMAIN));
        remoteAdmin = Api.admin(remote.base());
        X509Certificate served = ServerCertificates.presentedBy("127.0.0.1", REMOTE_HTTPS_PORT, 10_000);
        remoteCertificate = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(served.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Api.Response created = remoteAdmin.post("/api/servicePrincipals", "{\"displayName\":\"strongroom-backup\"}");
        assertEquals(201, created.status(), created.toString());
        principal = created.json();
        remoteKeyVault("remote-kv", ",\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true", Cmk.ALL_FOUR);
        remoteKeyVault("remote-purgeable", ",\"softDeleteEnabled\":true", Cmk.ALL_FOUR);
        remoteKeyVault("remote-nosoftdelete", ",\"softDeleteEnabled\":false", Cmk.ALL_FOUR);
        remoteKeyVault("remote-denied", ",\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true", "\"get\",\"list\"");
    }

    @AfterAll
    static void stopRemoteKeyManager() {
        if (remote != null) {
            remote.close();
        }
    }

    private static void remoteKeyVault(String kv, String options, String permissions) {
        Api.Response created = remoteAdmin.put("/api/keyvaults/" + kv, "{\"region\":\"westeurope\",\"subscriptionId\":\""
                + SUBSCRIPTION + "\",\"resourceGroup\":\"rg-keys\"" + options + "}");
        assertEquals(201, created.status(), created.toString());
        Api.Response granted = remoteAdmin.put("/api/keyvaults/" + kv + "/accessPolicies/"
                + principal.getJsonObject("servicePrincipal").getString("principalId"), "{\"permissions\":{\"keys\":[" + permissions + "]}}");
        assertEquals(200, granted.status(), granted.toString());
    }

    /** A key made on the remote server; its versioned kid, in the remote's vault host form. */
    private static String remoteKey(String kv, String body) {
        String name = Names.unique("rk");
        Api.Response created = remoteAdmin.post("/api/keyvaults/" + kv + "/keys/" + name + "/create", body);
        assertEquals(200, created.status(), created.toString());
        String kid = Cmk.kid(created.json());
        assertTrue(kid.startsWith("https://" + kv + "." + DOMAIN + ":" + REMOTE_HTTPS_PORT + "/keys/"), kid);
        return kid;
    }

    private static String rsa2048(String kv) {
        return remoteKey(kv, "{\"kty\":\"RSA\",\"key_size\":2048}");
    }

    /** Registers remote key vault {@code kv} on the IT server as key manager {@code kv}. */
    private void register(String kv) {
        Api.Response registered = Api.admin(base).put("/api/keyManagers/" + kv, registration(kv, principal.getString("clientSecret")));
        assertEquals(200, registered.status(), registered.toString());
    }

    private static String registration(String kv, String secret) {
        return "{\"kind\":\"AzureKeyVault\",\"keyVaultUrl\":\"https://" + kv + "." + DOMAIN + ":" + REMOTE_HTTPS_PORT
                + "\",\"region\":\"westeurope\",\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"credential\":{\"type\":"
                + "\"ClientSecret\",\"tenantId\":\"" + principal.getString("tenantId") + "\",\"clientId\":\""
                + principal.getJsonObject("servicePrincipal").getString("appId") + "\",\"clientSecret\":\"" + secret
                + "\",\"authorityHost\":\"" + principal.getString("authorityHost") + "\"},\"trustedCertificates\":\""
                + remoteCertificate.replace("\n", "\\n") + "\"}";
    }

    /** A vault of the IT server with its identity on; its name. */
    private String vault(Cmk cmk, String region) {
        String vault = cmk.vault(region);
        cmk.identity(vault);
        return vault;
    }

    private static JsonObject assign(Cmk cmk, String vault, String keyUri, String subscription) {
        return cmk.awaitJob(cmk.assign(vault, keyUri, subscription, null));
    }

    private static void assertFailed(JsonObject job, String code) {
        assertEquals("Failed", job.getString("status"), job.toString());
        assertEquals(code, job.getJsonObject("error").getString("code"), job.toString());
    }

    @Test
    void remoteKey_seedFlow_pinnedAndFollowed_backupRotateRestore() throws Exception {
        register("remote-kv");
        Cmk cmk = new Cmk(base);
        String first = rsa2048("remote-kv");
        String vault = vault(cmk, "westeurope");
        JsonObject assigned = assign(cmk, vault, Cmk.versionless(first), SUBSCRIPTION);
        assertEquals("Completed", assigned.getString("status"), assigned.toString());
        JsonObject encryption = cmk.encryption(vault);
        assertEquals(Cmk.versionless(first), encryption.getString("keyUri"));
        assertTrue(encryption.getBoolean("autoRotation"));
        assertEquals(Cmk.version(first), encryption.getString("activeKeyVersion"));

        Path source = SourceTrees.newDirectory("remote-kms");
        Files.writeString(source.resolve("ledger.txt"), "wrapped far away");
        String item = cmk.filesItem(vault, "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String firstPoint = cmk.newestPoint(item);

        String second = Cmk.kid(remoteAdmin.post(Cmk.path(first).replaceAll("/[0-9a-f]{32}$", "") + "/rotate", null).json());
        Await.until(() -> Cmk.version(second).equals(cmk.encryption(vault).getString("activeKeyVersion")),
                "vault " + vault + " to follow the remote key's new version " + second);
        Files.writeString(source.resolve("ledger.txt"), "after the rotation");
        assertEquals("Completed", cmk.backup(item).getString("status"));

        Path target = SourceTrees.newDirectory("remote-kms-restore");
        JsonObject restore = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + firstPoint + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restore.getString("status"), restore.toString());
        assertEquals("wrapped far away", Files.readString(target.resolve("ledger.txt")));

        String pinned = vault(cmk, "westeurope");
        assertEquals("Completed", assign(cmk, pinned, second, SUBSCRIPTION).getString("status"));
        assertEquals(second, cmk.encryption(pinned).getString("keyUri"));

        // After the rotation no vault needs the first version: it may be disabled.
        JsonObject usage = cmk.admin().get("/api/keyUsage?keyUri=" + URLEncoder.encode(Cmk.versionless(first),
                StandardCharsets.UTF_8)).json();
        assertEquals(List.of(first), usage.getJsonArray("notNeeded").getValuesAs(JsonString::getString), usage.toString());
        JsonObject newest = usage.getJsonArray("versions").getJsonObject(0);
        assertEquals(second, newest.getString("kid"));
        assertTrue(newest.getJsonArray("neededBy").toString().contains("vaults/" + vault), usage.toString());
        assertTrue(newest.getJsonArray("neededBy").toString().contains("vaults/" + pinned), usage.toString());

        // Every use happened, and is on record, at the key manager: the remote's activity log has the unwraps.
        String principalId = principal.getJsonObject("servicePrincipal").getString("principalId");
        long unwraps = remoteAdmin.get("/api/activitylog?resource=keyvaults/remote-kv&limit=1000").json().getJsonArray("value")
                .stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("operation").equals("UnwrapKey") && r.getString("caller").contains(principalId)).count();
        assertTrue(unwraps > 0, "the remote key vault logged the unwraps of its service principal");
        // ... and here, with where the checks came from.
        String checked = cmk.admin().get("/api/activitylog?resource=vaults/" + vault + "/encryption").json().toString();
        assertTrue(checked.contains("recovery level") && checked.contains("from its registration"), checked);
    }

    @Test
    void remoteKeys_failingTheSeedsRules_areRefusedWithTheirCodes() {
        register("remote-kv");
        register("remote-purgeable");
        register("remote-nosoftdelete");
        register("remote-denied");
        Cmk cmk = new Cmk(base);
        String vault = vault(cmk, "westeurope");
        String good = rsa2048("remote-kv");

        Api.Response unknownHost = cmk.assign(vault, "https://elsewhere." + DOMAIN + ":" + REMOTE_HTTPS_PORT + "/keys/k", SUBSCRIPTION, null);
        assertEquals(400, unknownHost.status(), unknownHost.toString());
        assertEquals("UserErrorKeyNotFound", unknownHost.json().getString("code"));
        assertFailed(assign(cmk, vault, Cmk.versionless(good) + "-missing", SUBSCRIPTION), "UserErrorKeyNotFound");
        assertFailed(assign(cmk, vault, good, "sub-other"), "UserErrorKeyVaultSubscriptionMismatch");
        assertFailed(assign(cmk, vault(cmk, "northeurope"), good, SUBSCRIPTION), "UserErrorKeyVaultRegionMismatch");
        assertFailed(assign(cmk, vault, rsa2048("remote-purgeable"), SUBSCRIPTION), "UserErrorKeyVaultPurgeProtectionNotEnabled");
        assertFailed(assign(cmk, vault, rsa2048("remote-nosoftdelete"), SUBSCRIPTION), "UserErrorKeyVaultSoftDeleteNotEnabled");
        JsonObject denied = assign(cmk, vault, rsa2048("remote-denied"), SUBSCRIPTION);
        assertFailed(denied, "UserErrorKeyVaultPermissionsNotConfigured");
        assertTrue(denied.getJsonObject("error").getString("message").contains("[wrapKey, unwrapKey]"), denied.toString());
        assertFailed(assign(cmk, vault, remoteKey("remote-kv", "{\"kty\":\"RSA\",\"key_size\":3072}"), SUBSCRIPTION),
                "UserErrorUnsupportedKeyType");
        assertFailed(assign(cmk, vault, remoteKey("remote-kv", "{\"kty\":\"RSA\",\"key_size\":2048,\"attributes\":{\"enabled\":false}}"),
                SUBSCRIPTION), "UserErrorKeyDisabled");
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        assertFailed(assign(cmk, vault, remoteKey("remote-kv", "{\"kty\":\"RSA\",\"key_size\":2048,\"attributes\":{\"exp\":" + past + "}}"),
                SUBSCRIPTION), "UserErrorKeyExpired");
        assertEquals("PlatformManaged", cmk.encryption(vault).getString("encryptionAtRestType"), "every refusal left the vault as it was");
    }

    @Test
    void remoteKeyManagerStopped_failsTheBackupUnreachable_andItSucceedsOnceBack() throws Exception {
        register("remote-kv");
        Cmk cmk = new Cmk(base);
        String vault = vault(cmk, "westeurope");
        assertEquals("Completed", assign(cmk, vault, rsa2048("remote-kv"), SUBSCRIPTION).getString("status"));
        Path source = SourceTrees.newDirectory("remote-away");
        Files.writeString(source.resolve("a.txt"), "a");
        String item = cmk.filesItem(vault, "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));

        remote.close();
        try {
            assertFailed(cmk.backup(item), "UserErrorKeyVaultUnreachable");
            JsonObject health = Api.anonymous(base).get("/api/health").json();
            assertTrue(health.getJsonArray("dependencies").stream().map(JsonValue::asJsonObject).anyMatch(d ->
                    d.getString("name").equals("remote-kv") && d.getString("status").equals("UNREACHABLE")), health.toString());
            assertEquals("UP", health.getString("status"), "a key manager away does not make the server unhealthy");
            JsonObject manager = cmk.admin().get("/api/keyManagers/remote-kv").json();
            assertFalse(manager.getJsonObject("health").getString("lastError").isEmpty(), manager.toString());
            Api.Response probed = cmk.admin().post("/api/vaults/" + vault + "/encryption/keyHealth", null);
            assertEquals(200, probed.status(), probed.toString());
            assertEquals("Warning", probed.json().getString("status"), "the key health probe warns: " + probed);
            assertTrue(probed.json().getJsonArray("warnings").toString().contains("UserErrorKeyVaultUnreachable"), probed.toString());
        } finally {
            remote.start();
        }
        // Its circuit may still hold calls back for a while: the backup succeeds once it lets one through.
        Await.until(() -> cmk.backup(item).getString("status").equals("Completed"), "a backup once the key manager is back");
    }

    @Test
    void keyDisabledRemotely_failsTheNextBackup_UserErrorKeyDisabled() throws Exception {
        register("remote-kv");
        Cmk cmk = new Cmk(base);
        String vault = vault(cmk, "westeurope");
        String kid = rsa2048("remote-kv");
        assertEquals("Completed", assign(cmk, vault, kid, SUBSCRIPTION).getString("status"));
        Path source = SourceTrees.newDirectory("remote-disabled");
        Files.writeString(source.resolve("a.txt"), "a");
        String item = cmk.filesItem(vault, "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));

        Api.Response disabled = remoteAdmin.send("PATCH", Cmk.path(kid), "{\"attributes\":{\"enabled\":false}}", "application/json");
        assertEquals(200, disabled.status(), disabled.toString());
        assertFailed(cmk.backup(item), "UserErrorKeyDisabled");
    }

    @Test
    void diskEncryptionSet_onARemoteKey_sealsRestoredDisks_thatTheKeyManagerUnwraps() throws Exception {
        register("remote-kv");
        Cmk cmk = new Cmk(base);
        String kid = rsa2048("remote-kv");
        String des = Names.unique("des-");
        Api.Response created = cmk.admin().put("/api/diskEncryptionSets/" + des,
                "{\"keyUri\":\"" + Cmk.versionless(kid) + "\",\"region\":\"westeurope\"}");
        assertEquals(201, created.status(), created.toString());
        String vault = cmk.vault("westeurope");
        Path image = SourceTrees.diskImage(3, 7);
        Api.Response registered = cmk.admin().put("/api/vaults/" + vault + "/items/disk1", "{\"workloadType\":\"Disk\","
                + "\"source\":{\"path\":\"" + image + "\",\"diskEncryptionSetId\":\"" + des + "\"}}");
        assertEquals(201, registered.status(), registered.toString());
        String item = "/api/vaults/" + vault + "/items/disk1";
        assertEquals("Completed", cmk.backup(item).getString("status"));

        Path target = SourceTrees.newDirectory("remote-disk").resolve("disk.sealed");
        JsonObject restore = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + cmk.newestPoint(item) + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restore.getString("status"), restore.toString());
        try (InputStream in = Files.newInputStream(target)) {
            SealedDisk.Header header = SealedDisk.Header.read(in);
            assertEquals(SealedDisk.Wrapping.KEY_VAULT, header.wrapping());
            assertEquals(kid, header.keyId(), "sealed under the remote key's version");
            // The customer opens it with the key manager's unwrapkey, as an admin granted it there.
            KeyVaults.grantAll(remoteAdmin, remoteAdmin, "remote-kv");
            Api.Response unwrapped = remoteAdmin.post(Cmk.path(kid) + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(header.wrappedKey()) + "\"}");
            assertEquals(200, unwrapped.status(), unwrapped.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (KeyMaterial key = KeyMaterial.wrap(Base64.getUrlDecoder().decode(unwrapped.json().getString("value")))) {
                SealedDisk.open(in, header, key, out);
            }
            assertArrayEquals(Files.readAllBytes(image), out.toByteArray());
        }
    }

    @Test
    void keyManagerRegistration_refusesBadInput_andNeverShowsTheSecret() {
        Api admin = Api.admin(base);
        String secret = principal.getString("clientSecret");
        String good = registration("remote-kv", secret);
        for (Map.Entry<String, String> bad : Map.of(
                "keyVaultUrl", good.replace("https://remote-kv", "http://remote-kv"),
                "region", good.replace("\"region\":\"westeurope\"", "\"region\":\"\""),
                "credential.clientSecret", good.replace(",\"clientSecret\":\"" + secret + "\"", ""),
                "trustedCertificates", good.replaceAll("\"trustedCertificates\":\"[^\"]*\"", "\"trustedCertificates\":\"not a certificate\""),
                "kind", good.replace("AzureKeyVault", "Kmip")).entrySet()) {
            Api.Response refused = admin.put("/api/keyManagers/" + Names.unique("bad"), bad.getValue());
            assertEquals(400, refused.status(), bad.getKey() + ": " + refused);
            assertEquals(bad.getKey(), refused.json().getString("target"), refused.toString());
        }
        Api.Response own = admin.put("/api/keyManagers/" + Names.unique("own"), good.replace("remote-kv." + DOMAIN + ":" + REMOTE_HTTPS_PORT,
                "kv1.vault.strongroom.test:" + (8443 + Integer.getInteger("it.port.offset", 100))));
        assertEquals(400, own.status(), "this server's own key vaults need no registration: " + own);
        register("remote-kv");
        Api.Response taken = admin.put("/api/keyManagers/" + Names.unique("dup"), good);
        assertEquals(409, taken.status(), "one registration per key vault URL: " + taken);

        String shown = admin.get("/api/keyManagers").body() + admin.get("/api/keyManagers/remote-kv").body();
        assertFalse(shown.contains(secret), "the client secret is never shown");
        assertTrue(admin.get("/api/keyManagers/remote-kv").json().getJsonObject("credential").getBoolean("clientSecretSet"));
        assertEquals(403, admin.newUser("operator").get("/api/keyManagers").status());
        assertNotEquals(200, Api.anonymous(base).get("/api/keyManagers").status());
    }
}
