package org.strongroom.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

import jakarta.json.JsonObject;

/**
 * The seed's steps for customer-managed keys, over the public REST API, as test fixtures: key vault,
 * key, vault, identity, access policy, key assignment, and waiting for the key-update job.
 */
public final class Cmk {

    public static final String KEY_VAULT_SUBSCRIPTION = "sub-keys";
    public static final String ALL_FOUR = "\"get\",\"list\",\"wrapKey\",\"unwrapKey\"";

    private final Api admin;

    public Cmk(URL base) {
        this.admin = Api.admin(base);
    }

    public Api admin() {
        return admin;
    }

    /** A key vault in {@code region}; {@code options} are extra JSON members, e.g. {@code ,"purgeProtectionEnabled":true}. */
    public String keyVault(String region, String options) {
        String kv = Names.unique("kv");
        Api.Response created = admin.put("/api/keyvaults/" + kv, "{\"region\":\"" + region + "\",\"subscriptionId\":\""
                + KEY_VAULT_SUBSCRIPTION + "\",\"resourceGroup\":\"rg-keys\"" + options + "}");
        assertEquals(201, created.status(), created.toString());
        return kv;
    }

    /** A key vault in westeurope with soft delete and purge protection, as the seed requires. */
    public String keyVault() {
        return keyVault("westeurope", ",\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true");
    }

    /** Creates key {@code name} with {@code body}; answers its KeyBundle. */
    public JsonObject key(String kv, String name, String body) {
        Api.Response created = admin.post("/api/keyvaults/" + kv + "/keys/" + name + "/create", body);
        assertEquals(200, created.status(), created.toString());
        return created.json();
    }

    /** An RSA 2048 key; answers its versioned kid. */
    public String rsa2048(String kv, String name) {
        return kid(key(kv, name, "{\"kty\":\"RSA\",\"key_size\":2048}"));
    }

    public static String kid(JsonObject bundle) {
        return bundle.getJsonObject("key").getString("kid");
    }

    /**
     * The path on this server ({@code /api/keyvaults/{kv}/keys/...}) of a key id in either form: the path form,
     * or the key vault's own host ({@code https://{kv}.{domain}:{port}/keys/...}), which the IT server gives out.
     */
    public static String path(String kid) {
        int api = kid.indexOf("/api/");
        if (api >= 0) {
            return kid.substring(api);
        }
        URI uri = URI.create(kid);
        return "/api/keyvaults/" + uri.getHost().substring(0, uri.getHost().indexOf('.')) + uri.getRawPath();
    }

    public static String versionless(String kid) {
        return kid.substring(0, kid.lastIndexOf('/'));
    }

    public static String version(String kid) {
        return kid.substring(kid.lastIndexOf('/') + 1);
    }

    public String vault(String region) {
        String vault = Names.unique("vault-");
        Api.Response created = admin.put("/api/vaults/" + vault, "{\"region\":\"" + region
                + "\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\"}");
        assertEquals(201, created.status(), created.toString());
        return vault;
    }

    /** Enables the vault's system-assigned identity; answers its principal id. */
    public String identity(String vault) {
        Api.Response identity = admin.put("/api/vaults/" + vault + "/identity", "{\"type\":\"SystemAssigned\"}");
        assertEquals(200, identity.status(), identity.toString());
        return identity.json().getString("principalId");
    }

    public void grant(String kv, String principal, String permissions) {
        Api.Response granted = admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[" + permissions + "]}}");
        assertEquals(200, granted.status(), granted.toString());
    }

    /** {@code PUT .../encryption}; the raw answer (202 with the job, or a refusal). */
    public Api.Response assign(String vault, String keyUri, String subscription, String infrastructureEncryption) {
        return admin.put("/api/vaults/" + vault + "/encryption", "{\"keyUri\":\"" + keyUri + "\",\"keyVaultSubscriptionId\":\""
                + subscription + "\"" + (infrastructureEncryption == null ? "" : ",\"infrastructureEncryption\":\""
                + infrastructureEncryption + "\"") + "}");
    }

    /** Assigns and waits for the key-update job to end; answers the final job. */
    public JsonObject assignAndWait(String vault, String keyUri) {
        return awaitJob(assign(vault, keyUri, KEY_VAULT_SUBSCRIPTION, null));
    }

    /** Follows a 202's {@code Location} until the job ends. */
    public JsonObject awaitJob(Api.Response accepted) {
        assertEquals(202, accepted.status(), accepted.toString());
        String location = accepted.header("Location");
        return Await.until(() -> admin.get(location).json(), job -> !"InProgress".equals(job.getString("status")),
                "job " + location + " to end");
    }

    /** Registers a {@code Files} item backing up {@code source}; answers its path {@code /api/vaults/{vault}/items/{item}}. */
    public String filesItem(String vault, String item, Path source) {
        String path = "/api/vaults/" + vault + "/items/" + item;
        Api.Response registered = admin.put(path, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source + "\"}}");
        assertEquals(201, registered.status(), registered.toString());
        return path;
    }

    /** Backs up the item at {@code itemPath} and waits; answers the ended job. */
    public JsonObject backup(String itemPath) {
        return awaitJob(admin.post(itemPath + "/backup", "{}"));
    }

    /** The id of the newest recovery point of the item at {@code itemPath}. */
    public String newestPoint(String itemPath) {
        return admin.get(itemPath + "/recoveryPoints").json().getJsonArray("value").getJsonObject(0).getString("id");
    }

    public JsonObject encryption(String vault) {
        return admin.get("/api/vaults/" + vault + "/encryption").json();
    }

    /** The seed's whole setup: a vault whose identity may use the key; answers it. */
    public Setup setup(String kv, String keyName) {
        String kid = rsa2048(kv, keyName);
        String vault = vault("westeurope");
        String principal = identity(vault);
        grant(kv, principal, ALL_FOUR);
        return new Setup(kv, kid, vault, principal);
    }

    /** A vault with customer-managed key {@code kid} (pinned) in force. */
    public Setup cmkVault() {
        Setup setup = setup(keyVault(), "cmk");
        JsonObject job = assignAndWait(setup.vault(), setup.kid());
        assertEquals("Completed", job.getString("status"), job.toString());
        return setup;
    }

    public record Setup(String keyVault, String kid, String vault, String principal) {
    }
}
