package org.strongroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.json.Json;
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

/**
 * The token endpoint in Entra ID's shape, and the Bearer tokens it issues as the key vaults take them, over
 * plain HTTP from this machine (the Azure SDK over HTTPS: AzureSdkIT).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private JsonObject servicePrincipal() {
        Api.Response created = Api.admin(base).post("/api/servicePrincipals", "{\"displayName\":\"" + Names.unique("tok-app") + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private static String appId(JsonObject principal) {
        return principal.getJsonObject("servicePrincipal").getString("appId");
    }

    private Api.Response token(String tenant, String clientId, String secret, String scope) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + encode(secret)
                + "&scope=" + encode(scope) + "&claims=" + encode("{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}");
        return Api.anonymous(base).send("POST", "/" + tenant + "/oauth2/v2.0/token", form, "application/x-www-form-urlencoded");
    }

    private Api.Response token(JsonObject principal) {
        return token(principal.getString("tenantId"), appId(principal), principal.getString("clientSecret"),
                principal.getString("scope") + " openid profile offline_access");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertOAuthError(Api.Response answer, int status, String error, String aadsts) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(error, answer.json().getString("error"), answer.toString());
        assertTrue(answer.json().getString("error_description").startsWith(aadsts + ":"), answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void clientCredentialsGrant_givesAnRs256TokenForTheKeyVaults_thatUsesKeysAsPoliciesAllow() {
        JsonObject principal = servicePrincipal();
        Api.Response answer = token(principal);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("Bearer", answer.json().getString("token_type"));
        assertEquals(3600, answer.json().getInt("expires_in"));
        String token = answer.json().getString("access_token");
        String[] parts = token.split("\\.");
        JsonObject header = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8))).readObject();
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8))).readObject();
        assertEquals("RS256", header.getString("alg"));
        assertEquals("https://vault.strongroom.test", claims.getString("aud"));
        assertEquals(principal.getJsonObject("servicePrincipal").getString("principalId"), claims.getString("oid"));
        assertEquals(principal.getString("tenantId"), claims.getString("tid"));
        assertEquals(appId(principal), claims.getString("appid"));

        JsonObject metadata = Api.anonymous(base).get("/" + principal.getString("tenantId") + "/v2.0/.well-known/openid-configuration").json();
        assertEquals(claims.getString("iss"), metadata.getString("issuer"));
        JsonObject jwks = Api.anonymous(base).get("/" + principal.getString("tenantId") + "/discovery/v2.0/keys").json();
        assertTrue(jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
                .anyMatch(key -> key.getString("kid").equals(header.getString("kid")) && !key.containsKey("d")), jwks.toString());

        String kv = Names.unique("tokkv");
        Api admin = Api.admin(base);
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        assertEquals(200, admin.post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}").status());
        Api app = Api.bearer(base, token);
        assertEquals(403, app.get("/api/keyvaults/" + kv + "/keys/k").status(), "no policy yet");
        admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + claims.getString("oid"), "{\"permissions\":{\"keys\":[\"get\"]}}");
        assertEquals(200, app.get("/api/keyvaults/" + kv + "/keys/k").status());
        assertEquals(403, app.get("/api/vaults").status(), "a service principal has no role");
        assertEquals(403, app.get("/api/keyvaults/" + kv).status(), "nor the management plane");

        assertEquals(204, admin.delete("/api/servicePrincipals/" + appId(principal)).status());
        assertEquals(401, app.get("/api/keyvaults/" + kv + "/keys/k").status(), "a deleted service principal's token stops working");
    }

    @Test
    void wrongSecret_isInvalidClient_401() {
        JsonObject principal = servicePrincipal();
        assertOAuthError(token(principal.getString("tenantId"), appId(principal), "wrong-" + Names.unique("s"), principal.getString("scope")),
                401, "invalid_client", "AADSTS7000215");
    }

    @Test
    void replacedSecret_stopsSigningIn() {
        JsonObject principal = servicePrincipal();
        Api.Response replaced = Api.admin(base).post("/api/servicePrincipals/" + appId(principal) + "/secret", "{\"secretValidDays\":30}");
        assertEquals(200, replaced.status(), replaced.toString());
        assertOAuthError(token(principal), 401, "invalid_client", "AADSTS7000215");
        assertEquals(200, token(replaced.json()).status());
    }

    @Test
    void unknownClient_anotherTenant_anotherResource_orAnotherGrant_areRefused() {
        JsonObject principal = servicePrincipal();
        String tenant = principal.getString("tenantId");
        String secret = principal.getString("clientSecret");
        assertOAuthError(token(tenant, "00000000-0000-0000-0000-00000000abcd", secret, principal.getString("scope")),
                400, "unauthorized_client", "AADSTS700016");
        assertOAuthError(token("00000000-0000-0000-0000-000000000001", appId(principal), secret, principal.getString("scope")),
                400, "invalid_request", "AADSTS90002");
        assertOAuthError(token(tenant, appId(principal), secret, "https://vault.azure.net/.default"), 400, "invalid_scope", "AADSTS70011");
        Api.Response password = Api.anonymous(base).send("POST", "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=password&username=admin&password=x", "application/x-www-form-urlencoded");
        assertOAuthError(password, 400, "unsupported_grant_type", "AADSTS70003");
    }

    @Test
    void forgedOrForeignTokens_areUnauthorized() {
        JsonObject principal = servicePrincipal();
        String token = token(principal).json().getString("access_token");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"aud\":\"https://vault.strongroom.test\",\"oid\":\"" + principal.getJsonObject("servicePrincipal").getString("principalId")
                        + "\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        for (String bad : new String[] {forged, parts[0] + "." + parts[1] + ".", "not-a-token"}) {
            Api.Response refused = Api.bearer(base, bad).get("/api/keyvaults");
            assertEquals(401, refused.status(), refused.toString());
            assertNotNull(refused.header("WWW-Authenticate"));
            assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer authorization=\"https://login.vault.strongroom.test:"),
                    refused.header("WWW-Authenticate"));
            assertTrue(refused.header("WWW-Authenticate").contains("error=\"invalid_token\""), refused.header("WWW-Authenticate"));
        }
    }

    @Test
    void servicePrincipals_areForAdminsOnly_andShowNoSecretAfterwards() {
        JsonObject principal = servicePrincipal();
        assertEquals(403, Api.admin(base).newUser("operator").get("/api/servicePrincipals").status());
        JsonObject read = Api.admin(base).get("/api/servicePrincipals/" + appId(principal)).json();
        assertEquals(principal.getString("clientSecret").substring(0, 3) + "…", read.getString("secretHint"));
        assertTrue(!read.toString().contains(principal.getString("clientSecret")), read.toString());
        Api.Response duplicate = Api.admin(base).post("/api/servicePrincipals", "{\"displayName\":\""
                + principal.getJsonObject("servicePrincipal").getString("displayName") + "\"}");
        assertTrue(duplicate.isError(409, "Conflict"), duplicate.toString());
        Api.Response tooLong = Api.admin(base).post("/api/servicePrincipals", "{\"displayName\":\"x\",\"secretValidDays\":731}");
        assertTrue(tooLong.isError(400, "BadRequest"), tooLong.toString());
    }
}
