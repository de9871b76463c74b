package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Base64;
import java.util.UUID;

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
 * Only admins use keys freely; any other principal needs an access policy granting the operation
 * (SPEC rule 5). A signed-in user's principal id is its user name.
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

    private record Principal(String name, Api api) {
    }

    private Principal newOperator() {
        String name = Names.unique("op");
        String password = "pw-" + UUID.randomUUID();
        assertEquals(201, Api.admin(base).put("/api/users/" + name,
                "{\"password\":\"" + password + "\",\"roles\":[\"operator\"]}").status());
        return new Principal(name, Api.as(base, name, password));
    }

    private void grant(String kv, String principal, String permissions) {
        Api.Response set = Api.admin(base).put("/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[" + permissions + "]}}");
        assertEquals(200, set.status(), set.toString());
    }

    @Test
    void principalWithoutUnwrapKey_gets403NamingIt_andWithItSucceeds() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        admin.post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}");
        String wrapped = admin.post("/api/keyvaults/" + kv + "/keys/k/wrapkey",
                "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]) + "\"}")
                .json().getString("value");
        String unwrap = "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}";
        Principal operator = newOperator();

        Api.Response noPolicy = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertTrue(noPolicy.isError(403, "Forbidden"), noPolicy.toString());
        assertTrue(noPolicy.json().getString("message").contains("'unwrapKey'"), noPolicy.toString());

        grant(kv, operator.name(), "\"get\",\"wrapKey\"");
        Api.Response stillNo = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertTrue(stillNo.isError(403, "Forbidden"), stillNo.toString());
        assertTrue(stillNo.json().getString("message").contains("'unwrapKey'"), stillNo.toString());

        grant(kv, operator.name(), "\"get\",\"wrapKey\",\"unwrapKey\"");
        Api.Response allowed = operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap);
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(32, Base64.getUrlDecoder().decode(allowed.json().getString("value")).length);

        assertEquals(204, admin.delete("/api/keyvaults/" + kv + "/accessPolicies/" + operator.name()).status());
        assertTrue(operator.api().post("/api/keyvaults/" + kv + "/keys/k/unwrapkey", unwrap).isError(403, "Forbidden"));
    }

    @Test
    void everyKeyOperation_needsItsOwnPermission() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        admin.post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}");
        Principal reader = newOperator();
        String prefix = "/api/keyvaults/" + kv;

        String[][] calls = {
                {"GET", "/keys/k", null, "get"}, {"GET", "/keys", null, "list"},
                {"POST", "/keys/new/create", "{\"kty\":\"RSA\"}", "create"},
                {"POST", "/keys/k/rotate", "", "rotate"},
                {"PATCH", "/keys/k", "{\"attributes\":{\"enabled\":true}}", "update"},
                {"DELETE", "/keys/k", null, "delete"}};
        for (String[] call : calls) {
            Api.Response refused = reader.api().send(call[0], prefix + call[1], call[2], call[2] == null ? null : "application/json");
            assertTrue(refused.isError(403, "Forbidden"), call[1] + ": " + refused);
            assertTrue(refused.json().getString("message").contains("'" + call[3] + "'"), refused.toString());
        }
        grant(kv, reader.name(), "\"get\",\"list\"");
        assertEquals(200, reader.api().get(prefix + "/keys/k").status());
        assertEquals(200, reader.api().get(prefix + "/keys").status());
    }
}
