package org.strongroom.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
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
 * Reads a customer's RSA private key — the key-encryption key they import (BYOK) and later use for
 * offline recovery: PEM in PKCS#8 ({@code BEGIN PRIVATE KEY}, as {@code openssl genpkey} writes it) or
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), or a JWK with its private parts
 * ({@code {"kty":"RSA","n","e","d","p","q","dp","dq","qi"}}).
 */
public final class PrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");

    private PrivateKeys() {
    }

    /**
     * The key in {@code text} (PEM or JWK) as the PKCS#8 encoding {@link Rsa#unwrap} takes;
     * {@link IllegalArgumentException} says why it is not a usable RSA private key.
     */
    public static KeyMaterial read(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") ? fromJwk(trimmed) : fromPem(trimmed);
    }

    /**
     * The RSA key in a PEM text, its parts checked as an imported JWK's are ({@link Rsa#fromComponents});
     * {@link IllegalArgumentException} says why it cannot be imported.
     */
    public static RsaKeyPair readPem(String text) {
        try (KeyMaterial pkcs8 = fromPem(text.strip())) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8.bytes()));
            return Rsa.fromComponents(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                    key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
                    key.getCrtCoefficient());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("The PEM key is not an RSA private key with its CRT parts");
        }
    }

    private static KeyMaterial fromPem(String trimmed) {
        if (trimmed.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("The PEM private key is encrypted with a passphrase: decrypt it first, "
                    + "e.g. openssl pkey -in key.pem -out plain.pem");
        }
        if (trimmed.contains("-----BEGIN PUBLIC KEY") || trimmed.contains("-----BEGIN RSA PUBLIC KEY")) {
            throw new IllegalArgumentException("This is a public key: the private key is needed (BEGIN PRIVATE KEY "
                    + "or BEGIN RSA PRIVATE KEY)");
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
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8.bytes()));
            return pkcs8;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            pkcs8.close();
            throw new IllegalArgumentException("The PEM key is not an RSA private key");
        }
    }
}
