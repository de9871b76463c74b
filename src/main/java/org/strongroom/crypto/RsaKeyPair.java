package org.strongroom.crypto;

import java.math.BigInteger;

/**
 * An RSA key: its public parts and its private key as a PKCS#8 encoding. Close it to zero the private
 * encoding. Only the public parts may leave Strongroom.
 */
public record RsaKeyPair(BigInteger modulus, BigInteger publicExponent, KeyMaterial privateKeyPkcs8)
        implements AutoCloseable {

    public int bits() {
        return modulus.bitLength();
    }

    @Override
    public void close() {
        privateKeyPkcs8.close();
    }

    @Override
    public String toString() {
        return "RsaKeyPair[" + bits() + " bits]";
    }
}
