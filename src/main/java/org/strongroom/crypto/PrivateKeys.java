package org.strongroom.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Reads a customer's RSA private key — the key-encryption key they imported (BYOK) — for offline
 * recovery: PEM in PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), or a
 * JWK with its private parts ({@code {"kty":"RSA","n","e","d","p","q","dp","dq","qi"}}). Answers the
 * PKCS#8 encoding that {@link Rsa#unwrap} takes.
 */
public final class PrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");

    private PrivateKeys() {
    }

    /** The key in {@code text}; {@link IllegalArgumentException} says why it is not a usable RSA private key. */
    public static KeyMaterial read(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return fromJwk(trimmed);
        }
        Matcher pem = PEM.matcher(trimmed);
        if (!pem.find()) {
            throw new IllegalArgumentException("Not an RSA private key: expected PEM (BEGIN PRIVATE KEY or BEGIN RSA "
                    + "PRIVATE KEY) or a JWK with private parts");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
        if (pem.group(1) == null) {
            return check(KeyMaterial.wrap(der));
        }
        try {
            RSAPrivateKey pkcs1 = RSAPrivateKey.getInstance(der);
            PrivateKeyInfo pkcs8 = new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), pkcs1);
            return check(KeyMaterial.wrap(pkcs8.getEncoded()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The PEM RSA private key is not readable: " + e.getMessage());
        }
    }

    private static KeyMaterial fromJwk(String text) {
        JsonObject jwk;
        try (var reader = Json.createReader(new StringReader(text))) {
            jwk = reader.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("The JWK is not a JSON object");
        }
        if (!"RSA".equals(jwk.getString("kty", null)) && !"RSA-HSM".equals(jwk.getString("kty", null))) {
            throw new IllegalArgumentException("The JWK is not an RSA key (kty " + jwk.getString("kty", "missing") + ")");
        }
        RsaKeyPair pair = Rsa.fromComponents(part(jwk, "n"), part(jwk, "e"), part(jwk, "d"), part(jwk, "p"),
                part(jwk, "q"), part(jwk, "dp"), part(jwk, "dq"), part(jwk, "qi"));
        return pair.privateKeyPkcs8();
    }

    private static BigInteger part(JsonObject jwk, String name) {
        String value = jwk.getString(name, null);
        return value == null ? null : new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static KeyMaterial check(KeyMaterial pkcs8) {
        try {
            java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8.bytes()));
            return pkcs8;
        } catch (java.security.GeneralSecurityException e) {
            pkcs8.close();
            throw new IllegalArgumentException("The PEM key is not an RSA private key");
        }
    }
}
