package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URL;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;

/** The key vault data plane over HTTP, in the Azure Key Vault keys API format (API.md; SPEC rules 6 and 8). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeysIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Api admin() {
        return Api.admin(base);
    }

    /** A key vault on which the admin, whose data-plane calls these tests are, holds every key permission. */
    private String newKeyVault(String options) {
        String kv = Names.unique("kv");
        Api.Response created = admin().put("/api/keyvaults/" + kv, KeyVaults.body(options));
        assertEquals(201, created.status(), created.toString());
        KeyVaults.grantAll(admin(), admin(), kv);
        return kv;
    }

    private JsonObject createKey(String kv, String name, String body) {
        Api.Response created = admin().post("/api/keyvaults/" + kv + "/keys/" + name + "/create", body);
        assertEquals(200, created.status(), created.toString());
        return created.json();
    }

    private static String version(JsonObject bundle) {
        String kid = bundle.getJsonObject("key").getString("kid");
        return kid.substring(kid.lastIndexOf('/') + 1);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(BigInteger value) {
        return CustomerKeys.b64(value);
    }

    private static byte[] dataKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static OAEPParameterSpec oaep(String alg) {
        return alg.equals("RSA-OAEP-256")
                ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    }

    private static RSAPrivateCrtKey customerKey(int bits) {
        return CustomerKeys.generate(bits);
    }

    private static String jwk(RSAPrivateCrtKey k) {
        return CustomerKeys.jwk(k);
    }

    @Test
    void createRsa2048_answersTheKeyBundleWithPublicPartsOnly() {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "backup-key", "{\"kty\":\"RSA\",\"key_size\":2048}");
        JsonObject key = bundle.getJsonObject("key");
        assertTrue(key.getString("kid").matches("https://" + kv.toLowerCase(Locale.ROOT)
                + "\\.vault\\.strongroom\\.test:\\d+/keys/backup-key/[0-9a-f]{32}"), key.toString());
        assertEquals("RSA", key.getString("kty"));
        assertEquals(256, Base64.getUrlDecoder().decode(key.getString("n")).length);
        assertEquals("AQAB", key.getString("e"));
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(secret), "answer must not carry " + secret);
        }
        assertTrue(key.getJsonArray("key_ops").toString().contains("unwrapKey"));
        JsonObject attributes = bundle.getJsonObject("attributes");
        assertTrue(attributes.getBoolean("enabled"));
        assertEquals("Recoverable+Purgeable", attributes.getString("recoveryLevel"));
        assertEquals(90, attributes.getInt("recoverableDays"));
        assertTrue(attributes.getJsonNumber("created").longValue() > 1_700_000_000L);

        Api.Response got = admin().get("/api/keyvaults/" + kv + "/keys/backup-key?api-version=7.4");
        assertEquals(200, got.status(), got.toString());
        assertEquals(key.getString("kid"), got.json().getJsonObject("key").getString("kid"));
    }

    @Test
    void rsa3072And4096_areAccepted() {
        String kv = newKeyVault("");
        assertEquals(3072 / 8, Base64.getUrlDecoder().decode(createKey(kv, "k3072", "{\"kty\":\"RSA\",\"key_size\":3072}")
                .getJsonObject("key").getString("n")).length);
        assertEquals(4096 / 8, Base64.getUrlDecoder().decode(createKey(kv, "k4096", "{\"kty\":\"RSA\",\"key_size\":4096}")
                .getJsonObject("key").getString("n")).length);
    }

    @Test
    void rsa1024_orEcKey_is400BadRequest() {
        String kv = newKeyVault("");
        Api.Response small = admin().post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\",\"key_size\":1024}");
        assertTrue(small.isError(400, "BadRequest"), small.toString());
        Api.Response ec = admin().post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        assertTrue(ec.isError(400, "BadRequest"), ec.toString());
        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/k").isError(404, "NotFound"));
    }

    @Test
    void importOf1024BitOrInconsistentJwk_is400() throws Exception {
        String kv = newKeyVault("");
        assertTrue(admin().put("/api/keyvaults/" + kv + "/keys/small", "{\"key\":" + jwk(customerKey(1024)) + "}")
                .isError(400, "BadRequest"));
        RSAPrivateCrtKey k = customerKey(2048);
        String broken = jwk(k).replace(b64(k.getPrimeP()), b64(customerKey(2048).getPrimeP()));
        assertTrue(admin().put("/api/keyvaults/" + kv + "/keys/broken", "{\"key\":" + broken + "}").isError(400, "BadRequest"));
        String publicOnly = "{\"kty\":\"RSA\",\"n\":\"" + b64(k.getModulus()) + "\",\"e\":\"AQAB\"}";
        Api.Response noPrivate = admin().put("/api/keyvaults/" + kv + "/keys/public", "{\"key\":" + publicOnly + "}");
        assertTrue(noPrivate.isError(400, "BadRequest"), noPrivate.toString());
        assertTrue(noPrivate.json().getString("message").contains("d"), noPrivate.toString());
    }

    @Test
    void importedKey_wrapsThroughTheApi_andTheCustomersOwnKeyUnwrapsWithPlainJce() throws Exception {
        String kv = newKeyVault(",\"purgeProtectionEnabled\":true");
        RSAPrivateCrtKey customer = customerKey(2048);
        Api.Response imported = admin().put("/api/keyvaults/" + kv + "/keys/byok", "{\"key\":" + jwk(customer) + "}");
        assertEquals(200, imported.status(), imported.toString());
        JsonObject key = imported.json().getJsonObject("key");
        assertEquals(b64(customer.getModulus()), key.getString("n"));
        assertFalse(key.containsKey("d"));

        for (String alg : List.of("RSA-OAEP-256", "RSA-OAEP")) {
            byte[] dataKey = dataKey();
            Api.Response wrapped = admin().post("/api/keyvaults/" + kv + "/keys/byok/" + version(imported.json()) + "/wrapkey",
                    "{\"alg\":\"" + alg + "\",\"value\":\"" + b64(dataKey) + "\"}");
            assertEquals(200, wrapped.status(), wrapped.toString());
            assertEquals(key.getString("kid"), wrapped.json().getString("kid"));

            Cipher jce = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jce.init(Cipher.DECRYPT_MODE, customer, oaep(alg));
            assertArrayEquals(dataKey, jce.doFinal(Base64.getUrlDecoder().decode(wrapped.json().getString("value"))), alg);
        }
    }

    @Test
    void importOfPemPkcs8OrPkcs1_wrapsThroughTheApi_andTheCustomersOwnKeyUnwraps() throws Exception {
        String kv = newKeyVault(",\"purgeProtectionEnabled\":true");
        for (boolean pkcs8 : List.of(true, false)) {
            RSAPrivateCrtKey customer = customerKey(2048);
            String name = pkcs8 ? "pem8" : "pem1";
            Api.Response imported = admin().send("PUT", "/api/keyvaults/" + kv + "/keys/" + name,
                    pkcs8 ? CustomerKeys.pem(customer) : CustomerKeys.pkcs1Pem(customer), "application/x-pem-file");
            assertEquals(200, imported.status(), imported.toString());
            JsonObject key = imported.json().getJsonObject("key");
            assertEquals(b64(customer.getModulus()), key.getString("n"));
            assertEquals(List.of("encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"),
                    key.getJsonArray("key_ops").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertFalse(imported.body().contains("\"d\""), "no private part answered");

            byte[] dataKey = dataKey();
            Api.Response wrapped = admin().post("/api/keyvaults/" + kv + "/keys/" + name + "/" + version(imported.json()) + "/wrapkey",
                    "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(dataKey) + "\"}");
            assertEquals(200, wrapped.status(), wrapped.toString());
            Cipher jce = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jce.init(Cipher.DECRYPT_MODE, customer, oaep("RSA-OAEP-256"));
            assertArrayEquals(dataKey, jce.doFinal(Base64.getUrlDecoder().decode(wrapped.json().getString("value"))),
                    pkcs8 ? "PKCS#8" : "PKCS#1");
        }
    }

    @Test
    void importOfAnEncryptedPublicShortOrUnreadablePem_is400NamingTheProblem_andCreatesNoKey() {
        String kv = newKeyVault("");
        String body = CustomerKeys.pem(customerKey(2048)).lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        String[][] cases = {
                {"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body + "\n-----END ENCRYPTED PRIVATE KEY-----\n", "openssl pkey"},
                {"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----\n", "public key"},
                {CustomerKeys.pem(customerKey(1024)), "1024"},
                {"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not an RSA private key"},
                {"just text", "PEM"}};
        for (String[] c : cases) {
            Api.Response refused = admin().send("PUT", "/api/keyvaults/" + kv + "/keys/bad", c[0], "application/x-pem-file");
            assertTrue(refused.isError(400, "BadRequest"), refused.toString());
            assertTrue(refused.json().getString("message").contains(c[1]), c[1] + " in " + refused);
        }
        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/bad").isError(404, "NotFound"), "no key was created");
    }

    @Test
    void valueWrappedByPlainJceWithThePublicJwk_isUnwrappedByTheApi() throws Exception {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "k", "{\"kty\":\"RSA\",\"key_size\":2048}");
        JsonObject jwk = bundle.getJsonObject("key");
        RSAPublicKey publicKey = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        for (String alg : List.of("RSA-OAEP-256", "RSA-OAEP")) {
            byte[] dataKey = dataKey();
            Cipher jce = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jce.init(Cipher.ENCRYPT_MODE, publicKey, oaep(alg));
            Api.Response unwrapped = admin().post("/api/keyvaults/" + kv + "/keys/k/" + version(bundle) + "/unwrapkey",
                    "{\"alg\":\"" + alg + "\",\"value\":\"" + b64(jce.doFinal(dataKey)) + "\"}");
            assertEquals(200, unwrapped.status(), unwrapped.toString());
            assertArrayEquals(dataKey, Base64.getUrlDecoder().decode(unwrapped.json().getString("value")), alg);
        }
    }

    @Test
    void encryptAndDecrypt_roundTripWithEachAlgorithm_andPlainJceCiphertextDecrypts() throws Exception {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "k", "{\"kty\":\"RSA\",\"key_size\":2048}");
        String path = "/api/keyvaults/" + kv + "/keys/k/" + version(bundle);
        JsonObject jwk = bundle.getJsonObject("key");
        RSAPublicKey publicKey = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        byte[] plaintext = "one block of customer data".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String alg : List.of("RSA-OAEP-256", "RSA-OAEP", "RSA1_5")) {
            Api.Response encrypted = admin().post(path + "/encrypt", "{\"alg\":\"" + alg + "\",\"value\":\"" + b64(plaintext) + "\"}");
            assertEquals(200, encrypted.status(), encrypted.toString());
            Api.Response decrypted = admin().post("/api/keyvaults/" + kv + "/keys/k/decrypt",
                    "{\"alg\":\"" + alg + "\",\"value\":\"" + encrypted.json().getString("value") + "\"}");
            assertArrayEquals(plaintext, Base64.getUrlDecoder().decode(decrypted.json().getString("value")), alg);
            Cipher jce = Cipher.getInstance(alg.equals("RSA1_5") ? "RSA/ECB/PKCS1Padding" : "RSA/ECB/OAEPPadding");
            if (alg.equals("RSA1_5")) {
                jce.init(Cipher.ENCRYPT_MODE, publicKey);
            } else {
                jce.init(Cipher.ENCRYPT_MODE, publicKey, oaep(alg));
            }
            Api.Response fromJce = admin().post(path + "/decrypt", "{\"alg\":\"" + alg + "\",\"value\":\""
                    + b64(jce.doFinal(plaintext)) + "\"}");
            assertArrayEquals(plaintext, Base64.getUrlDecoder().decode(fromJce.json().getString("value")), alg + " from JCE");
        }
        assertTrue(admin().post(path + "/encrypt", "{\"alg\":\"A256GCM\",\"value\":\"AAAA\"}").isError(400, "BadRequest"));
        assertTrue(admin().post(path + "/encrypt", "{\"value\":\"AAAA\"}").isError(400, "BadRequest"));
        assertTrue(admin().post(path + "/encrypt", "{\"alg\":\"RSA1_5\",\"value\":\"" + b64(new byte[246]) + "\"}")
                .isError(400, "BadRequest"), "a 2048-bit key holds at most 245 bytes with RSA1_5");
    }

    @Test
    void signAndVerify_ofADigest_matchPlainJceOverTheData_forEachAlgorithm() throws Exception {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "signer", "{\"kty\":\"RSA\",\"key_size\":2048}");
        String path = "/api/keyvaults/" + kv + "/keys/signer/" + version(bundle);
        JsonObject jwk = bundle.getJsonObject("key");
        RSAPublicKey publicKey = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        byte[] data = "a document the customer signs".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")) {
            String hash = "SHA-" + alg.substring(2);
            byte[] digest = java.security.MessageDigest.getInstance(hash).digest(data);
            Api.Response signed = admin().post(path + "/sign", "{\"alg\":\"" + alg + "\",\"value\":\"" + b64(digest) + "\"}");
            assertEquals(200, signed.status(), signed.toString());
            byte[] signature = Base64.getUrlDecoder().decode(signed.json().getString("value"));
            java.security.Signature jce;
            if (alg.startsWith("RS")) {
                jce = java.security.Signature.getInstance(hash.replace("-", "") + "withRSA");
            } else {
                jce = java.security.Signature.getInstance("RSASSA-PSS");
                jce.setParameter(new java.security.spec.PSSParameterSpec(hash, "MGF1",
                        new java.security.spec.MGF1ParameterSpec(hash), digest.length, 1));
            }
            jce.initVerify(publicKey);
            jce.update(data);
            assertTrue(jce.verify(signature), alg + " signed by the key vault, checked by JCE");
            String verify = "{\"alg\":\"" + alg + "\",\"digest\":\"" + b64(digest) + "\",\"value\":\"";
            assertTrue(admin().post("/api/keyvaults/" + kv + "/keys/signer/verify", verify + b64(signature) + "\"}")
                    .json().getBoolean("value"), alg);
            signature[3] ^= 1;
            assertFalse(admin().post(path + "/verify", verify + b64(signature) + "\"}").json().getBoolean("value"), alg);
        }
        assertTrue(admin().post(path + "/sign", "{\"alg\":\"RS256\",\"value\":\"" + b64(new byte[20]) + "\"}")
                .isError(400, "BadRequest"), "RS256 signs a 32-byte digest");
        assertTrue(admin().post(path + "/sign", "{\"alg\":\"ES256\",\"value\":\"AAAA\"}").isError(400, "BadRequest"));
    }

    @Test
    void sign_ofAKeyWhoseKeyOpsLeaveItOut_isRefused() {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "nosign", "{\"kty\":\"RSA\",\"key_ops\":[\"encrypt\",\"decrypt\"]}");
        String path = "/api/keyvaults/" + kv + "/keys/nosign/" + version(bundle);
        String digest = b64(new byte[32]);
        assertTrue(admin().post(path + "/sign", "{\"alg\":\"RS256\",\"value\":\"" + digest + "\"}").isError(403, "Forbidden"));
        assertTrue(admin().post(path + "/verify", "{\"alg\":\"RS256\",\"digest\":\"" + digest + "\",\"value\":\"AAAA\"}")
                .isError(403, "Forbidden"));
    }

    @Test
    void lists_comeInPagesOfMaxresults_linkedByNextLink_withNoKeyTwiceOrLeftOut() {
        String kv = newKeyVault("");
        List<String> names = List.of("k1", "k2", "k3", "k4", "k5");
        names.forEach(name -> createKey(kv, name, "{\"kty\":\"RSA\"}"));
        List<String> seen = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        String next = "/api/keyvaults/" + kv + "/keys?api-version=7.4&maxresults=2";
        while (next != null) {
            Api.Response page = admin().get(next);
            assertEquals(200, page.status(), page.toString());
            var value = page.json().getJsonArray("value");
            sizes.add(value.size());
            value.getValuesAs(JsonObject.class).forEach(item -> seen.add(item.getString("kid").replaceAll(".*/", "")));
            next = page.json().isNull("nextLink") ? null : page.json().getString("nextLink");
            if (next != null) {
                assertTrue(next.contains("api-version=7.4") && next.contains("maxresults=2"), next);
            }
        }
        assertEquals(names, seen);
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(5, admin().get("/api/keyvaults/" + kv + "/keys").json().getJsonArray("value").size(), "25 a page by default");
        createKey(kv, "k1", "{\"kty\":\"RSA\"}");
        Api.Response versions = admin().get("/api/keyvaults/" + kv + "/keys/k1/versions?maxresults=1");
        assertEquals(1, versions.json().getJsonArray("value").size());
        assertEquals(1, admin().get(versions.json().getString("nextLink")).json().getJsonArray("value").size());
        for (String bad : List.of("maxresults=0", "maxresults=26", "maxresults=two", "$skiptoken=%25%25not-base64")) {
            assertTrue(admin().get("/api/keyvaults/" + kv + "/keys?" + bad).isError(400, "BadRequest"), bad);
        }
    }

    @Test
    void tags_setOnCreateImportAndUpdate_showInBundlesAndLists_andRotationKeepsThem() throws Exception {
        String kv = newKeyVault("");
        JsonObject created = createKey(kv, "tagged", "{\"kty\":\"RSA\",\"tags\":{\"owner\":\"backup-team\"}}");
        assertEquals("backup-team", created.getJsonObject("tags").getString("owner"), created.toString());
        assertFalse(createKey(kv, "plain", "{\"kty\":\"RSA\"}").containsKey("tags"), "no tags, no member");
        Api.Response listed = admin().get("/api/keyvaults/" + kv + "/keys");
        assertTrue(listed.body().contains("\"tags\":{\"owner\":\"backup-team\"}"), listed.body());
        Api.Response patched = admin().send("PATCH", "/api/keyvaults/" + kv + "/keys/tagged/" + version(created),
                "{\"tags\":{\"env\":\"prod\"}}", "application/json");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("{\"env\":\"prod\"}", patched.json().getJsonObject("tags").toString());
        JsonObject rotated = admin().post("/api/keyvaults/" + kv + "/keys/tagged/rotate", "").json();
        assertEquals("prod", rotated.getJsonObject("tags").getString("env"), rotated.toString());
        StringBuilder sixteen = new StringBuilder("{");
        for (int i = 0; i < 16; i++) {
            sixteen.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
        }
        Api.Response refused = admin().post("/api/keyvaults/" + kv + "/keys/toomany/create",
                "{\"kty\":\"RSA\",\"tags\":" + sixteen + "}}");
        assertTrue(refused.isError(400, "BadRequest"), refused.toString());
        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/toomany").isError(404, "NotFound"), "no key was created");
    }

    @Test
    void encrypt_ofAKeyWhoseKeyOpsLeaveItOut_isRefused() {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "wraponly", "{\"kty\":\"RSA\",\"key_ops\":[\"wrapKey\",\"unwrapKey\"]}");
        String path = "/api/keyvaults/" + kv + "/keys/wraponly/" + version(bundle);
        assertTrue(admin().post(path + "/encrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}").isError(403, "Forbidden"));
        assertTrue(admin().post(path + "/decrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}").isError(403, "Forbidden"));
        assertEquals(200, admin().post(path + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}").status());
    }

    @Test
    void encrypt_withoutTheEncryptPermission_isRefused_evenForAnAdmin() {
        String kv = Names.unique("kv");
        assertEquals(201, admin().put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        String principal = admin().get("/api/me").json().getString("principalId");
        assertEquals(200, admin().put("/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[\"get\",\"create\",\"wrapKey\",\"unwrapKey\"]}}").status());
        JsonObject bundle = createKey(kv, "k", "{\"kty\":\"RSA\"}");
        String path = "/api/keyvaults/" + kv + "/keys/k/" + version(bundle);
        Api.Response refused = admin().post(path + "/encrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}");
        assertTrue(refused.isError(403, "Forbidden"), refused.toString());
        assertTrue(refused.json().getString("message").contains("'encrypt'"), refused.toString());
        assertTrue(admin().post(path + "/decrypt", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}").isError(403, "Forbidden"));
        assertEquals(200, admin().post(path + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAAA\"}").status());
    }

    @Test
    void unwrapOfAlteredValue_orUnknownAlgorithm_is400() {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "k", "{\"kty\":\"RSA\"}");
        String path = "/api/keyvaults/" + kv + "/keys/k/" + version(bundle);
        String wrapped = admin().post(path + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(dataKey()) + "\"}")
                .json().getString("value");
        byte[] altered = Base64.getUrlDecoder().decode(wrapped);
        altered[7] ^= 1;
        assertTrue(admin().post(path + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(altered) + "\"}")
                .isError(400, "BadRequest"));
        assertTrue(admin().post(path + "/wrapkey", "{\"alg\":\"RSA1_5\",\"value\":\"AAAA\"}").isError(400, "BadRequest"));
        assertTrue(admin().post(path + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"not base64url!\"}").isError(400, "BadRequest"));
    }

    @Test
    void rotate_makesANewVersion_thatTheVersionlessIdFollows() {
        String kv = newKeyVault("");
        JsonObject first = createKey(kv, "k", "{\"kty\":\"RSA\",\"key_size\":2048}");
        Api.Response rotated = admin().post("/api/keyvaults/" + kv + "/keys/k/rotate", "");
        assertEquals(200, rotated.status(), rotated.toString());
        assertNotEquals(version(first), version(rotated.json()));
        assertEquals(version(rotated.json()), version(admin().get("/api/keyvaults/" + kv + "/keys/k").json()));
        assertEquals(version(first), version(admin().get("/api/keyvaults/" + kv + "/keys/k/" + version(first)).json()));

        Api.Response versions = admin().get("/api/keyvaults/" + kv + "/keys/k/versions");
        assertEquals(2, versions.json().getJsonArray("value").size(), versions.toString());
        assertTrue(versions.body().contains("\"nextLink\":null"), versions.body());
        Api.Response list = admin().get("/api/keyvaults/" + kv + "/keys");
        assertEquals(1, list.json().getJsonArray("value").size());
        assertTrue(list.json().getJsonArray("value").getJsonObject(0).getString("kid").endsWith("/keys/k"));
    }

    @Test
    void disabledVersion_refusesWrapWithKeyDisabled_untilEnabledAgain() {
        String kv = newKeyVault("");
        JsonObject bundle = createKey(kv, "k", "{\"kty\":\"RSA\"}");
        String path = "/api/keyvaults/" + kv + "/keys/k/" + version(bundle);
        Api.Response disabled = admin().send("PATCH", path, "{\"attributes\":{\"enabled\":false}}", "application/json");
        assertEquals(200, disabled.status(), disabled.toString());
        assertFalse(disabled.json().getJsonObject("attributes").getBoolean("enabled"));
        String wrap = "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(dataKey()) + "\"}";
        Api.Response refused = admin().post(path + "/wrapkey", wrap);
        assertTrue(refused.isError(409, "KeyDisabled"), refused.toString());
        admin().send("PATCH", path, "{\"attributes\":{\"enabled\":true}}", "application/json");
        assertEquals(200, admin().post(path + "/wrapkey", wrap).status());
    }

    @Test
    void expiredOrNotYetValidVersion_refusesUnwrap() {
        String kv = newKeyVault("");
        long now = Instant.now().getEpochSecond();
        createKey(kv, "expired", "{\"kty\":\"RSA\",\"attributes\":{\"exp\":" + (now - 60) + "}}");
        createKey(kv, "future", "{\"kty\":\"RSA\",\"attributes\":{\"nbf\":" + (now + 3600) + "}}");
        String body = "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(new byte[256]) + "\"}";
        assertTrue(admin().post("/api/keyvaults/" + kv + "/keys/expired/unwrapkey", body).isError(409, "KeyExpired"));
        assertTrue(admin().post("/api/keyvaults/" + kv + "/keys/future/unwrapkey", body).isError(409, "KeyNotYetValid"));
    }

    @Test
    void softDeletedKey_keepsItsName_andRecoversWithAllVersions() {
        String kv = newKeyVault(",\"softDeleteRetentionDays\":7");
        JsonObject first = createKey(kv, "k", "{\"kty\":\"RSA\"}");
        admin().post("/api/keyvaults/" + kv + "/keys/k/rotate", "");

        Api.Response deleted = admin().delete("/api/keyvaults/" + kv + "/keys/k");
        assertEquals(200, deleted.status(), deleted.toString());
        JsonObject bundle = deleted.json();
        assertTrue(bundle.getString("recoveryId").endsWith("/deletedkeys/k"));
        assertEquals(7 * 86400, bundle.getJsonNumber("scheduledPurgeDate").longValue() - bundle.getJsonNumber("deletedDate").longValue());

        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/k").isError(404, "NotFound"));
        assertTrue(admin().post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}").isError(409, "Conflict"));
        assertEquals(1, admin().get("/api/keyvaults/" + kv + "/deletedkeys").json().getJsonArray("value").size());
        assertEquals(200, admin().get("/api/keyvaults/" + kv + "/deletedkeys/k").status());

        Api.Response recovered = admin().post("/api/keyvaults/" + kv + "/deletedkeys/k/recover", "");
        assertEquals(200, recovered.status(), recovered.toString());
        assertEquals(2, admin().get("/api/keyvaults/" + kv + "/keys/k/versions").json().getJsonArray("value").size());
        assertEquals(200, admin().get("/api/keyvaults/" + kv + "/keys/k/" + version(first)).status());
        assertTrue(admin().get("/api/keyvaults/" + kv + "/deletedkeys/k").isError(404, "NotFound"));
    }

    @Test
    void purge_underPurgeProtection_is409_andWithoutIt_freesTheName() {
        String protectedKv = newKeyVault(",\"purgeProtectionEnabled\":true");
        createKey(protectedKv, "k", "{\"kty\":\"RSA\"}");
        admin().delete("/api/keyvaults/" + protectedKv + "/keys/k");
        Api.Response refused = admin().delete("/api/keyvaults/" + protectedKv + "/deletedkeys/k");
        assertTrue(refused.isError(409, "Conflict"), refused.toString());
        assertEquals(200, admin().get("/api/keyvaults/" + protectedKv + "/deletedkeys/k").status());

        String plainKv = newKeyVault("");
        createKey(plainKv, "k", "{\"kty\":\"RSA\"}");
        admin().delete("/api/keyvaults/" + plainKv + "/keys/k");
        assertEquals(204, admin().delete("/api/keyvaults/" + plainKv + "/deletedkeys/k").status());
        assertTrue(admin().get("/api/keyvaults/" + plainKv + "/deletedkeys/k").isError(404, "NotFound"));
        createKey(plainKv, "k", "{\"kty\":\"RSA\"}");
    }

    @Test
    void delete_withoutSoftDelete_removesAtOnce() {
        String kv = newKeyVault(",\"softDeleteEnabled\":false");
        createKey(kv, "k", "{\"kty\":\"RSA\"}");
        Api.Response deleted = admin().delete("/api/keyvaults/" + kv + "/keys/k");
        assertEquals(200, deleted.status(), deleted.toString());
        assertFalse(deleted.json().containsKey("recoveryId"));
        assertTrue(admin().get("/api/keyvaults/" + kv + "/deletedkeys/k").isError(404, "NotFound"));
        createKey(kv, "k", "{\"kty\":\"RSA\"}");
    }

    @Test
    void unknownKeyVaultKeyOrVersion_is404() {
        String kv = newKeyVault("");
        assertTrue(admin().get("/api/keyvaults/" + Names.unique("kv") + "/keys/k").isError(404, "NotFound"));
        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/nothing").isError(404, "NotFound"));
        createKey(kv, "k", "{\"kty\":\"RSA\"}");
        assertTrue(admin().get("/api/keyvaults/" + kv + "/keys/k/" + "0".repeat(32)).isError(404, "NotFound"));
    }
}
