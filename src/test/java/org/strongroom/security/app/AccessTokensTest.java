package org.strongroom.security.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which verified tokens the key vaults take: unexpired, already valid, for their resource, tenant and issuer. */
class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String RESOURCE = "https://vault.strongroom.test";
    private static final String TENANT = "6f1c2f5e-0000-4000-8000-000000000001";
    private static final String ISSUER = "https://login.vault.strongroom.test/" + TENANT + "/v2.0";

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", RESOURCE);
        claims.put("iss", ISSUER);
        claims.put("tid", TENANT);
        claims.put("oid", "principal-1");
        claims.put("nbf", NOW.minusSeconds(60));
        claims.put("exp", NOW.plus(Duration.ofHours(1)));
        return claims;
    }

    private static boolean accepted(Map<String, Object> claims) {
        return AccessTokens.accepts(claims, NOW, RESOURCE, TENANT, ISSUER);
    }

    private static Map<String, Object> with(String claim, Object value) {
        Map<String, Object> claims = claims();
        if (value == null) {
            claims.remove(claim);
        } else {
            claims.put(claim, value);
        }
        return claims;
    }

    @Test
    void tokenForTheKeyVaults_ofThisTenant_unexpired_isAccepted() {
        assertTrue(accepted(claims()));
        assertTrue(accepted(with("aud", List.of(RESOURCE))), "an audience list of one");
        assertTrue(accepted(with("exp", NOW.minus(AccessTokens.CLOCK_SKEW).plusSeconds(1))), "within the clock skew");
    }

    @Test
    void expiredToken_isRefused() {
        assertFalse(accepted(with("exp", NOW.minus(AccessTokens.CLOCK_SKEW))));
        assertFalse(accepted(with("exp", null)), "a token must expire");
    }

    @Test
    void tokenNotYetValid_isRefused() {
        assertFalse(accepted(with("nbf", NOW.plus(AccessTokens.CLOCK_SKEW).plusSeconds(1))));
    }

    @Test
    void tokenForAnotherAudience_isRefused() {
        assertFalse(accepted(with("aud", "https://vault.azure.net")));
        assertFalse(accepted(with("aud", List.of(RESOURCE, "https://other"))));
        assertFalse(accepted(with("aud", null)));
    }

    @Test
    void tokenOfAnotherTenantOrIssuer_orWithoutPrincipal_isRefused() {
        assertFalse(accepted(with("tid", "00000000-0000-0000-0000-000000000001")));
        assertFalse(accepted(with("iss", "https://login.microsoftonline.com/" + TENANT + "/v2.0")));
        assertFalse(accepted(with("oid", null)));
    }
}
