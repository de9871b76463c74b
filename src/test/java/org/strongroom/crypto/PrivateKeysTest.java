package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * Private keys as customers bring them: PKCS#8 and PKCS#1 PEM and JWK read to the same checked key; encrypted or
 * public keys refused saying what to do.
 */
class PrivateKeysTest {

    private static final RsaKeyPair PAIR = Rsa.generate(2048);
    private static final byte[] SECRET = DataKeys.generate().bytes();

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void assertOpens(KeyMaterial key) {
        byte[] wrapped = Rsa.wrap(PAIR.modulus(), PAIR.publicExponent(), WrapAlgorithm.RSA_OAEP_256, SECRET);
        assertArrayEquals(SECRET, Rsa.unwrap(key, WrapAlgorithm.RSA_OAEP_256, wrapped).bytes());
    }

    @Test
    void pkcs8Pem_isRead() {
        assertOpens(PrivateKeys.read(pem("PRIVATE KEY", PAIR.privateKeyPkcs8().bytes())));
    }

    @Test
    void pkcs1Pem_isRead() throws Exception {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(PAIR.privateKeyPkcs8().bytes()).parsePrivateKey().toASN1Primitive().getEncoded();
        assertOpens(PrivateKeys.read(pem("RSA PRIVATE KEY", pkcs1)));
    }

    @Test
    void jwkWithPrivateParts_isRead() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(PAIR.privateKeyPkcs8().bytes()));
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent())
                + "\",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\"" + b64(key.getPrimeP()) + "\",\"q\":\""
                + b64(key.getPrimeQ()) + "\",\"dp\":\"" + b64(key.getPrimeExponentP()) + "\",\"dq\":\""
                + b64(key.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(key.getCrtCoefficient()) + "\"}";
        assertOpens(PrivateKeys.read(jwk));
    }

    @Test
    void readPem_ofPkcs8AndPkcs1_givesTheSameCheckedKey() throws Exception {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(PAIR.privateKeyPkcs8().bytes()).parsePrivateKey().toASN1Primitive().getEncoded();
        try (RsaKeyPair fromPkcs8 = PrivateKeys.readPem(pem("PRIVATE KEY", PAIR.privateKeyPkcs8().bytes()));
             RsaKeyPair fromPkcs1 = PrivateKeys.readPem(pem("RSA PRIVATE KEY", pkcs1))) {
            assertEquals(PAIR.modulus(), fromPkcs8.modulus());
            assertEquals(PAIR.modulus(), fromPkcs1.modulus());
            assertOpens(fromPkcs1.privateKeyPkcs8());
        }
    }

    @Test
    void readPem_ofAnEncryptedOrPublicKey_isRefusedSayingWhatToDo() {
        String encrypted = assertThrows(IllegalArgumentException.class,
                () -> PrivateKeys.readPem(pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}))).getMessage();
        assertTrue(encrypted.contains("openssl pkey"), encrypted);
        String publicKey = assertThrows(IllegalArgumentException.class,
                () -> PrivateKeys.readPem(pem("PUBLIC KEY", new byte[] {1, 2, 3}))).getMessage();
        assertTrue(publicKey.contains("public key"), publicKey);
    }

    @Test
    void publicOnlyJwk_orGarbage_isRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.read("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}"));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.read("hello"));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.read(pem("PRIVATE KEY", new byte[] {1, 2, 3})));
    }

    private static String b64(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
