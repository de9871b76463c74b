package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
import org.strongroom.support.Figures;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * Every REST endpoint of API.md × {no credentials, reader, operator, admin, a reader holding a key-vault
 * access policy}: 401 without credentials; readers read; operators also back up, restore, verify and
 * register items; only admins change vaults, key vaults, users and disk encryption sets. Key operations
 * (the data plane) go by access policy alone, whatever the role: the admin, who created the key vault,
 * holds its key-management permissions but not wrapKey/unwrapKey; the reader and operator hold none; the
 * policy holder, a reader, holds them all. Writes the table for docs/reliability.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    private static final List<String> ROLES = List.of("none", "reader", "operator", "admin", "policy", "app");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    /**
     * Who may call: everyone signed in, operators and admins, admins only; for keys, whoever an access policy
     * grants the operation: key management (the key vault's creator, an admin, has it) or key use (wrap and
     * unwrap: explicitly granted only). A service principal with every key permission ("app", signed in with
     * an access token) has no role: keys only. A key report (which key versions vaults need) is for signed-in
     * users who may list the key's versions.
     */
    enum Access {
        READ, OPERATE, ADMINISTER, KEY_MANAGEMENT, KEY_USE, KEY_REPORT;

        int expected(String role) {
            boolean key = this == KEY_MANAGEMENT || this == KEY_USE;
            return switch (role) {
                case "none" -> 401;
                case "reader" -> this == READ ? 200 : 403;
                case "operator" -> this == READ || this == OPERATE ? 200 : 403;
                case "policy" -> this == READ || this == KEY_REPORT || key ? 200 : 403;
                case "app" -> key ? 200 : 403;
                default -> this == KEY_USE ? 403 : 200;
            };
        }
    }

    record Call(String method, String path, String body) {
    }

    record Row(String endpoint, Access access, Function<String, Call> call) {
    }

    @Test
    void everyEndpoint_answersEachRoleAsTheRoleModelSays() throws IOException {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("none", Api.anonymous(base));
        callers.put("reader", admin.newUser("reader"));
        callers.put("operator", admin.newUser("operator"));
        callers.put("admin", admin);
        Api policyHolder = admin.newUser("reader");
        callers.put("policy", policyHolder);
        JsonObject app = admin.post("/api/servicePrincipals", "{\"displayName\":\"" + Names.unique("authz-app") + "\"}").json();
        callers.put("app", Api.servicePrincipal(base, app));

        // Fixtures: one of each resource, and per role a fresh one for the calls that change or consume it.
        String kv = cmk.keyVault("westeurope", ",\"softDeleteEnabled\":true");
        String kid = cmk.rsa2048(kv, "k");
        String keyPath = "/api/keyvaults/" + kv + "/keys";
        String version = Cmk.version(kid);
        KeyVaults.grantAll(admin, policyHolder, kv);
        admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + app.getJsonObject("servicePrincipal").getString("principalId"),
                "{\"permissions\":{\"keys\":[" + KeyVaults.ALL_PERMISSIONS + "]}}");
        String wrapped = policyHolder.post(keyPath + "/k/" + version + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]) + "\"}").json().getString("value");
        String block = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String encryptedBlock = policyHolder.post(keyPath + "/k/" + version + "/encrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                + block + "\"}").json().getString("value");
        String signature = policyHolder.post(keyPath + "/k/" + version + "/sign", "{\"alg\":\"RS256\",\"value\":\""
                + block + "\"}").json().getString("value");
        String vault = cmk.vault("westeurope");
        Path source = SourceTrees.newDirectory("authz");
        Files.writeString(source.resolve("a.txt"), "authorization matrix");
        String items = "/api/vaults/" + vault + "/items";
        String job = cmk.backup(cmk.filesItem(vault, "i", source)).getString("id");
        String point = cmk.newestPoint(items + "/i");
        String protectedKv = cmk.keyVault();
        String protectedKid = cmk.rsa2048(protectedKv, "cmk");
        String des = Names.unique("des-");
        Api.Response desCreated = admin.put("/api/diskEncryptionSets/" + des, "{\"keyUri\":\"" + protectedKid + "\",\"region\":\"westeurope\"}");
        assertEquals(200, desCreated.status() / 100 * 100, desCreated.toString());
        Map<String, String> perRole = new LinkedHashMap<>();
        Map<String, String> backups = new LinkedHashMap<>();
        for (String role : ROLES) {
            cmk.rsa2048(kv, "del-" + role);
            cmk.rsa2048(kv, "rec-" + role);
            assertEquals(200, admin.delete(keyPath + "/rec-" + role).status());
            cmk.rsa2048(kv, "bak-" + role);
            backups.put(role, admin.post(keyPath + "/bak-" + role + "/backup", null).json().getString("value"));
            assertEquals(200, admin.delete(keyPath + "/bak-" + role).status());
            assertEquals(204, admin.delete("/api/keyvaults/" + kv + "/deletedkeys/bak-" + role).status());
            cmk.rsa2048(kv, "pur-" + role);
            assertEquals(200, admin.delete(keyPath + "/pur-" + role).status());
            admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal(role), "{\"permissions\":{\"keys\":[\"get\"]}}");
            perRole.put("vault-" + role, cmk.vault("westeurope"));
            perRole.put("del-vault-" + role, cmk.vault("westeurope"));
            String emptyKv = Names.unique("kv");
            assertEquals(201, admin.put("/api/keyvaults/" + emptyKv, KeyVaults.body("")).status());
            perRole.put("kv-" + role, emptyKv);
            String unusedSet = Names.unique("des-");
            assertEquals(201, admin.put("/api/diskEncryptionSets/" + unusedSet, "{\"keyUri\":\"" + protectedKid
                    + "\",\"region\":\"westeurope\"}").status());
            perRole.put("des-" + role, unusedSet);
            String encrypted = cmk.vault("westeurope");
            cmk.grant(protectedKv, cmk.identity(encrypted), Cmk.ALL_FOUR);
            cmk.filesItem(vault, "b-" + role, source);
            cmk.filesItem(vault, "s-" + role, source);
            cmk.filesItem(vault, "d-" + role, source);
            assertEquals(200, admin.post(cmk.filesItem(vault, "u-" + role, source) + "/stopProtection?deleteData=true", null).status());
            perRole.put("enc-" + role, encrypted);
            admin.put("/api/users/del-" + role + "-" + vault, "{\"password\":\"pw-" + UUID.randomUUID() + "\",\"roles\":[\"reader\"]}");
            perRole.put("sp-" + role, admin.post("/api/servicePrincipals", "{\"displayName\":\"" + Names.unique("authz-sp")
                    + "\"}").json().getJsonObject("servicePrincipal").getString("appId"));
            String keyManager = Names.unique("km-");
            assertEquals(200, admin.put("/api/keyManagers/" + keyManager, keyManager(keyManager)).status());
            perRole.put("km-" + role, keyManager);
        }

        String rp = items + "/i/recoveryPoints/" + point;
        Path restoreRoot = SourceTrees.newDirectory("authz-restore");
        List<Row> rows = List.of(
                new Row("GET /api/keyvaults", Access.READ, r -> new Call("GET", "/api/keyvaults", null)),
                new Row("GET /api/keyvaults/{kv}", Access.READ, r -> new Call("GET", "/api/keyvaults/" + kv, null)),
                new Row("PUT /api/keyvaults/{kv}", Access.ADMINISTER, r -> new Call("PUT", "/api/keyvaults/" + Names.unique("kv"),
                        "{\"region\":\"westeurope\",\"subscriptionId\":\"s\",\"resourceGroup\":\"rg\"}")),
                new Row("PATCH /api/keyvaults/{kv}", Access.ADMINISTER, r -> new Call("PATCH", "/api/keyvaults/" + kv,
                        "{\"softDeleteEnabled\":true}")),
                new Row("PUT /api/keyvaults/{kv}/accessPolicies/{principalId}", Access.ADMINISTER, r -> new Call("PUT",
                        "/api/keyvaults/" + kv + "/accessPolicies/" + UUID.randomUUID(), "{\"permissions\":{\"keys\":[\"get\"]}}")),
                new Row("DELETE /api/keyvaults/{kv}/accessPolicies/{principalId}", Access.ADMINISTER, r -> new Call("DELETE",
                        "/api/keyvaults/" + kv + "/accessPolicies/" + principal(r), null)),
                new Row("POST {keyVaultUri}/keys/{name}/create", Access.KEY_MANAGEMENT, r -> new Call("POST", keyPath + "/" + Names.unique("new")
                        + "/create", "{\"kty\":\"RSA\",\"key_size\":2048}")),
                new Row("PUT {keyVaultUri}/keys/{name} (import)", Access.KEY_MANAGEMENT, r -> new Call("PUT", keyPath + "/" + Names.unique("imp"),
                        "{\"key\":" + CustomerKeys.jwk(CustomerKeys.generate(2048)) + "}")),
                new Row("GET {keyVaultUri}/keys", Access.KEY_MANAGEMENT, r -> new Call("GET", keyPath, null)),
                new Row("GET {keyVaultUri}/keys/{name}", Access.KEY_MANAGEMENT, r -> new Call("GET", keyPath + "/k", null)),
                new Row("GET {keyVaultUri}/keys/{name}/versions", Access.KEY_MANAGEMENT, r -> new Call("GET", keyPath + "/k/versions", null)),
                new Row("GET {keyVaultUri}/keys/{name}/{version}", Access.KEY_MANAGEMENT, r -> new Call("GET", keyPath + "/k/" + version, null)),
                new Row("PATCH {keyVaultUri}/keys/{name}/{version}", Access.KEY_MANAGEMENT, r -> new Call("PATCH", keyPath + "/k/" + version,
                        "{\"attributes\":{\"enabled\":true}}")),
                new Row("POST {keyVaultUri}/keys/{name}/rotate", Access.KEY_MANAGEMENT, r -> new Call("POST", keyPath + "/del-" + r + "/rotate", null)),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/wrapkey", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAAAAAAAAAAAAAAAAAAAA\"}")),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/unwrapkey", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}")),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/encrypt", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/encrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + block + "\"}")),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/decrypt", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/decrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + encryptedBlock + "\"}")),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/sign", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/sign", "{\"alg\":\"RS256\",\"value\":\"" + block + "\"}")),
                new Row("POST {keyVaultUri}/keys/{name}/{version}/verify", Access.KEY_USE, r -> new Call("POST", keyPath + "/k/" + version
                        + "/verify", "{\"alg\":\"RS256\",\"digest\":\"" + block + "\",\"value\":\"" + signature + "\"}")),
                new Row("GET {keyVaultUri}/keys/{name}/rotationpolicy", Access.KEY_MANAGEMENT, r -> new Call("GET", keyPath + "/k/rotationpolicy", null)),
                new Row("PUT {keyVaultUri}/keys/{name}/rotationpolicy", Access.KEY_MANAGEMENT, r -> new Call("PUT", keyPath + "/k/rotationpolicy",
                        "{\"lifetimeActions\":[{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},\"action\":{\"type\":\"Notify\"}}]}")),
                new Row("POST {keyVaultUri}/keys/{name}/backup", Access.KEY_MANAGEMENT, r -> new Call("POST", keyPath + "/k/backup", null)),
                new Row("POST {keyVaultUri}/keys/restore", Access.KEY_MANAGEMENT, r -> new Call("POST", keyPath + "/restore",
                        "{\"value\":\"" + backups.get(r) + "\"}")),
                new Row("DELETE {keyVaultUri}/keys/{name}", Access.KEY_MANAGEMENT, r -> new Call("DELETE", keyPath + "/del-" + r, null)),
                new Row("GET {keyVaultUri}/deletedkeys", Access.KEY_MANAGEMENT, r -> new Call("GET", "/api/keyvaults/" + kv + "/deletedkeys", null)),
                new Row("GET {keyVaultUri}/deletedkeys/{name}", Access.KEY_MANAGEMENT, r -> new Call("GET", "/api/keyvaults/" + kv
                        + "/deletedkeys/rec-" + r, null)),
                new Row("POST {keyVaultUri}/deletedkeys/{name}/recover", Access.KEY_MANAGEMENT, r -> new Call("POST", "/api/keyvaults/" + kv
                        + "/deletedkeys/rec-" + r + "/recover", null)),
                new Row("DELETE /api/keyvaults/{kv}", Access.ADMINISTER, r -> new Call("DELETE", "/api/keyvaults/"
                        + perRole.get("kv-" + r), null)),
                new Row("DELETE {keyVaultUri}/deletedkeys/{name} (purge)", Access.KEY_MANAGEMENT, r -> new Call("DELETE", "/api/keyvaults/" + kv
                        + "/deletedkeys/pur-" + r, null)),
                new Row("GET /api/resourceGuards", Access.READ, r -> new Call("GET", "/api/resourceGuards", null)),
                new Row("GET /api/vaults", Access.READ, r -> new Call("GET", "/api/vaults", null)),
                new Row("GET /api/vaults/{vault}", Access.READ, r -> new Call("GET", "/api/vaults/" + vault, null)),
                new Row("PUT /api/vaults/{vault}", Access.ADMINISTER, r -> new Call("PUT", "/api/vaults/" + Names.unique("v-"),
                        "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\"}")),
                new Row("PUT /api/vaults/{vault}/identity", Access.ADMINISTER, r -> new Call("PUT", "/api/vaults/"
                        + perRole.get("vault-" + r) + "/identity", "{\"type\":\"SystemAssigned\"}")),
                new Row("GET /api/vaults/{vault}/encryption", Access.READ, r -> new Call("GET", "/api/vaults/" + vault + "/encryption", null)),
                new Row("GET /api/vaults/{vault}/keyCandidates", Access.READ, r -> new Call("GET", "/api/vaults/" + vault + "/keyCandidates", null)),
                new Row("PUT /api/vaults/{vault}/encryption", Access.ADMINISTER, r -> new Call("PUT", "/api/vaults/"
                        + perRole.get("enc-" + r) + "/encryption", "{\"keyUri\":\"" + protectedKid + "\",\"keyVaultSubscriptionId\":\"sub-keys\"}")),
                new Row("DELETE /api/vaults/{vault}", Access.ADMINISTER, r -> new Call("DELETE", "/api/vaults/"
                        + perRole.get("del-vault-" + r), null)),
                new Row("PUT /api/vaults/{vault}/softDelete", Access.ADMINISTER, r -> new Call("PUT", "/api/vaults/"
                        + perRole.get("vault-" + r) + "/softDelete", "{\"retentionDays\":20}")),
                new Row("PUT /api/vaults/{vault}/immutability", Access.ADMINISTER, r -> new Call("PUT", "/api/vaults/"
                        + perRole.get("vault-" + r) + "/immutability", "{\"state\":\"Disabled\"}")),
                new Row("POST /api/vaults/{vault}/move", Access.ADMINISTER, r -> new Call("POST", "/api/vaults/"
                        + perRole.get("vault-" + r) + "/move", "{\"resourceGroup\":\"rg-moved\"}")),
                new Row("PUT /api/vaults/{vault}/items/{item}", Access.OPERATE, r -> new Call("PUT", items + "/" + Names.unique("i-"),
                        itemBody(source))),
                new Row("GET /api/vaults/{vault}/items", Access.READ, r -> new Call("GET", items, null)),
                new Row("GET /api/vaults/{vault}/items/{item}", Access.READ, r -> new Call("GET", items + "/i", null)),
                new Row("POST /api/vaults/{vault}/items/{item}/backup", Access.OPERATE, r -> new Call("POST", items + "/b-" + r + "/backup", "{}")),
                new Row("POST /api/vaults/{vault}/items/{item}/stopProtection", Access.ADMINISTER, r -> new Call("POST", items + "/s-" + r
                        + "/stopProtection", null)),
                new Row("POST /api/vaults/{vault}/items/{item}/resumeProtection", Access.OPERATE, r -> new Call("POST", items + "/s-" + r
                        + "/resumeProtection", null)),
                new Row("POST /api/vaults/{vault}/items/{item}/undelete", Access.ADMINISTER, r -> new Call("POST", items + "/u-" + r
                        + "/undelete", null)),
                new Row("DELETE /api/vaults/{vault}/items/{item}", Access.ADMINISTER, r -> new Call("DELETE", items + "/d-" + r, null)),
                new Row("GET /api/vaults/{vault}/items/{item}/recoveryPoints", Access.READ, r -> new Call("GET", items
                        + "/i/recoveryPoints", null)),
                new Row("GET /api/vaults/{vault}/items/{item}/recoveryPoints/{rp}", Access.READ, r -> new Call("GET", rp, null)),
                new Row("POST .../recoveryPoints/{rp}/restore", Access.OPERATE, r -> new Call("POST", rp + "/restore",
                        "{\"target\":{\"path\":\"" + restoreRoot.resolve(r) + "\"}}")),
                new Row("POST .../recoveryPoints/{rp}/verify", Access.OPERATE, r -> new Call("POST", rp + "/verify", null)),
                new Row("PUT /api/diskEncryptionSets/{des}", Access.ADMINISTER, r -> new Call("PUT", "/api/diskEncryptionSets/"
                        + Names.unique("des-"), "{\"keyUri\":\"" + protectedKid + "\",\"region\":\"westeurope\"}")),
                new Row("DELETE /api/diskEncryptionSets/{des}", Access.ADMINISTER, r -> new Call("DELETE", "/api/diskEncryptionSets/"
                        + perRole.get("des-" + r), null)),
                new Row("GET /api/diskEncryptionSets", Access.READ, r -> new Call("GET", "/api/diskEncryptionSets", null)),
                new Row("GET /api/diskEncryptionSets/{des}", Access.READ, r -> new Call("GET", "/api/diskEncryptionSets/" + des, null)),
                new Row("GET /api/jobs", Access.READ, r -> new Call("GET", "/api/jobs?vault=" + vault, null)),
                new Row("GET /api/jobs/{id}", Access.READ, r -> new Call("GET", "/api/jobs/" + job, null)),
                new Row("GET /api/activitylog", Access.READ, r -> new Call("GET", "/api/activitylog?resource=" + vault, null)),
                new Row("GET /api/activitylog/verification", Access.READ, r -> new Call("GET", "/api/activitylog/verification", null)),
                new Row("PUT /api/users/{name}", Access.ADMINISTER, r -> new Call("PUT", "/api/users/" + Names.unique("u-"),
                        "{\"password\":\"pw-" + UUID.randomUUID() + "\",\"roles\":[\"reader\"]}")),
                new Row("GET /api/users", Access.ADMINISTER, r -> new Call("GET", "/api/users", null)),
                new Row("GET /api/users/{name}", Access.ADMINISTER, r -> new Call("GET", "/api/users/admin", null)),
                new Row("DELETE /api/users/{name}", Access.ADMINISTER, r -> new Call("DELETE", "/api/users/del-" + r + "-" + vault, null)),
                new Row("POST /api/servicePrincipals", Access.ADMINISTER, r -> new Call("POST", "/api/servicePrincipals",
                        "{\"displayName\":\"" + Names.unique("sp-") + "\"}")),
                new Row("GET /api/servicePrincipals", Access.ADMINISTER, r -> new Call("GET", "/api/servicePrincipals", null)),
                new Row("GET /api/servicePrincipals/{appId}", Access.ADMINISTER, r -> new Call("GET", "/api/servicePrincipals/"
                        + perRole.get("sp-" + r), null)),
                new Row("POST /api/servicePrincipals/{appId}/secret", Access.ADMINISTER, r -> new Call("POST", "/api/servicePrincipals/"
                        + perRole.get("sp-" + r) + "/secret", "{}")),
                new Row("DELETE /api/servicePrincipals/{appId}", Access.ADMINISTER, r -> new Call("DELETE", "/api/servicePrincipals/"
                        + perRole.get("sp-" + r), null)),
                new Row("GET /api/keyUsage", Access.KEY_REPORT, r -> new Call("GET", "/api/keyUsage?keyUri=" + Cmk.versionless(kid), null)),
                new Row("GET /api/keyManagers", Access.ADMINISTER, r -> new Call("GET", "/api/keyManagers", null)),
                new Row("GET /api/keyManagers/{name}", Access.ADMINISTER, r -> new Call("GET", "/api/keyManagers/"
                        + perRole.get("km-" + r), null)),
                new Row("PUT /api/keyManagers/{name}", Access.ADMINISTER, r -> {
                    String name = Names.unique("km-");
                    return new Call("PUT", "/api/keyManagers/" + name, keyManager(name));
                }),
                new Row("DELETE /api/keyManagers/{name}", Access.ADMINISTER, r -> new Call("DELETE", "/api/keyManagers/"
                        + perRole.get("km-" + r), null)));

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| endpoint | none | reader | operator | admin | reader with a key-vault policy "
                + "| service principal with a key-vault policy |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| `").append(row.endpoint()).append("` |");
            for (String role : ROLES) {
                Call call = row.call().apply(role);
                // A POST always names its JSON content type, even without a body (CrossSiteRequestGuard).
                Api.Response answer = callers.get(role).send(call.method(), call.path(), call.body(),
                        call.body() == null && !call.method().equals("POST") ? null : "application/json");
                int expected = row.access().expected(role);
                boolean right = expected == 200 ? answer.status() / 100 == 2 : answer.isError(expected, expected == 401 ? "Unauthorized" : "Forbidden");
                if (!right) {
                    wrong.add(row.endpoint() + " as " + role + ": expected " + (expected == 200 ? "2xx" : expected) + ", got " + answer);
                }
                table.append(' ').append(answer.status()).append(right ? "" : " ✗").append(" |");
            }
            table.append('\n');
        }
        assertEquals(List.of(), wrong, table.toString());
        Figures.record("authorization", table.toString().strip());
    }

    private static String itemBody(Path source) {
        return "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source + "\"}}";
    }

    /** A principal id per role, with an access policy to remove. */
    /** A registration of a remote key manager (never called here): a key vault of its own under example.test. */
    private static String keyManager(String name) {
        return "{\"kind\":\"AzureKeyVault\",\"keyVaultUrl\":\"https://" + name + ".vault.example.test\",\"region\":\"westeurope\","
                + "\"credential\":{\"type\":\"ClientSecret\",\"tenantId\":\"t1\",\"clientId\":\"c1\",\"clientSecret\":\"s1\"}}";
    }

    private static String principal(String role) {
        return UUID.nameUUIDFromBytes(("authz-" + role).getBytes()).toString();
    }
}
