package org.strongroom.crypto;

import java.io.IOException;
import java.math.BigInteger;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/** Signs digests with an RSA private key and verifies signatures with the public key (BouncyCastle's lightweight API). */
public final class RsaSignatures {

    private RsaSignatures() {
    }

    /** The signature over {@code digest}, which must be as long as the algorithm's hash. */
    public static byte[] sign(KeyMaterial privateKeyPkcs8, SignatureAlgorithm algorithm, byte[] digest) {
        requireDigestLength(algorithm, digest);
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(privateKeyPkcs8.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("Stored RSA private key is unreadable", e);
        }
        Signer signer = signer(algorithm);
        signer.init(true, key);
        signer.update(digest, 0, digest.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    /** Whether {@code signature} is the public key {@code (n, e)}'s signature over {@code digest}. */
    public static boolean verify(BigInteger modulus, BigInteger publicExponent, SignatureAlgorithm algorithm,
                                 byte[] digest, byte[] signature) {
        requireDigestLength(algorithm, digest);
        Signer signer = signer(algorithm);
        signer.init(false, new RSAKeyParameters(false, modulus, publicExponent));
        signer.update(digest, 0, digest.length);
        return signer.verifySignature(signature);
    }

    /** A signer whose input is the digest itself: the hash was computed by the caller. */
    private static Signer signer(SignatureAlgorithm algorithm) {
        if (algorithm.pss()) {
            int saltLength = algorithm.digestLength();
            return PSSSigner.createRawSigner(new RSABlindedEngine(), algorithm.newDigest(), algorithm.newDigest(),
                    saltLength, PSSSigner.TRAILER_IMPLICIT);
        }
        return new RSADigestSigner(new NullDigest(), algorithm.digestOid());
    }

    private static void requireDigestLength(SignatureAlgorithm algorithm, byte[] digest) {
        if (digest.length != algorithm.digestLength()) {
            throw new IllegalArgumentException(algorithm.jwaName() + " signs a " + algorithm.digestLength()
                    + "-byte digest, not " + digest.length + " bytes: hash the data first");
        }
    }
}
