package org.strongroom.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JSON Web Tokens, RS256 only (JWS compact form), and the public keys that check them as JWKs —
 * with Nimbus JOSE+JWT, WildFly's own module. Claims are the caller's to set and to judge; this only signs,
 * and says whether a token is untouched and signed by a key {@code keyOf} knows.
 */
public final class SignedTokens {

    private SignedTokens() {
    }

    /** An RS256 token with {@code claims} (an {@link Instant} becomes a NumericDate), its header naming {@code keyId}. */
    public static String sign(KeyMaterial privateKeyPkcs8, String keyId, Map<String, Object> claims) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8.bytes()));
            JWTClaimsSet.Builder body = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> body.claim(name, value instanceof Instant instant ? Date.from(instant) : value));
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(),
                    body.build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Signing a token failed", e);
        }
    }

    /**
     * The claims of {@code token} if it is an RS256 JWS whose signature the key {@code keyOf} finds for its
     * {@code kid} checks, NumericDates as {@link Instant}s; empty for anything else (malformed, another
     * algorithm, unknown key, bad signature).
     */
    public static Optional<Map<String, Object>> verify(String token, Function<String, Optional<RsaPublicKey>> keyOf) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<RsaPublicKey> key = keyOf.apply(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().toJca()))) {
                return Optional.empty();
            }
            Map<String, Object> claims = new HashMap<>();
            jwt.getJWTClaimsSet().getClaims().forEach((name, value) -> claims.put(name, value instanceof Date date ? date.toInstant() : value));
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The JWK of a signing key, as a JWKS lists it ({@code kty, use, alg, kid, n, e}). */
    public static Map<String, Object> jwk(RsaPublicKey key, String keyId) {
        return new RSAKey.Builder(key.toJca()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(keyId)
                .build().toJSONObject();
    }

    /** An RSA public key by its parts. */
    public record RsaPublicKey(BigInteger modulus, BigInteger publicExponent) {

        RSAPublicKey toJca() {
            try {
                return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("Not an RSA public key", e);
            }
        }
    }
}
