package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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

/**
 * The seed's flow and every refusal of SPEC 1-9, 11-13, 18 (backup and restore after a tenant move too) and 19
 * over HTTP. Each refusal is checked to
 * leave the vault on its previous key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerManagedKeysIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private Cmk cmk() {
        return new Cmk(base);
    }

    private static void assertFailedWith(String code, JsonObject job) {
        assertEquals("Failed", job.getString("status"), job.toString());
        assertEquals(code, job.getJsonObject("error").getString("code"), job.toString());
    }

    /** The vault still uses {@code kid}, and says its last update failed. */
    private void assertStillOn(Cmk cmk, Cmk.Setup setup) {
        JsonObject encryption = cmk.encryption(setup.vault());
        assertEquals("CustomerManaged", encryption.getString("encryptionAtRestType"));
        assertEquals(setup.kid(), encryption.getString("keyUri"));
        assertEquals(Cmk.version(setup.kid()), encryption.getString("activeKeyVersion"));
        assertEquals("Failed", encryption.getString("lastUpdateStatus"));
    }

    /** Changes {@code setup}'s vault to {@code keyUri}; the job must fail with {@code code}, the old key stay. */
    private void assertChangeRefused(Cmk cmk, Cmk.Setup setup, String keyUri, String subscription, String code) {
        assertFailedWith(code, cmk.awaitJob(cmk.assign(setup.vault(), keyUri, subscription, null)));
        assertStillOn(cmk, setup);
    }

    /** The candidate key vault named {@code kv} in a {@code GET .../keyCandidates} answer. */
    private static JsonObject candidate(JsonObject candidates, String kv) {
        return candidates.getJsonArray("keyVaults").stream().map(JsonValue::asJsonObject)
                .filter(keyVault -> keyVault.getString("name").equals(kv)).findFirst().orElseThrow(() -> new AssertionError(kv + " in " + candidates));
    }

    /** The newest version of key {@code name} in a candidate key vault. */
    private static JsonObject newestVersion(JsonObject keyVault, String name) {
        return keyVault.getJsonArray("keys").stream().map(JsonValue::asJsonObject).filter(key -> key.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " in " + keyVault)).getJsonArray("versions").getJsonObject(0);
    }

    private static String refusalCode(JsonObject judged, String field) {
        return !judged.containsKey(field) || judged.isNull(field) ? null : judged.getJsonObject(field).getString("code");
    }

    @Test
    void keyCandidates_listWhatTheUserMayList_judgedAsTheJobWould_andAnEligibleOneIsAccepted() {
        Cmk cmk = cmk();
        Api operator = cmk.admin().newUser("operator");
        String user = operator.get("/api/me").json().getString("principalId");
        String listed = cmk.keyVault();
        String good = Cmk.versionless(cmk.rsa2048(listed, "good"));
        cmk.key(listed, "off", "{\"kty\":\"RSA\",\"key_size\":2048,\"attributes\":{\"enabled\":false}}");
        cmk.key(listed, "big", "{\"kty\":\"RSA\",\"key_size\":3072}");
        String elsewhere = cmk.keyVault("northeurope", ",\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true");
        cmk.rsa2048(elsewhere, "far");
        String unlisted = cmk.keyVault();
        cmk.rsa2048(unlisted, "hidden");
        cmk.grant(listed, user, "\"list\"");
        cmk.grant(elsewhere, user, "\"list\"");
        String vault = cmk.vault("westeurope");
        String principal = cmk.identity(vault);
        cmk.grant(listed, principal, Cmk.ALL_FOUR);

        Api.Response answer = operator.get("/api/vaults/" + vault + "/keyCandidates");
        assertEquals(200, answer.status(), answer.toString());
        JsonObject candidates = answer.json();
        assertEquals(principal, candidates.getString("principalId"));

        JsonObject inRegion = candidate(candidates, listed);
        assertEquals(null, refusalCode(inRegion, "refusal"), inRegion.toString());
        assertEquals(null, refusalCode(inRegion, "permissionsRefusal"), inRegion.toString());
        assertEquals(0, inRegion.getJsonArray("missingPermissions").size(), inRegion.toString());
        assertEquals(null, refusalCode(newestVersion(inRegion, "good"), "refusal"));
        assertEquals("UserErrorKeyDisabled", refusalCode(newestVersion(inRegion, "off"), "refusal"));
        assertEquals("UserErrorUnsupportedKeyType", refusalCode(newestVersion(inRegion, "big"), "refusal"));

        JsonObject far = candidate(candidates, elsewhere);
        assertEquals("UserErrorKeyVaultRegionMismatch", refusalCode(far, "refusal"), far.toString());
        assertEquals(4, far.getJsonArray("missingPermissions").size(), "its identity has no grant there: " + far);

        JsonObject hidden = candidate(candidates, unlisted);
        assertEquals("Forbidden", refusalCode(hidden, "listRefusal"), "no policy grants the user list: " + hidden);
        assertEquals(0, hidden.getJsonArray("keys").size(), "nothing of a key vault the user may not list: " + hidden);
        assertTrue(cmk.admin().get("/api/activitylog?resource=keyvaults/" + unlisted + "/keys").json().getJsonArray("value").stream()
                .map(JsonValue::asJsonObject).anyMatch(r -> r.getString("operation").equals("ListKeys") && r.getString("status").equals("Failed")),
                "the refused listing is in the activity log");

        JsonObject job = cmk.awaitJob(cmk.assign(vault, good, inRegion.getString("subscriptionId"), null));
        assertEquals("Completed", job.getString("status"), "the eligible candidate is accepted: " + job);
        assertEquals(good, cmk.encryption(vault).getString("keyUri"));
    }

    @Test
    void seedFlow_versionedKey_configuresCustomerManagedEncryption() {
        Cmk cmk = cmk();
        String kv = cmk.keyVault();
        Cmk.Setup setup = cmk.setup(kv, "backup-key");
        JsonObject before = cmk.encryption(setup.vault());
        assertEquals("PlatformManaged", before.getString("encryptionAtRestType"));
        assertEquals("NotStarted", before.getString("lastUpdateStatus"));

        Api.Response accepted = cmk.assign(setup.vault(), setup.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, "Enabled");
        assertEquals(202, accepted.status(), accepted.toString());
        assertEquals("ConfigureEncryption", accepted.json().getString("operation"));
        assertEquals(base + "api/jobs/" + accepted.json().getString("id"), accepted.header("Location"));
        JsonObject job = cmk.awaitJob(accepted);
        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals(setup.vault(), job.getString("vault"));

        JsonObject encryption = cmk.encryption(setup.vault());
        assertEquals("CustomerManaged", encryption.getString("encryptionAtRestType"));
        assertEquals(setup.kid(), encryption.getString("keyUri"));
        assertEquals(Cmk.KEY_VAULT_SUBSCRIPTION, encryption.getString("subscriptionId"));
        assertEquals("Succeeded", encryption.getString("lastUpdateStatus"));
        assertEquals("Enabled", encryption.getString("infrastructureEncryptionState"));
        assertFalse(encryption.getBoolean("autoRotation"));
        assertEquals(Cmk.version(setup.kid()), encryption.getString("activeKeyVersion"));

        JsonObject vault = cmk.admin().get("/api/vaults/" + setup.vault()).json();
        assertEquals("SystemAssigned", vault.getJsonObject("identity").getString("type"));
        assertEquals("CustomerManaged", vault.getJsonObject("encryption").getString("encryptionAtRestType"));

        List<String> log = cmk.admin().get("/api/activitylog?resource=vaults/" + setup.vault()).json().getJsonArray("value")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("operation") + ":" + r.getString("status")).toList();
        assertTrue(log.containsAll(List.of("ConfigureEncryption:Succeeded", "RequestKeyUpdate:Succeeded",
                "EnableIdentity:Succeeded", "CreateVault:Succeeded")), log.toString());
    }

    @Test
    void changingTheKey_isAnUpdateEncryptionKeyJob_andKeepsInfrastructureEncryption() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String second = cmk.rsa2048(setup.keyVault(), "second");
        JsonObject job = cmk.assignAndWait(setup.vault(), second);
        assertEquals("UpdateEncryptionKey", job.getString("operation"));
        assertEquals("Completed", job.getString("status"), job.toString());
        assertEquals(second, cmk.encryption(setup.vault()).getString("keyUri"));
        assertEquals("Disabled", cmk.encryption(setup.vault()).getString("infrastructureEncryptionState"));
        Api.Response changeInfrastructure = cmk.assign(setup.vault(), second, Cmk.KEY_VAULT_SUBSCRIPTION, "Enabled");
        assertTrue(changeInfrastructure.isError(409, "Conflict"), changeInfrastructure.toString());
    }

    @Test
    void assignKey_withoutIdentity_isRefusedAtOnce() {
        Cmk cmk = cmk();
        String kv = cmk.keyVault();
        String kid = cmk.rsa2048(kv, "k");
        String vault = cmk.vault("westeurope");
        Api.Response refused = cmk.assign(vault, kid, Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(refused.isError(409, "UserErrorManagedIdentityNotEnabled"), refused.toString());
        assertEquals("PlatformManaged", cmk.encryption(vault).getString("encryptionAtRestType"));
        assertEquals("NotStarted", cmk.encryption(vault).getString("lastUpdateStatus"));
    }

    @Test
    void keyVaultWithoutOneOfTheFourPermissions_failsNamingIt() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        List<String> four = List.of("get", "list", "wrapKey", "unwrapKey");
        for (String withheld : four) {
            String other = cmk.keyVault();
            String kid = cmk.rsa2048(other, "k");
            cmk.grant(other, setup.principal(), String.join(",", four.stream().filter(p -> !p.equals(withheld))
                    .map(p -> "\"" + p + "\"").toList()));
            JsonObject job = cmk.awaitJob(cmk.assign(setup.vault(), kid, Cmk.KEY_VAULT_SUBSCRIPTION, null));
            assertFailedWith("UserErrorKeyVaultPermissionsNotConfigured", job);
            String message = job.getJsonObject("error").getString("message");
            assertTrue(message.contains("key permissions [" + withheld + "]"), message);
            assertStillOn(cmk, setup);
        }
    }

    @Test
    void keyVaultWithoutSoftDelete_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kv = cmk.keyVault("westeurope", ",\"softDeleteEnabled\":false");
        cmk.grant(kv, setup.principal(), Cmk.ALL_FOUR);
        assertChangeRefused(cmk, setup, cmk.rsa2048(kv, "k"), Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorKeyVaultSoftDeleteNotEnabled");
    }

    @Test
    void keyVaultWithoutPurgeProtection_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kv = cmk.keyVault("westeurope", ",\"softDeleteEnabled\":true");
        cmk.grant(kv, setup.principal(), Cmk.ALL_FOUR);
        assertChangeRefused(cmk, setup, cmk.rsa2048(kv, "k"), Cmk.KEY_VAULT_SUBSCRIPTION,
                "UserErrorKeyVaultPurgeProtectionNotEnabled");
    }

    @Test
    void keyVaultInAnotherRegion_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kv = cmk.keyVault("northeurope", ",\"purgeProtectionEnabled\":true");
        cmk.grant(kv, setup.principal(), Cmk.ALL_FOUR);
        assertChangeRefused(cmk, setup, cmk.rsa2048(kv, "k"), Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorKeyVaultRegionMismatch");
    }

    @Test
    void rsa3072Key_withTheDefaultSetting_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kid = Cmk.kid(cmk.key(setup.keyVault(), "big", "{\"kty\":\"RSA\",\"key_size\":3072}"));
        assertChangeRefused(cmk, setup, kid, Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorUnsupportedKeyType");
    }

    @Test
    void disabledKey_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kid = Cmk.kid(cmk.key(setup.keyVault(), "off", "{\"kty\":\"RSA\",\"attributes\":{\"enabled\":false}}"));
        assertChangeRefused(cmk, setup, kid, Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorKeyDisabled");
    }

    @Test
    void expiredKey_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kid = Cmk.kid(cmk.key(setup.keyVault(), "old",
                "{\"kty\":\"RSA\",\"attributes\":{\"exp\":" + (Instant.now().getEpochSecond() - 60) + "}}"));
        assertChangeRefused(cmk, setup, kid, Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorKeyExpired");
    }

    @Test
    void wrongKeyVaultSubscription_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kid = cmk.rsa2048(setup.keyVault(), "k2");
        assertChangeRefused(cmk, setup, kid, "sub-someone-else", "UserErrorKeyVaultSubscriptionMismatch");
    }

    @Test
    void keyUriNamingNoKnownKeyVersionOrServer_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        String kv = setup.keyVault();
        for (String uri : List.of(Cmk.versionless(setup.kid()).replace("/keys/cmk", "/keys/nothing"),
                Cmk.versionless(setup.kid()) + "/" + "0".repeat(32))) {
            assertChangeRefused(cmk, setup, uri, Cmk.KEY_VAULT_SUBSCRIPTION, "UserErrorKeyNotFound");
        }
        // A URI that cannot name a key of this server's key vaults needs no key vault call: refused at once.
        Api.Response elsewhere = cmk.assign(setup.vault(), "https://elsewhere.example/api/keyvaults/" + kv + "/keys/cmk",
                Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(elsewhere.isError(400, "UserErrorKeyNotFound"), elsewhere.toString());
        assertEquals(setup.kid(), cmk.encryption(setup.vault()).getString("keyUri"));
        Api.Response notAUri = cmk.assign(setup.vault(), "not a uri", Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(notAUri.isError(400, "BadRequest"), notAUri.toString());
    }

    @Test
    void vaultThatHadAnItem_orOnlyAFailedRegistration_isRefusedAtOnce() {
        Cmk cmk = cmk();
        String kv = cmk.keyVault();

        Cmk.Setup withItem = cmk.setup(kv, "k1");
        Api.Response registered = cmk.admin().put("/api/vaults/" + withItem.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + SourceTrees.newDirectory("files") + "\"}}");
        assertEquals(201, registered.status(), registered.toString());
        Api.Response refused = cmk.assign(withItem.vault(), withItem.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(refused.isError(409, "UserErrorVaultHasProtectedItems"), refused.toString());

        Cmk.Setup withFailedAttempt = cmk.setup(kv, "k2");
        Api.Response failedRegistration = cmk.admin().put("/api/vaults/" + withFailedAttempt.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"/no/such/directory\"}}");
        assertTrue(failedRegistration.isError(400, "UserErrorInvalidSource"), failedRegistration.toString());
        Api.Response alsoRefused = cmk.assign(withFailedAttempt.vault(), withFailedAttempt.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(alsoRefused.isError(409, "UserErrorVaultHasProtectedItems"), alsoRefused.toString());
        assertEquals("PlatformManaged", cmk.encryption(withFailedAttempt.vault()).getString("encryptionAtRestType"));
    }

    @Test
    void revertToPlatformManagedKeys_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        Api.Response refused = cmk.admin().put("/api/vaults/" + setup.vault() + "/encryption",
                "{\"encryptionAtRestType\":\"PlatformManaged\"}");
        assertTrue(refused.isError(409, "UserErrorCmkCannotBeReverted"), refused.toString());
        assertEquals("CustomerManaged", cmk.encryption(setup.vault()).getString("encryptionAtRestType"));
    }

    @Test
    void identityNone_whileCmk_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        Api.Response refused = cmk.admin().put("/api/vaults/" + setup.vault() + "/identity", "{\"type\":\"None\"}");
        assertTrue(refused.isError(409, "UserErrorIdentityInUse"), refused.toString());
        assertEquals(setup.principal(), cmk.admin().get("/api/vaults/" + setup.vault()).json()
                .getJsonObject("identity").getString("principalId"));
    }

    @Test
    void moveAcrossResourceGroupOrSubscription_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        Api.Response rg = cmk.admin().post("/api/vaults/" + setup.vault() + "/move", "{\"resourceGroup\":\"rg-other\"}");
        assertTrue(rg.isError(409, "UserErrorCmkVaultMoveNotSupported"), rg.toString());
        Api.Response sub = cmk.admin().post("/api/vaults/" + setup.vault() + "/move", "{\"subscriptionId\":\"sub-other\"}");
        assertTrue(sub.isError(409, "UserErrorCmkVaultMoveNotSupported"), sub.toString());
        assertEquals("rg-backup", cmk.admin().get("/api/vaults/" + setup.vault()).json().getString("resourceGroup"));
    }

    @Test
    void tenantMove_invalidatesTheIdentity_untilRecreatedAndTheKeyAssignedAgain() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        Api.Response moved = cmk.admin().post("/api/vaults/" + setup.vault() + "/move", "{\"tenantId\":\"tenant-elsewhere\"}");
        assertEquals(200, moved.status(), moved.toString());

        Api.Response refused = cmk.assign(setup.vault(), setup.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, null);
        assertTrue(refused.isError(409, "UserErrorIdentityInvalidAfterTenantMove"), refused.toString());

        String newPrincipal = cmk.identity(setup.vault());
        assertFalse(newPrincipal.equals(setup.principal()));
        cmk.grant(setup.keyVault(), newPrincipal, Cmk.ALL_FOUR);
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), setup.kid()).getString("status"));
    }

    @Test
    void tenantMove_failsBackupAndRestore_untilTheIdentityIsRecreatedAndTheKeyAssignedAgain() throws Exception {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        java.nio.file.Path source = SourceTrees.newDirectory("tenant-move");
        java.nio.file.Files.writeString(source.resolve("a.txt"), "backed up before the move");
        String item = cmk.filesItem(setup.vault(), "files1", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);
        // The old identity keeps its access policy on the key vault: only the vault's own rule can stop it.
        assertEquals(200, cmk.admin().post("/api/vaults/" + setup.vault() + "/move", "{\"tenantId\":\"tenant-elsewhere\"}").status());

        assertFailedWith("UserErrorIdentityInvalidAfterTenantMove", cmk.backup(item));
        JsonObject restore = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + SourceTrees.newDirectory("tenant-move-restore") + "\"}}"));
        assertFailedWith("UserErrorIdentityInvalidAfterTenantMove", restore);
        assertEquals(1, cmk.admin().get(item + "/recoveryPoints").json().getJsonArray("value").size(), "no point was made");

        String newPrincipal = cmk.identity(setup.vault());
        cmk.grant(setup.keyVault(), newPrincipal, Cmk.ALL_FOUR);
        assertFailedWith("UserErrorIdentityInvalidAfterTenantMove", cmk.backup(item));
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), setup.kid()).getString("status"));

        assertEquals("Completed", cmk.backup(item).getString("status"));
        java.nio.file.Path target = SourceTrees.newDirectory("tenant-move-restored");
        JsonObject restored = cmk.awaitJob(cmk.admin().post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + target + "\"}}"));
        assertEquals("Completed", restored.getString("status"), restored.toString());
        assertEquals("backed up before the move", java.nio.file.Files.readString(target.resolve("a.txt")));
    }

    @Test
    void agentOrClassicWorkload_inCmkVault_isRefused() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        for (String workload : List.of("Agent", "Classic")) {
            Api.Response refused = cmk.admin().put("/api/vaults/" + setup.vault() + "/items/" + workload.toLowerCase(),
                    "{\"workloadType\":\"" + workload + "\"}");
            assertTrue(refused.isError(400, "UserErrorWorkloadNotSupportedWithCmk"), refused.toString());
        }
        JsonObject failedJob = cmk.admin().get("/api/jobs?vault=" + setup.vault() + "&operation=ConfigureBackup").json()
                .getJsonArray("value").getJsonObject(0);
        assertFailedWith("UserErrorWorkloadNotSupportedWithCmk", failedJob);
    }

    @Test
    void filesItem_inCmkVault_registersLikeInAnyVault() {
        Cmk cmk = cmk();
        Cmk.Setup setup = cmk.cmkVault();
        Api.Response registered = cmk.admin().put("/api/vaults/" + setup.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + SourceTrees.newDirectory("files")
                + "\"},\"policy\":{\"retentionDays\":30}}");
        assertEquals(201, registered.status(), registered.toString());
        assertEquals("IRPending", registered.json().getString("protectionState"));
        assertEquals(2, registered.json().getJsonObject("policy").getInt("instantRestoreDays"));
        JsonObject job = cmk.admin().get("/api/jobs?vault=" + setup.vault() + "&operation=ConfigureBackup").json()
                .getJsonArray("value").getJsonObject(0);
        assertEquals("Completed", job.getString("status"));
        assertEquals("files1", job.getString("item"));
    }
}
