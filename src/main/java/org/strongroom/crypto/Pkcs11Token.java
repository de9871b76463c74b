package org.strongroom.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.security.auth.login.FailedLoginException;
import javax.crypto.SecretKey;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;

/**
 * RSA keys on a PKCS#11 token (an HSM), through the JDK's SunPKCS11 provider: the private key never
 * leaves the token.
 *
 * <p>Unwrapping is RSA-OAEP with SHA-256 and MGF1-SHA-256, as key vaults define {@code RSA-OAEP-256}. The
 * JDK 17 SunPKCS11 provider has no OAEP ({@code CKM_RSA_PKCS_OAEP}) mechanism, so the token performs the
 * raw private-key operation ({@code CKM_RSA_X_509}: {@code c^d mod n}) and the OAEP decoding — hash check,
 * padding, seed and mask — is done here by BouncyCastle's {@link OAEPEncoding}, which checks the encoded
 * block in constant time and answers every malformed one alike. This is safe: what leaves the token is
 * the OAEP-encoded block of a value the caller was about to receive anyway, never key material; the
 * token enforces the key's use (decrypt) and its login. Wrapping is a public-key operation, done here
 * with the key's certificate.
 *
 * <p>Keys are found by label ({@code CKA_LABEL}) as the PKCS#11 KeyStore lists them: a private key with a
 * certificate object of the same {@code CKA_ID} (the JDK's KeyStore lists no private key without one). The
 * certificate gives the public key; a certificate that does not match the private key fails the first
 * wrap-and-unwrap round trip.
 */
public final class Pkcs11Token {

    private final Provider provider;
    private final KeyStore keys;
    private final char[] pin;

    /** An RSA key on the token: its label, certificate and the handle of its private key. */
    public record TokenKey(String label, X509Certificate certificate, PrivateKey privateKey) {

        public RSAPublicKey publicKey() {
            return (RSAPublicKey) certificate.getPublicKey();
        }

        public int bits() {
            return publicKey().getModulus().bitLength();
        }

        /** Whether the private key's value can leave the token (neither sensitive nor unextractable): it must not. */
        public boolean extractable() {
            return privateKey.getEncoded() != null;
        }

