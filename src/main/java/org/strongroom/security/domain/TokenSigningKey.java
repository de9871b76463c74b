package org.strongroom.security.domain;

import java.math.BigInteger;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.strongroom.crypto.SignedTokens.RsaPublicKey;

/**
 * A key that signs access tokens (RS256): its public parts, which the JWKS publishes, and its PKCS#8 private
 * key sealed by the platform master key for {@link #sealingContext()}.
 */
@Entity
@Table(name = "token_signing_key")
public class TokenSigningKey {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(nullable = false)
    private byte[] modulus;

    @Column(name = "public_exponent", nullable = false)
    private byte[] publicExponent;

    @Column(name = "sealed_private_key", nullable = false)
    private byte[] sealedPrivateKey;

    @Column(nullable = false)
    private Instant created;

    protected TokenSigningKey() {
        // for JPA
    }

    public TokenSigningKey(String keyId, BigInteger modulus, BigInteger publicExponent, byte[] sealedPrivateKey, Instant created) {
        this.keyId = keyId;
        this.modulus = modulus.toByteArray();
        this.publicExponent = publicExponent.toByteArray();
        this.sealedPrivateKey = sealedPrivateKey.clone();
        this.created = created;
    }

    /** What the private key is sealed for: the key's own id, so that no sealed value passes for another. */
    public static String sealingContext(String keyId) {
        return "token-signing-key/" + keyId;
    }

    public String keyId() {
        return keyId;
    }

    public RsaPublicKey publicKey() {
        return new RsaPublicKey(new BigInteger(1, modulus), new BigInteger(1, publicExponent));
    }

    public byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }

    public Instant created() {
        return created;
    }
}
