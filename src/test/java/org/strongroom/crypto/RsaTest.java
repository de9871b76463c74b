package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.junit.jupiter.api.Test;

/**
 * RSA key-wrapping: RSA-OAEP-256 as plain JCE does it, the OAEP length bounds, wrong keys and tampered values
 * fail, key parts are checked for consistency.
 */
class RsaTest {

    private static final byte[] DATA_KEY = new byte[32];

    static {
        for (int i = 0; i < DATA_KEY.length; i++) {
            DATA_KEY[i] = (byte) (i * 7 + 1);
        }
    }

    private static RSAPrivateCrtKey crt(RsaKeyPair pair) throws Exception {
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPkcs8().bytes()));
    }

    @Test
    void generate_supportsTheThreeSizes_andRefusesOthers() {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            assertEquals(2048, pair.bits());
            assertEquals(BigInteger.valueOf(65537), pair.publicExponent());
        }
        assertThrows(IllegalArgumentException.class, () -> Rsa.generate(1024));
        assertThrows(IllegalArgumentException.class, () -> Rsa.generate(2047));
    }

    @Test
    void wrapThenUnwrap_returnsTheSecret_forBothAlgorithms() {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            for (WrapAlgorithm algorithm : WrapAlgorithm.values()) {
                byte[] wrapped = Rsa.wrap(pair.modulus(), pair.publicExponent(), algorithm, DATA_KEY);
                assertEquals(256, wrapped.length);
                try (KeyMaterial unwrapped = Rsa.unwrap(pair.privateKeyPkcs8(), algorithm, wrapped)) {
                    assertArrayEquals(DATA_KEY, unwrapped.bytes());
                }
            }
        }
    }

    @Test
    void rsaOaep256_isSha256WithMgf1Sha256_asPlainJceDoesIt() throws Exception {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            Cipher jce = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jce.init(Cipher.ENCRYPT_MODE,
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(pair.modulus(), pair.publicExponent())),
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] wrappedByJce = jce.doFinal(DATA_KEY);
            try (KeyMaterial unwrapped = Rsa.unwrap(pair.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP_256, wrappedByJce)) {
                assertArrayEquals(DATA_KEY, unwrapped.bytes());
            }
            assertThrows(IntegrityException.class,
                    () -> Rsa.unwrap(pair.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP, wrappedByJce));
        }
    }

    @Test
    void unwrap_withAnotherKey_fails() {
        try (RsaKeyPair one = Rsa.generate(2048); RsaKeyPair other = Rsa.generate(2048)) {
            byte[] wrapped = Rsa.wrap(one.modulus(), one.publicExponent(), WrapAlgorithm.RSA_OAEP_256, DATA_KEY);
            assertThrows(IntegrityException.class,
                    () -> Rsa.unwrap(other.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP_256, wrapped));
        }
    }

    @Test
    void tamperedWrappedValue_fails() {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            byte[] wrapped = Rsa.wrap(pair.modulus(), pair.publicExponent(), WrapAlgorithm.RSA_OAEP_256, DATA_KEY);
            wrapped[10] ^= 1;
            assertThrows(IntegrityException.class,
                    () -> Rsa.unwrap(pair.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP_256, wrapped));
        }
    }

    @Test
    void wrap_ofTooMuchOrNothing_isRefused() {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            assertThrows(IllegalArgumentException.class, () -> Rsa.wrap(pair.modulus(), pair.publicExponent(),
                    WrapAlgorithm.RSA_OAEP_256, new byte[Rsa.maxWrapLength(2048, WrapAlgorithm.RSA_OAEP_256) + 1]));
            assertThrows(IllegalArgumentException.class,
                    () -> Rsa.wrap(pair.modulus(), pair.publicExponent(), WrapAlgorithm.RSA_OAEP_256, new byte[0]));
        }
    }

    @Test
    void fromComponents_ofAConsistentKey_isTheSameKey() throws Exception {
        try (RsaKeyPair original = Rsa.generate(2048)) {
            RSAPrivateCrtKey k = crt(original);
            try (RsaKeyPair imported = Rsa.fromComponents(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                    k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient())) {
                byte[] wrapped = Rsa.wrap(original.modulus(), original.publicExponent(), WrapAlgorithm.RSA_OAEP_256, DATA_KEY);
                try (KeyMaterial unwrapped = Rsa.unwrap(imported.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP_256, wrapped)) {
                    assertArrayEquals(DATA_KEY, unwrapped.bytes());
                }
            }
        }
    }

    @Test
    void fromComponents_withMissingOrMismatchedParts_isRefused() throws Exception {
        try (RsaKeyPair a = Rsa.generate(2048); RsaKeyPair b = Rsa.generate(2048)) {
            RSAPrivateCrtKey k = crt(a);
            RSAPrivateCrtKey other = crt(b);
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Rsa.fromComponents(
                    k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), null, null, null, null, null));
            assertTrue(missing.getMessage().contains("[p, q, dp, dq, qi]"), missing.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Rsa.fromComponents(k.getModulus(), k.getPublicExponent(),
                    other.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                    k.getPrimeExponentQ(), k.getCrtCoefficient()));
        }
    }

    @Test
    void fromComponents_ofA1024BitKey_isRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Rsa.fromComponents(
                k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()));
        assertTrue(refused.getMessage().contains("1024"), refused.getMessage());
    }

    @Test
    void maxWrapLength_isOaepsBound_andExactlyThatMuchWraps() {
        assertEquals(190, Rsa.maxWrapLength(2048, WrapAlgorithm.RSA_OAEP_256));
        assertEquals(214, Rsa.maxWrapLength(2048, WrapAlgorithm.RSA_OAEP));
        assertEquals(318, Rsa.maxWrapLength(3072, WrapAlgorithm.RSA_OAEP_256));
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            byte[] largest = new byte[190];
            java.util.Arrays.fill(largest, (byte) 5);
            byte[] wrapped = Rsa.wrap(pair.modulus(), pair.publicExponent(), WrapAlgorithm.RSA_OAEP_256, largest);
            try (KeyMaterial back = Rsa.unwrap(pair.privateKeyPkcs8(), WrapAlgorithm.RSA_OAEP_256, wrapped)) {
                assertArrayEquals(largest, back.bytes());
            }
        }
    }

    @Test
    void generate_makesAKeyOfTheRequestedSize_withExponent65537() {
        try (RsaKeyPair pair = Rsa.generate(3072)) {
            assertEquals(3072, pair.bits());
            assertEquals(java.math.BigInteger.valueOf(65537), pair.publicExponent());
        }
    }

    @Test
    void fromComponents_withExponent3_isAccepted_andAZeroPartIsNamedMissing() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(new java.security.spec.RSAKeyGenParameterSpec(2048, java.math.BigInteger.valueOf(3)));
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        try (RsaKeyPair pair = Rsa.fromComponents(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient())) {
            assertEquals(java.math.BigInteger.valueOf(3), pair.publicExponent());
        }
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Rsa.fromComponents(k.getModulus(),
                k.getPublicExponent(), java.math.BigInteger.ZERO, k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                k.getPrimeExponentQ(), k.getCrtCoefficient()));
        assertEquals("The RSA key lacks the private parts [d]", zero.getMessage());
    }

    @Test
    void closedKeyPair_zeroesItsPrivateEncoding_andAlgorithmsKeepTheirJwaNames() {
        RsaKeyPair pair = Rsa.generate(2048);
        pair.close();
        assertThrows(IllegalStateException.class, () -> pair.privateKeyPkcs8().bytes());
        assertEquals("RSA-OAEP-256", WrapAlgorithm.RSA_OAEP_256.jwaName());
        assertEquals(WrapAlgorithm.RSA_OAEP, WrapAlgorithm.of("RSA-OAEP"));
        assertThrows(IllegalArgumentException.class, () -> WrapAlgorithm.of("RSA1_5"));
    }

    @Test
    void encryptAndDecrypt_roundTripWithEveryAlgorithm_andOtherAlgorithmOrKeyNeverOpens() {
        byte[] plaintext = "a block".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RsaKeyPair pair = Rsa.generate(2048); RsaKeyPair other = Rsa.generate(2048)) {
            for (EncryptionAlgorithm algorithm : EncryptionAlgorithm.values()) {
                byte[] ciphertext = Rsa.encrypt(pair.modulus(), pair.publicExponent(), algorithm, plaintext);
                try (KeyMaterial opened = Rsa.decrypt(pair.privateKeyPkcs8(), algorithm, ciphertext)) {
                    assertArrayEquals(plaintext, opened.bytes(), algorithm.jwaName());
                }
                assertDoesNotOpen(other, algorithm, ciphertext, plaintext);
            }
            byte[] oaep = Rsa.encrypt(pair.modulus(), pair.publicExponent(), EncryptionAlgorithm.RSA_OAEP_256, plaintext);
            assertDoesNotOpen(pair, EncryptionAlgorithm.RSA1_5, oaep, plaintext);
        }
    }

    /**
     * OAEP refuses a block made with another key or algorithm; PKCS#1 v1.5 has no integrity check, so about one
     * such block in 256 happens to parse: it may open to noise, never to the plaintext.
     */
    private static void assertDoesNotOpen(RsaKeyPair key, EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] plaintext) {
        if (algorithm != EncryptionAlgorithm.RSA1_5) {
            assertThrows(IntegrityException.class, () -> Rsa.decrypt(key.privateKeyPkcs8(), algorithm, ciphertext),
                    algorithm.jwaName());
            return;
        }
        try (KeyMaterial noise = Rsa.decrypt(key.privateKeyPkcs8(), algorithm, ciphertext)) {
            assertFalse(java.util.Arrays.equals(plaintext, noise.bytes()), "RSA1_5 opened the plaintext with the wrong key");
        } catch (IntegrityException refused) {
            // the usual outcome: the padding does not parse
        }
    }

    @Test
    void encrypt_holdsOneBlock_whoseSizeTheAlgorithmSets() {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            assertEquals(256, Rsa.encrypt(pair.modulus(), pair.publicExponent(), EncryptionAlgorithm.RSA1_5, new byte[245]).length);
            assertThrows(IllegalArgumentException.class,
                    () -> Rsa.encrypt(pair.modulus(), pair.publicExponent(), EncryptionAlgorithm.RSA1_5, new byte[246]));
            assertThrows(IllegalArgumentException.class,
                    () -> Rsa.encrypt(pair.modulus(), pair.publicExponent(), EncryptionAlgorithm.RSA_OAEP, new byte[0]));
        }
        assertEquals(EncryptionAlgorithm.RSA1_5, EncryptionAlgorithm.of("RSA1_5"));
        assertThrows(IllegalArgumentException.class, () -> EncryptionAlgorithm.of("A256GCM"));
    }
}
