package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;

/**
 * Separation of duties, as Azure Key Vault has it: managing a key vault and its access policies is one
 * right (role {@code admin}), using its keys another — every key operation needs an access policy on the
 * caller's principal id, and no role passes without one (SPEC rule 5 holds for people as for vaults). A
 * key vault's creator gets the key-management permissions, not wrapKey/unwrapKey. Every key use is in the
 * activity log, with its principal and key version; refusals cannot flood it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Principal(String name, String id, Api api) {
    }

    private Principal newUser(String role) {
        String name = Names.unique(role);
        String password = "pw-" + UUID.randomUUID();
        assertEquals(201, Api.admin(base).put("/api/users/" + name,
                "{\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}").status());
        Api api = Api.as(base, name, password);
        return new Principal(name, api.get("/api/me").json().getString("principalId"), api);
    }

    private Principal admin() {
        Api api = Api.admin(base);
        return new Principal("admin", api.get("/api/me").json().getString("principalId"), api);
    }

    private void grant(String kv, String principalId, String permissions) {
        Api.Response set = Api.admin(base).put("/api/keyvaults/" + kv + "/accessPolicies/" + principalId,
                "{\"permissions\":{\"keys\":[" + permissions + "]}}");
        assertEquals(200, set.status(), set.toString());
    }

    private String newKeyVaultWithKey(Api creator) {
        String kv = Names.unique("kv");
        assertEquals(201, creator.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        assertEquals(200, creator.post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}").status());
        return kv;
    }

    private static String wrapBody(byte[] value) {
        return "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(value) + "\"}";
    }

    @Test
    void keyVaultCreator_getsKeyManagement_butNotWrapOrUnwrap_andTheActivityLogSaysSo() {
        Principal admin = admin();
        String kv = newKeyVaultWithKey(admin.api());

        JsonObject policy = admin.api().get("/api/keyvaults/" + kv).json().getJsonArray("accessPolicies").stream()
                .map(p -> p.asJsonObject()).filter(p -> p.getString("principalId").equals(admin.id())).findFirst().orElseThrow();
        List<String> keys = policy.getJsonObject("permissions").getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(List.of("backup", "create", "delete", "get", "getrotationpolicy", "import", "list", "purge", "recover", "restore",
                "rotate", "setrotationpolicy", "update"), keys);
        String created = admin.api().get("/api/activitylog?resource=keyvaults/" + kv).json().getJsonArray("value").stream()
                .map(r -> r.asJsonObject()).filter(r -> r.getString("operation").equals("CreateKeyVault")).findFirst()
                .orElseThrow().getString("details");
        assertTrue(created.contains("creator admin (principal " + admin.id() + ")") && !created.contains("wrapKey"), created);
    }

    @Test
    void admin_withoutAPolicy_cannotWrapOrUnwrap_untilTheExplicitGrant_whichIsRecorded() {
        Principal admin = admin();
        String kv = newKeyVaultWithKey(admin.api());
        String wrapUri = "/api/keyvaults/" + kv + "/keys/k/wrapkey";

        Api.Response refused = admin.api().post(wrapUri, wrapBody(new byte[32]));
        assertTrue(refused.isError(403, "Forbidden"), refused.toString());
        assertTrue(refused.json().getString("message").contains("'wrapKey'")
                && refused.json().getString("message").contains("no role does"), refused.toString());
        Api.Response unwrap = admin.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", wrapBody(new byte[256]));
        assertTrue(unwrap.isError(403, "Forbidden"), "no admin unwraps any data key without a policy: " + unwrap);

        grant(kv, admin.id(), "\"get\",\"wrapKey\",\"unwrapKey\"");
        assertEquals(200, admin.api().post(wrapUri, wrapBody(new byte[32])).status());
        assertTrue(admin.api().get("/api/activitylog?resource=keyvaults/" + kv + "/accessPolicies/" + admin.id()).json()
                .getJsonArray("value").stream().map(r -> r.asJsonObject())
                .anyMatch(r -> r.getString("operation").equals("SetAccessPolicy") && r.getString("details").contains("unwrapKey")),
                "granting wrap/unwrap is an act on record");
    }

    @Test
    void principalWithoutUnwrapKey_gets403NamingIt_andWithItSucceeds() {
        Principal admin = admin();
        String kv = newKeyVaultWithKey(admin.api());
        grant(kv, admin.id(), "\"get\",\"wrapKey\"");
        String wrapped = admin.api().post("/api/keyvaults/" + kv + "/keys/k/wrapkey", wrapBody(new byte[32])).json().getString("value");
        String unwrap = "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}";
        Principal operator = newUser("operator");

        Api.Response noPolicy = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertTrue(noPolicy.isError(403, "Forbidden"), noPolicy.toString());
        assertTrue(noPolicy.json().getString("message").contains("'unwrapKey'"), noPolicy.toString());

        grant(kv, operator.id(), "\"get\",\"wrapKey\"");
        Api.Response stillNo = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertTrue(stillNo.isError(403, "Forbidden"), stillNo.toString());

        grant(kv, operator.id(), "\"get\",\"wrapKey\",\"unwrapKey\"");
        Api.Response allowed = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(32, Base64.getUrlDecoder().decode(allowed.json().getString("value")).length);

        assertEquals(204, Api.admin(base).delete("/api/keyvaults/" + kv + "/accessPolicies/" + operator.id()).status());
        assertTrue(operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap).isError(403, "Forbidden"));
    }

    @Test
    void everyKeyOperation_needsItsOwnPermission_whateverTheRole() {
        String kv = newKeyVaultWithKey(Api.admin(base));
        Principal otherAdmin = newUser("admin");
        try {
            everyKeyOperationNeedsItsOwnPermission(kv, otherAdmin);
        } finally {
            // Other tests count on 'admin' being the only admin.
            assertEquals(204, Api.admin(base).delete("/api/users/" + otherAdmin.name()).status());
        }
    }

    private void everyKeyOperationNeedsItsOwnPermission(String kv, Principal otherAdmin) {
        String prefix = "/api/keyvaults/" + kv;
        String[][] calls = {
                {"GET", "/keys/k", null, "get"}, {"GET", "/keys", null, "list"}, {"GET", "/keys/k/versions", null, "list"},
                {"POST", "/keys/new/create", "{\"kty\":\"RSA\"}", "create"},
                {"POST", "/keys/k/rotate", "", "rotate"},
                {"PATCH", "/keys/k", "{\"attributes\":{\"enabled\":true}}", "update"},
                {"GET", "/deletedkeys", null, "list"},
                {"DELETE", "/keys/k", null, "delete"}};
        for (String[] call : calls) {
            Api.Response refused = otherAdmin.api().send(call[0], prefix + call[1], call[2], call[2] == null ? null : "application/json");
            assertTrue(refused.isError(403, "Forbidden"), "an admin who is not the creator: " + call[1] + ": " + refused);
            assertTrue(refused.json().getString("message").contains("'" + call[3] + "'"), refused.toString());
        }
        grant(kv, otherAdmin.id(), "\"get\",\"list\"");
        assertEquals(200, otherAdmin.api().get(prefix + "/keys/k").status());
        assertEquals(200, otherAdmin.api().get(prefix + "/keys").status());
    }

    @Test
    void accessPolicy_namesAPrincipalId_neverAUserName() {
        Principal operator = newUser("operator");
        String kv = newKeyVaultWithKey(Api.admin(base));
        Api.Response byName = Api.admin(base).put("/api/keyvaults/" + kv + "/accessPolicies/" + operator.name(),
                "{\"permissions\":{\"keys\":[\"get\"]}}");
        assertTrue(byName.isError(400, "BadRequest"), byName.toString());
        assertTrue(byName.json().getString("message").contains("GET /api/me"), byName.toString());
        assertEquals(operator.id(), Api.admin(base).get("/api/users/" + operator.name()).json().getString("principalId"));
    }

    @Test
    void everyKeyUse_isRecordedWithItsPrincipalAndVersion_andRepeatedRefusalsDoNotFloodTheLog() {
        Principal admin = admin();
        String kv = newKeyVaultWithKey(admin.api());
        Principal user = newUser("operator");
        grant(kv, user.id(), "\"get\",\"wrapKey\"");
        String wrapped = user.api().post("/api/keyvaults/" + kv + "/keys/k/wrapkey", wrapBody(new byte[32])).json().getString("value");
        String version = user.api().get("/api/keyvaults/" + kv + "/keys/k").json().getJsonObject("key").getString("kid");
        version = version.substring(version.lastIndexOf('/') + 1);
        for (int i = 0; i < 30; i++) {
            assertTrue(user.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey",
                    "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}").isError(403, "Forbidden"));
        }

        List<JsonObject> records = admin.api().get("/api/activitylog?resource=keyvaults/" + kv + "/keys/k").json()
                .getJsonArray("value").stream().map(r -> r.asJsonObject()).filter(r -> r.getString("caller").equals(user.name()))
                .toList();
        String expectedVersion = version;
        assertTrue(records.stream().anyMatch(r -> r.getString("operation").equals("WrapKey") && r.getString("status").equals("Succeeded")
                && r.getString("details").contains("version " + expectedVersion) && r.getString("details").contains(user.id())),
                "the wrap, with its key version and principal: " + records);
        assertTrue(records.stream().anyMatch(r -> r.getString("operation").equals("GetKey")), "reads are uses too: " + records);
        long refusedUnwraps = records.stream().filter(r -> r.getString("operation").equals("UnwrapKey")
                && r.getString("status").equals("Failed")).count();
        assertEquals(1, refusedUnwraps, "30 refused unwraps within a minute leave one record: " + records);
        assertFalse(records.stream().anyMatch(r -> r.getString("operation").equals("UnwrapKey") && r.getString("status").equals("Succeeded")));
    }
}
