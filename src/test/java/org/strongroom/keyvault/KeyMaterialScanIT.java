package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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

/**
 * Private key material is encrypted at rest and never logged: after importing a known key (BYOK),
 * creating others and using them, no table of the database and no line of the server log holds any
 * private part of the imported key in any common encoding.
 */
@ExtendWith(ArquillianExtension.class)
class KeyMaterialScanIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Names.class, KeyVaults.class);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Every encoding of a secret number we look for: raw bytes, hex, base64, base64url, decimal. */
    private static Map<String, byte[]> needles(String name, BigInteger value) {
        byte[] raw = unsigned(value);
        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.put(name + " raw", raw);
        needles.put(name + " hex", HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " HEX", HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " base64", Base64.getEncoder().encodeToString(raw).replace("=", "").getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " base64url", b64url(raw).getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " decimal", value.toString().getBytes(StandardCharsets.US_ASCII));
        return needles;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Every cell of every table, as bytes. */
    private List<byte[]> everyCell() throws Exception {
        List<byte[]> cells = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
                        continue;
                    }
                    tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME") + "\"");
                }
            }
            assertTrue(tables.size() >= 8, "expected Strongroom's tables, found " + tables);
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            int type = columns.getColumnType(c);
                            byte[] cell = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                                    ? rows.getBytes(c)
                                    : rows.getString(c) == null ? null : rows.getString(c).getBytes(StandardCharsets.UTF_8);
                            if (cell != null) {
                                cells.add(cell);
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void databaseAndServerLog_holdNoPrivateKeyBytes() throws Exception {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        assertEquals(201, admin.put("/api/keyvaults/" + kv, KeyVaults.body("")).status());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + b64url(unsigned(k.getModulus())) + "\",\"e\":\"AQAB\",\"d\":\""
                + b64url(unsigned(k.getPrivateExponent())) + "\",\"p\":\"" + b64url(unsigned(k.getPrimeP()))
                + "\",\"q\":\"" + b64url(unsigned(k.getPrimeQ())) + "\",\"dp\":\"" + b64url(unsigned(k.getPrimeExponentP()))
                + "\",\"dq\":\"" + b64url(unsigned(k.getPrimeExponentQ())) + "\",\"qi\":\"" + b64url(unsigned(k.getCrtCoefficient())) + "\"}";
        assertEquals(200, admin.put("/api/keyvaults/" + kv + "/keys/byok", "{\"key\":" + jwk + "}").status());
        admin.post("/api/keyvaults/" + kv + "/keys/generated/create", "{\"kty\":\"RSA\"}");
        admin.post("/api/keyvaults/" + kv + "/keys/generated/rotate", "");
        String wrapped = admin.post("/api/keyvaults/" + kv + "/keys/byok/wrapkey",
                "{\"value\":\"" + b64url(new byte[32]) + "\"}").json().getString("value");
        assertEquals(200, admin.post("/api/keyvaults/" + kv + "/keys/byok/unwrapkey", "{\"value\":\"" + wrapped + "\"}").status());
        admin.put("/api/keyvaults/" + kv + "/keys/bad", "{\"key\":" + jwk.replace("\"e\":\"AQAB\"", "\"e\":\"Aw\"") + "}");

        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.putAll(needles("d", k.getPrivateExponent()));
        needles.putAll(needles("p", k.getPrimeP()));
        needles.putAll(needles("q", k.getPrimeQ()));
        needles.putAll(needles("dp", k.getPrimeExponentP()));
        needles.putAll(needles("dq", k.getPrimeExponentQ()));
        needles.putAll(needles("qi", k.getCrtCoefficient()));

        List<byte[]> cells = everyCell();
        assertTrue(cells.stream().anyMatch(cell -> contains(cell, unsigned(k.getModulus()))),
                "the scan must reach the key rows: the public modulus is stored");
        byte[] log = Files.readAllBytes(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        for (Map.Entry<String, byte[]> needle : needles.entrySet()) {
            for (byte[] cell : cells) {
                assertTrue(!contains(cell, needle.getValue()), "database holds " + needle.getKey());
            }
            assertTrue(!contains(log, needle.getValue()), "server log holds " + needle.getKey());
        }
    }
}
