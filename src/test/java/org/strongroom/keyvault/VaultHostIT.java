package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.security.cert.X509Certificate;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.ServerCertificates;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.TrustedServer;

/**
 * A key vault's own host as Azure Key Vault answers, on the wire: the Bearer challenge, api-version, Azure's
 * error envelope and statuses (where they differ from the path form's), nothing but keys on it. HTTP Basic
 * here, as curl users send it; the Azure SDK itself: AzureSdkIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VaultHostIT {

    private static final String KV = "wire-kv";
    private static final int HTTPS_PORT = 8443 + Integer.getInteger("it.port.offset", 100);
    private static final String VAULT = "https://" + KV + ".vault.strongroom.test:" + HTTPS_PORT;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    /** The admin over HTTPS at the key vault's own host, and the key vault, purge-protected, with one key. */
    private Api vaultHost(boolean credentials) throws Exception {
        Api admin = Api.admin(base);
        if (admin.get("/api/keyvaults/" + KV).status() == 404) {
            assertEquals(201, admin.put("/api/keyvaults/" + KV, KeyVaults.body(",\"purgeProtectionEnabled\":true")).status());
            KeyVaults.grantAll(admin, admin, KV);
            assertEquals(200, admin.post("/api/keyvaults/" + KV + "/keys/k/create", "{\"kty\":\"RSA\"}").status());
        }
        X509Certificate served = ServerCertificates.presentedBy("127.0.0.1", HTTPS_PORT, 10_000);
        Api api = credentials ? admin : Api.anonymous(base);
        return api.overTls(URI.create(VAULT + "/"), TrustedServer.trusting(served));
    }

    private static void assertAzureError(Api.Response answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        JsonObject error = answer.json().getJsonObject("error");
        assertEquals(code, error.getString("code"), answer.toString());
        assertTrue(!error.getString("message").isBlank(), answer.toString());
    }

    @Test
    void withoutCredentials_theAnswerIsAzuresBearerChallenge() throws Exception {
        Api.Response answer = vaultHost(false).get("/keys/k?api-version=7.4");
        assertAzureError(answer, 401, "Unauthorized");
        String challenge = answer.header("WWW-Authenticate");
        assertTrue(challenge.matches("Bearer authorization=\"https://login\\.vault\\.strongroom\\.test:" + HTTPS_PORT
                + "/[0-9a-f-]{36}\", resource=\"https://vault\\.strongroom\\.test\""), challenge);
    }

    @Test
    void apiVersion_mustBeOneTheSdksSend() throws Exception {
        Api api = vaultHost(true);
        assertEquals(200, api.get("/keys/k?api-version=7.0").status());
        assertEquals(200, api.get("/keys/k?api-version=2025-07-01").status());
        Api.Response unknown = api.get("/keys/k?api-version=9.9");
        assertAzureError(unknown, 400, "BadParameter");
        assertTrue(unknown.json().getJsonObject("error").getString("message").contains("(9.9) is not recognized"), unknown.toString());
        assertAzureError(api.get("/keys/k"), 400, "BadParameter");
    }

    @Test
    void refusals_takeAzuresCodesAndStatuses() throws Exception {
        Api api = vaultHost(true);
        assertAzureError(api.get("/keys/missing?api-version=7.4"), 404, "KeyNotFound");
        assertAzureError(api.get("/api/vaults?api-version=7.4"), 404, "KeyNotFound");
        assertAzureError(api.post("/keys/k/create?api-version=7.4", "{\"kty\":\"EC\"}"), 400, "BadParameter");

        assertEquals(200, api.send("DELETE", "/keys/k?api-version=7.4", null, null).status());
        assertAzureError(api.send("DELETE", "/deletedkeys/k?api-version=7.4", null, null), 403, "Forbidden");
        Api.Response pathForm = Api.admin(base).delete("/api/keyvaults/" + KV + "/deletedkeys/k");
        assertTrue(pathForm.isError(409, "Conflict"), "the path form keeps Strongroom's answer: " + pathForm);
        assertEquals(200, api.post("/deletedkeys/k/recover?api-version=7.4", null).status());
    }
}
