package org.strongroom.crypto;

import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The RSA signature algorithms of the key-vault data plane's {@code sign} and {@code verify} (JWA names):
 * PKCS #1 v1.5 ({@code RS…}) and PSS with MGF1 of the same hash and a salt as long as the hash
 * ({@code PS…}). As in Azure Key Vault, the caller hashes: the value signed is the digest.
 */
public enum SignatureAlgorithm {
    RS256("RS256", false, NISTObjectIdentifiers.id_sha256, SHA256Digest::new),
    RS384("RS384", false, NISTObjectIdentifiers.id_sha384, SHA384Digest::new),
    RS512("RS512", false, NISTObjectIdentifiers.id_sha512, SHA512Digest::new),
    PS256("PS256", true, NISTObjectIdentifiers.id_sha256, SHA256Digest::new),
    PS384("PS384", true, NISTObjectIdentifiers.id_sha384, SHA384Digest::new),
    PS512("PS512", true, NISTObjectIdentifiers.id_sha512, SHA512Digest::new);

    private final String jwaName;
    private final boolean pss;
    private final ASN1ObjectIdentifier digestOid;
    private final Supplier<Digest> digest;

    SignatureAlgorithm(String jwaName, boolean pss, ASN1ObjectIdentifier digestOid, Supplier<Digest> digest) {
        this.jwaName = jwaName;
        this.pss = pss;
        this.digestOid = digestOid;
        this.digest = digest;
    }

    public String jwaName() {
        return jwaName;
    }

    /** How many bytes the digest this algorithm signs has. */
    public int digestLength() {
        return digest.get().getDigestSize();
    }

    /** The algorithm of a JWA name; {@code IllegalArgumentException} naming the supported ones otherwise. */
    public static SignatureAlgorithm of(String jwaName) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.jwaName.equals(jwaName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unsupported signature algorithm '" + jwaName
                + "'; use RS256, RS384, RS512, PS256, PS384 or PS512");
    }

    boolean pss() {
        return pss;
    }

    ASN1ObjectIdentifier digestOid() {
        return digestOid;
    }

    Digest newDigest() {
        return digest.get();
    }
}