        /** Names this key's material: the first 16 hex digits of its certificate's SHA-256 fingerprint. */
        public String fingerprint() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).substring(0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The key's certificate cannot be read", e);
            }
        }

        public Instant notBefore() {
            return certificate.getNotBefore().toInstant();
        }

        public Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }

    private Pkcs11Token(Provider provider, KeyStore keys, char[] pin) {
        this.provider = provider;
        this.keys = keys;
        this.pin = pin.clone();
    }

    /**
     * Opens the token in slot {@code slotListIndex} of the PKCS#11 module {@code modulePath} and logs in
     * with {@code pin}.
     *
     * @throws IllegalStateException if the module cannot be loaded, or the token refuses the PIN
     */
    public static Pkcs11Token open(String name, String modulePath, int slotListIndex, char[] pin) {
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure("--name=" + name.replaceAll("[^A-Za-z0-9-]", "-")
                    + "\nlibrary=" + modulePath + "\nslotListIndex=" + slotListIndex + "\n");
        } catch (ProviderException | IllegalArgumentException e) {
            throw new IllegalStateException("PKCS#11 module " + modulePath + " (slot " + slotListIndex + ") cannot be used: "
                    + e.getMessage(), e);
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS11", provider);
            keys.load(null, pin);
            return new Pkcs11Token(provider, keys, pin);
        } catch (IOException e) {
            if (e.getCause() instanceof FailedLoginException) {
                throw new LoginRefusedException("The token in slot " + slotListIndex + " of " + modulePath + " refused the PIN", e);
            }
            throw new IllegalStateException("The token in slot " + slotListIndex + " of " + modulePath + " cannot be opened: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException("The token in slot " + slotListIndex + " of " + modulePath + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    /** The token refused the PIN: a credential to correct, not a token away. */
    public static final class LoginRefusedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        LoginRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The RSA key labelled {@code label}, as the token holds it now; empty if there is none. */
    public Optional<TokenKey> key(String label) {
        try {
            synchronized (keys) {
                keys.load(null, pin); // objects made or removed on the token since are seen
                Key key = keys.getKey(label, null);
                Certificate certificate = keys.getCertificate(label);
                if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)
                        || !(x509.getPublicKey() instanceof RSAPublicKey)) {
                    return Optional.empty();
                }
                return Optional.of(new TokenKey(label, x509, privateKey));
            }
        } catch (GeneralSecurityException | IOException | ProviderException e) {
            throw new IllegalStateException("The token's keys cannot be read: " + e.getMessage(), e);
        }
    }

    /** The secret (AES) key labelled {@code label}, a handle to it on the token; empty if there is none. */
    public Optional<SecretKey> secretKey(String label) {
        try {
            synchronized (keys) {
                return keys.getKey(label, null) instanceof SecretKey secret ? Optional.of(secret) : Optional.empty();
            }
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException("The token's keys cannot be read: " + e.getMessage(), e);
        }
    }

    /** The token's provider, for ciphers on its keys (within this package). */
    Provider provider() {
        return provider;
    }

    /** {@code secret} wrapped with RSA-OAEP-256 under the key's public key. */
    public byte[] wrap(TokenKey key, byte[] secret) {
        return Rsa.wrap(key.publicKey().getModulus(), key.publicKey().getPublicExponent(), WrapAlgorithm.RSA_OAEP_256, secret);
    }

    /**
     * {@code wrapped} unwrapped by the key on the token (RSA-OAEP-256, decoded here). A value not wrapped
     * under this key fails with {@link IntegrityException}. Close the result.
     */
    public KeyMaterial unwrap(TokenKey key, byte[] wrapped) {
        OAEPEncoding oaep = new OAEPEncoding(new OnToken(key), new SHA256Digest(), new SHA256Digest(), null);
        oaep.init(false, null);
        try {
            return KeyMaterial.wrap(oaep.processBlock(wrapped, 0, wrapped.length));
        } catch (InvalidCipherTextException e) {
            throw new IntegrityException("The value cannot be unwrapped with this key");
        }
    }

    /** The raw RSA private-key operation, performed by the token, as BouncyCastle's OAEP decoding calls it. */
    private final class OnToken implements AsymmetricBlockCipher {

        private final TokenKey key;
        private final int length;

        OnToken(TokenKey key) {
            this.key = key;
            this.length = (key.bits() + 7) / 8;
        }

        @Override
        public void init(boolean forEncryption, CipherParameters parameters) {
            if (forEncryption) {
                throw new IllegalArgumentException("The token only decrypts here");
            }
        }

        @Override
        public int getInputBlockSize() {
            return length;
        }

        /** As BouncyCastle's RSA engines answer for decryption: one byte short of the modulus. */
        @Override
        public int getOutputBlockSize() {
            return length - 1;
        }

        @Override
        public byte[] processBlock(byte[] in, int offset, int count) throws InvalidCipherTextException {
            if (count != length || new BigInteger(1, Arrays.copyOfRange(in, offset, offset + count))
                    .compareTo(key.publicKey().getModulus()) >= 0) {
                throw new InvalidCipherTextException("not a value wrapped under this key");
            }
            byte[] block;
            try {
                Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding", provider);
                raw.init(Cipher.DECRYPT_MODE, key.privateKey());
                block = raw.doFinal(in, offset, count);
            } catch (GeneralSecurityException | ProviderException e) {
                throw new IllegalStateException("The token did not decrypt: " + e.getMessage(), e);
            }
            // The encoded block's first byte is zero: hand on the rest, as the decoding expects it.
            return block.length == length && block[0] == 0 ? Arrays.copyOfRange(block, 1, length) : block;
        }
    }
}
