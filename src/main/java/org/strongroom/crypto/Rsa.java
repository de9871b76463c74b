package org.strongroom.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;

/**
 * RSA keys for key vaults: generation, import of existing keys, and key wrapping with OAEP.
 *
 * <p>Security guarantees: wrapping is RSA-OAEP (SHA-256 by default, see {@link WrapAlgorithm}) with the
 * JDK provider; an imported key is checked to be a consistent RSA key of a supported size before use;
 * a wrapped value that was altered, or is opened with another key, fails with {@link IntegrityException}.
 */
public final class Rsa {

    /** Key sizes a key vault accepts. */
    public static final Set<Integer> SIZES = Set.of(2048, 3072, 4096);

    private static final BigInteger F4 = RSAKeyGenParameterSpec.F4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Rsa() {
    }

    public static RsaKeyPair generate(int bits) {
        requireSupportedSize(bits);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, F4), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
            return new RsaKeyPair(key.getModulus(), key.getPublicExponent(), KeyMaterial.wrap(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    /**
     * An existing RSA key from its components (as in a JWK: n, e, d, p, q, dp, dq, qi).
     *
     * @throws IllegalArgumentException naming what is missing, unsupported or inconsistent
     */
    public static RsaKeyPair fromComponents(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
                                            BigInteger dp, BigInteger dq, BigInteger qi) {
        List<String> missing = new ArrayList<>();
        String[] names = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};
        BigInteger[] values = {n, e, d, p, q, dp, dq, qi};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].signum() <= 0) {
                missing.add(names[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The RSA key lacks the private parts " + missing);
        }
        requireSupportedSize(n.bitLength());
        BigInteger one = BigInteger.ONE;
        BigInteger pMinus1 = p.subtract(one);
        BigInteger qMinus1 = q.subtract(one);
        BigInteger lambda = pMinus1.multiply(qMinus1).divide(pMinus1.gcd(qMinus1));
        boolean consistent = p.multiply(q).equals(n)
                && e.testBit(0) && e.compareTo(BigInteger.valueOf(3)) >= 0
                && e.multiply(d).mod(lambda).equals(one)
                && d.mod(pMinus1).equals(dp)
                && d.mod(qMinus1).equals(dq)
                && qi.multiply(q).mod(p).equals(one);
        if (!consistent) {
            throw new IllegalArgumentException("The RSA key's parts do not belong together");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
            return new RsaKeyPair(n, e, KeyMaterial.wrap(key.getEncoded()));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("The RSA key is not usable", ex);
        }
    }

    /** Wraps (encrypts) a short secret, typically a data key, under the public key {@code (n, e)}. */
    public static byte[] wrap(BigInteger modulus, BigInteger publicExponent, WrapAlgorithm algorithm, byte[] secret) {
        return encrypt(modulus, publicExponent, EncryptionAlgorithm.of(algorithm), secret);
    }

    /** Unwraps a value wrapped under this private key; a wrong key or altered value fails with {@link IntegrityException}. */
    public static KeyMaterial unwrap(KeyMaterial privateKeyPkcs8, WrapAlgorithm algorithm, byte[] wrapped) {
        return decrypt(privateKeyPkcs8, EncryptionAlgorithm.of(algorithm), wrapped);
    }

    /** Encrypts one block, 1 byte up to what the key and algorithm hold, under the public key {@code (n, e)}. */
    public static byte[] encrypt(BigInteger modulus, BigInteger publicExponent, EncryptionAlgorithm algorithm,
                                 byte[] plaintext) {
        int most = algorithm.maxPlaintextLength(modulus.bitLength());
        if (plaintext.length == 0 || plaintext.length > most) {
            throw new IllegalArgumentException("A " + modulus.bitLength() + "-bit key encrypts 1 to " + most
                    + " bytes with " + algorithm.jwaName());
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
            Cipher cipher = Cipher.getInstance(algorithm.transformation());
            cipher.init(Cipher.ENCRYPT_MODE, key, algorithm.parameters(), RANDOM);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA encryption failed", e);
        }
    }

    /**
     * Decrypts one block encrypted under this private key; a wrong key, algorithm or altered value fails
     * with {@link IntegrityException}, the same for every cause. Close the result.
     */
    public static KeyMaterial decrypt(KeyMaterial privateKeyPkcs8, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored RSA private key is unreadable", e);
        }
        try {
            Cipher cipher = Cipher.getInstance(algorithm.transformation());
            cipher.init(Cipher.DECRYPT_MODE, key, algorithm.parameters());
            return KeyMaterial.wrap(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("The value cannot be decrypted with this key and algorithm");
        }
    }

    /** How many bytes OAEP can wrap under a key of {@code bits}. */
    public static int maxWrapLength(int bits, WrapAlgorithm algorithm) {
        return EncryptionAlgorithm.of(algorithm).maxPlaintextLength(bits);
    }

    private static void requireSupportedSize(int bits) {
        if (!SIZES.contains(bits)) {
            throw new IllegalArgumentException("RSA keys of " + bits + " bits are not supported; use 2048, 3072 or 4096");
        }
    }
}
