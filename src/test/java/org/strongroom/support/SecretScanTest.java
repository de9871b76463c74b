package org.strongroom.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The scanner the secret scans rely on finds a planted secret in every form it could leak in. */
class SecretScanTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void plantedSecret_isFoundRawHexAndBase64AtEveryAlignment() {
        byte[] secret = random(32);
        Map<String, byte[]> needles = SecretScan.needles("data key", secret);
        List<byte[]> plantings = new java.util.ArrayList<>(List.of(
                concat(random(100), secret, random(100)),
                ascii("key=" + HexFormat.of().formatHex(secret) + ";"),
                ascii("KEY=" + HexFormat.of().withUpperCase().formatHex(secret))));
        for (int prefix = 0; prefix < 3; prefix++) {
            byte[] embedded = concat(random(prefix), secret, random(5));
            plantings.add(ascii("{\"blob\":\"" + Base64.getEncoder().encodeToString(embedded) + "\"}"));
            plantings.add(ascii("k=" + Base64.getUrlEncoder().withoutPadding().encodeToString(embedded)));
        }
        for (byte[] planted : plantings) {
            assertFalse(SecretScan.found(planted, needles).isEmpty(), new String(planted, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void rsaKeyInPkcs8Pem_isFoundByItsPrivateParts() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, ascii("\n")).encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, byte[]> needles = new java.util.LinkedHashMap<>(SecretScan.needles("d", key.getPrivateExponent()));
        needles.putAll(SecretScan.needles("p", key.getPrimeP()));
        assertTrue(SecretScan.found(ascii(pem), needles).size() >= 2, "d and p are found in the PEM");
        // And in a JSON string holding the PEM, its line breaks escaped.
        String json = "{\"pem\":\"" + pem.replace("\n", "\\n") + "\"}";
        assertTrue(SecretScan.found(ascii(json), needles).size() >= 2, "d and p are found in a JSON-escaped PEM");
    }

    @Test
    void secretNumber_isFoundInDecimal() {
        java.math.BigInteger value = new java.math.BigInteger(1, random(64));
        assertTrue(SecretScan.contains(ascii("n=" + value), SecretScan.needles("q", value).get("q decimal")));
    }

    @Test
    void dataWithoutTheSecret_isClean() {
        Map<String, byte[]> needles = SecretScan.needles("data key", random(32));
        byte[] other = random(1 << 20);
        assertEquals(List.of(), SecretScan.found(concat(other, ascii(Base64.getEncoder().encodeToString(other))), needles));
    }
}
