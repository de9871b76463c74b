package org.strongroom.support;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;

/** RSA keys a customer holds themselves (BYOK): generated here, imported as JWK, kept as PEM for recovery. */
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

    /** Base64url without padding of an unsigned big-endian integer, as JWK writes it. */
    public static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
