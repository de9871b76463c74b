package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.SignedTokens.RsaPublicKey;

/** Signed tokens: RS256 only, checked against the key their kid names; anything altered or foreign is refused. */
class SignedTokensTest {

    private static final RsaKeyPair KEY = Rsa.generate(2048);
    private static final RsaKeyPair OTHER = Rsa.generate(2048);
    private static final Instant EXP = Instant.parse("2026-12-02T10:00:00Z");

    private static Optional<RsaPublicKey> known(String keyId) {
        return keyId.equals("k1") ? Optional.of(new RsaPublicKey(KEY.modulus(), KEY.publicExponent())) : Optional.empty();
    }

    @Test
    void signedToken_verifies_withItsClaims() {
        String token = SignedTokens.sign(KEY.privateKeyPkcs8(), "k1", Map.of("oid", "p1", "exp", EXP));
        Map<String, Object> claims = SignedTokens.verify(token, SignedTokensTest::known).orElseThrow();
        assertEquals("p1", claims.get("oid"));
        assertEquals(EXP, claims.get("exp"));
    }

    @Test
    void tokenSignedByAnotherKey_orNamingAnUnknownKey_isRefused() {
        assertTrue(SignedTokens.verify(SignedTokens.sign(OTHER.privateKeyPkcs8(), "k1", Map.of("oid", "p1")), SignedTokensTest::known).isEmpty());
        assertTrue(SignedTokens.verify(SignedTokens.sign(KEY.privateKeyPkcs8(), "k2", Map.of("oid", "p1")), SignedTokensTest::known).isEmpty());
    }

    @Test
    void alteredClaims_orAlgNoneOrHs256_areRefused() {
        String token = SignedTokens.sign(KEY.privateKeyPkcs8(), "k1", Map.of("oid", "p1"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64("{\"oid\":\"admin\"}") + "." + parts[2];
        assertTrue(SignedTokens.verify(forged, SignedTokensTest::known).isEmpty());
        String none = b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + parts[1] + ".";
        assertTrue(SignedTokens.verify(none, SignedTokensTest::known).isEmpty());
        String hmac = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + parts[1] + "." + parts[2];
        assertTrue(SignedTokens.verify(hmac, SignedTokensTest::known).isEmpty());
        assertTrue(SignedTokens.verify("not a token", SignedTokensTest::known).isEmpty());
    }

    @Test
    void jwk_publishesThePublicPartsOnly() {
        Map<String, Object> jwk = SignedTokens.jwk(new RsaPublicKey(KEY.modulus(), KEY.publicExponent()), "k1");
        assertEquals("RSA", jwk.get("kty"));
        assertEquals("k1", jwk.get("kid"));
        assertEquals("RS256", jwk.get("alg"));
        assertEquals(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", "k1").keySet().size() + 2, jwk.size(), jwk.toString());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
