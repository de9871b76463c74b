package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/** RSA keys a customer holds themselves (BYOK): generated here, imported as JWK or PEM, kept as PEM for recovery. */
public final class CustomerKeys {

    private CustomerKeys() {
    }

    public static RSAPrivateCrtKey generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as a JWK with its private parts, for a key vault's import. */
    public static String jwk(RSAPrivateCrtKey k) {
        return "{\"kty\":\"RSA\",\"n\":\"" + b64(k.getModulus()) + "\",\"e\":\"" + b64(k.getPublicExponent())
                + "\",\"d\":\"" + b64(k.getPrivateExponent()) + "\",\"p\":\"" + b64(k.getPrimeP())
                + "\",\"q\":\"" + b64(k.getPrimeQ()) + "\",\"dp\":\"" + b64(k.getPrimeExponentP())
                + "\",\"dq\":\"" + b64(k.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(k.getCrtCoefficient()) + "\"}";
    }

    /** The key as PEM (PKCS#8), as a customer keeps it. */
    public static String pem(RSAPrivateCrtKey k) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(k.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The key as PEM in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), as {@code openssl genrsa -traditional} writes it. */
    public static String pkcs1Pem(RSAPrivateCrtKey k) {
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(k.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
                    + "\n-----END RSA PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64url without padding of an unsigned big-endian integer, as JWK writes it. */
    public static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
