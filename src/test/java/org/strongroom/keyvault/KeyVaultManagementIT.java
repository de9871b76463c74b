package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.JsonObject;

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

/** The key vault management plane over HTTP (API.md, Key vaults; SPEC rule 6). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyVaultManagementIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @Test
    void putKeyVault_creates201WithUriAndDefaults_thenSamePutIs200() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        Api.Response created = admin.put("/api/keyvaults/" + kv, KeyVaults.body(""));
        assertEquals(201, created.status(), created.toString());
        JsonObject json = created.json();
        assertEquals(kv, json.getString("name"));
        assertTrue(json.getString("uri").matches("https://" + kv.toLowerCase(Locale.ROOT) + "\\.vault\\.strongroom\\.test:\\d+"),
                "the key vault's own host: " + json.getString("uri"));
        assertTrue(json.getBoolean("softDeleteEnabled"));
        assertEquals(90, json.getInt("softDeleteRetentionDays"));
        assertFalse(json.getBoolean("purgeProtectionEnabled"));
        assertEquals(200, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        Api.Response otherCase = admin.put("/api/keyvaults/" + kv.toUpperCase(Locale.ROOT), KeyVaults.body(""));
        assertEquals(200, otherCase.status(), "key vault names are host names: another case names the same key vault");
        assertEquals(kv, otherCase.json().getString("name"));
        assertEquals(200, admin.get("/api/keyvaults/" + kv).status());
        assertTrue(admin.get("/api/keyvaults").json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("name").equals(kv)));
    }

    @Test
    void softDeleteOrPurgeProtection_turnedOffOnceOn_is409AndStaysOn() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"purgeProtectionEnabled\":true")).status());

        Api.Response softDeleteOff = admin.send("PATCH", "/api/keyvaults/" + kv, "{\"softDeleteEnabled\":false}", "application/json");
        assertTrue(softDeleteOff.isError(409, "Conflict"), softDeleteOff.toString());
        Api.Response purgeProtectionOff = admin.send("PATCH", "/api/keyvaults/" + kv, "{\"purgeProtectionEnabled\":false}", "application/json");
        assertTrue(purgeProtectionOff.isError(409, "Conflict"), purgeProtectionOff.toString());
        assertTrue(admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteEnabled\":false")).isError(409, "Conflict"));

        JsonObject now = admin.get("/api/keyvaults/" + kv).json();
        assertTrue(now.getBoolean("softDeleteEnabled") && now.getBoolean("purgeProtectionEnabled"));
    }

    @Test
    void protection_canBeTurnedOnLaterWithPatch() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteEnabled\":false")).status());
        Api.Response patched = admin.send("PATCH", "/api/keyvaults/" + kv,
                "{\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true}", "application/json");
        assertEquals(200, patched.status(), patched.toString());
        assertTrue(patched.json().getBoolean("purgeProtectionEnabled"));
    }

    @Test
    void invalidSettings_are400AndCreateNothing() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertTrue(admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteRetentionDays\":6")).isError(400, "BadRequest"));
        assertTrue(admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteRetentionDays\":91")).isError(400, "BadRequest"));
        assertTrue(admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteEnabled\":false,\"purgeProtectionEnabled\":true"))
                .isError(400, "BadRequest"));
        assertTrue(admin.put("/api/keyvaults/9starts-with-digit", KeyVaults.body("")).isError(400, "BadRequest"));
        assertTrue(admin.get("/api/keyvaults/" + kv).isError(404, "NotFound"));
    }

    @Test
    void accessPolicy_isSetReplacedAndRemoved() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        String principal = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Api.Response set = admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[\"get\",\"list\",\"wrapKey\",\"unwrapKey\"]}}");
        assertEquals(200, set.status(), set.toString());
        assertEquals("[\"get\",\"list\",\"unwrapKey\",\"wrapKey\"]", set.json().getJsonObject("permissions").getJsonArray("keys").toString());

        JsonObject vault = admin.get("/api/keyvaults/" + kv).json();
        String creator = admin.get("/api/me").json().getString("principalId");
        assertTrue(vault.getJsonArray("accessPolicies").stream().map(p -> p.asJsonObject().getString("principalId"))
                .toList().containsAll(List.of(principal, creator)), "the policy set, and the creator's own: " + vault);

        assertEquals(204, admin.delete("/api/keyvaults/" + kv + "/accessPolicies/" + principal).status());
        assertTrue(admin.get("/api/keyvaults/" + kv).json().getJsonArray("accessPolicies").stream()
                .noneMatch(p -> p.asJsonObject().getString("principalId").equals(principal)));
        assertTrue(admin.delete("/api/keyvaults/" + kv + "/accessPolicies/" + principal).isError(404, "NotFound"));
    }

    @Test
    void accessPolicy_withUnknownPermissionOrNoList_is400() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        String principal = UUID.randomUUID().toString();
        Api.Response unknown = admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal, "{\"permissions\":{\"keys\":[\"steal\"]}}");
        assertTrue(unknown.isError(400, "BadRequest"), unknown.toString());
        assertTrue(admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal, "{\"permissions\":{}}").isError(400, "BadRequest"));
    }

    @Test
    void nonAdmin_cannotChangeKeyVaults_is403() {
        Api operator = Api.admin(base).newUser("operator");
        String kv = Names.unique("kv");
        assertTrue(operator.put("/api/keyvaults/" + kv, KeyVaults.body("")).isError(403, "Forbidden"));
        assertEquals(201, Api.admin(base).put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        assertTrue(operator.put("/api/keyvaults/" + kv + "/accessPolicies/" + UUID.randomUUID(),
                "{\"permissions\":{\"keys\":[\"get\"]}}").isError(403, "Forbidden"));
        assertEquals(200, operator.get("/api/keyvaults/" + kv).status());
    }

    @Test
    void keyVaultThatHoldsKeys_evenDeletedOnes_isNotDeleted_andOnceEmpty_isDeleted() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        String path = "/api/keyvaults/" + kv;
        assertEquals(201, admin.put(path, KeyVaults.body("")).status());
        assertEquals(200, admin.post(path + "/keys/k1/create", "{\"kty\":\"RSA\",\"key_size\":2048}").status());

        Api.Response holdsKey = admin.delete(path);
        assertTrue(holdsKey.isError(409, "UserErrorKeyVaultNotEmpty"), holdsKey.toString());
        assertTrue(holdsKey.json().getString("message").contains("1 key(s) and 0 deleted key(s)"), holdsKey.toString());
        assertEquals(200, admin.delete(path + "/keys/k1").status());
        Api.Response holdsDeletedKey = admin.delete(path);
        assertTrue(holdsDeletedKey.isError(409, "UserErrorKeyVaultNotEmpty"), "a soft-deleted key may still be recovered: "
                + holdsDeletedKey);
        assertEquals(200, admin.get(path).status());

        assertEquals(204, admin.delete(path + "/deletedkeys/k1").status());
        Api.Response deleted = admin.delete(path);
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, admin.get(path).status());
        assertEquals(201, admin.put(path, KeyVaults.body("")).status(), "the name is free again");
        assertEquals(404, admin.delete("/api/keyvaults/" + Names.unique("kv")).status());
    }
}
