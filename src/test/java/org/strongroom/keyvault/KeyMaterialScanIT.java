package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SecretScan;

/**
 * Private key material is encrypted at rest and never logged: after importing a known key (BYOK),
 * creating others and using them, no table of the database and no line of the server log holds any
 * private part of the imported key in any common encoding.
 */
@ExtendWith(ArquillianExtension.class)
class KeyMaterialScanIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Names.class, KeyVaults.class, SecretScan.class);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void databaseAndServerLog_holdNoPrivateKeyBytes() throws Exception {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());
        KeyVaults.grantAll(admin, admin, kv);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + b64url(SecretScan.unsigned(k.getModulus())) + "\",\"e\":\"AQAB\",\"d\":\""
                + b64url(SecretScan.unsigned(k.getPrivateExponent())) + "\",\"p\":\"" + b64url(SecretScan.unsigned(k.getPrimeP()))
                + "\",\"q\":\"" + b64url(SecretScan.unsigned(k.getPrimeQ())) + "\",\"dp\":\"" + b64url(SecretScan.unsigned(k.getPrimeExponentP()))
                + "\",\"dq\":\"" + b64url(SecretScan.unsigned(k.getPrimeExponentQ())) + "\",\"qi\":\"" + b64url(SecretScan.unsigned(k.getCrtCoefficient())) + "\"}";
        assertEquals(200, admin.put("/api/keyvaults/" + kv + "/keys/byok", "{\"key\":" + jwk + "}").status());
        admin.post("/api/keyvaults/" + kv + "/keys/generated/create", "{\"kty\":\"RSA\"}");
        admin.post("/api/keyvaults/" + kv + "/keys/generated/rotate", "");
        String wrapped = admin.post("/api/keyvaults/" + kv + "/keys/byok/wrapkey",
                "{\"value\":\"" + b64url(new byte[32]) + "\"}").json().getString("value");
        assertEquals(200, admin.post("/api/keyvaults/" + kv + "/keys/byok/unwrapkey", "{\"value\":\"" + wrapped + "\"}").status());
        admin.put("/api/keyvaults/" + kv + "/keys/bad", "{\"key\":" + jwk.replace("\"e\":\"AQAB\"", "\"e\":\"Aw\"") + "}");

        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.putAll(SecretScan.needles("d", k.getPrivateExponent()));
        needles.putAll(SecretScan.needles("p", k.getPrimeP()));
        needles.putAll(SecretScan.needles("q", k.getPrimeQ()));
        needles.putAll(SecretScan.needles("dp", k.getPrimeExponentP()));
        needles.putAll(SecretScan.needles("dq", k.getPrimeExponentQ()));
        needles.putAll(SecretScan.needles("qi", k.getCrtCoefficient()));

        List<byte[]> cells = SecretScan.everyCell(database);
        assertTrue(cells.stream().anyMatch(cell -> SecretScan.contains(cell, SecretScan.unsigned(k.getModulus()))),
                "the scan must reach the key rows: the public modulus is stored");
        byte[] log = Files.readAllBytes(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        // One pass per haystack: found() folds its line breaks once, not once per needle.
        for (byte[] cell : cells) {
            assertTrue(SecretScan.found(cell, needles).isEmpty(), "database holds " + SecretScan.found(cell, needles));
        }
        assertTrue(SecretScan.found(log, needles).isEmpty(), "server log holds " + SecretScan.found(log, needles));
    }
}
