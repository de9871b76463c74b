package org.strongroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.platform.Caller;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;
import org.strongroom.security.app.AccessTokens;
import org.strongroom.security.app.ServicePrincipals;
import org.strongroom.security.app.TokenSigningKeys;
import org.strongroom.security.domain.ServicePrincipal;
import org.strongroom.support.Names;

/**
 * Tokens signed by the server's own signing key, but expired, not yet valid, or for another audience,
 * tenant or issuer: refused over HTTP with the Bearer challenge ({@code error="invalid_token"}), the 401 the
 * Azure SDKs raise as ClientAuthenticationException (AzureSdkIT shows that for a forged token). The token
 * endpoint never issues such tokens, so they are made here, in the server, with its signing key.
 */
@ExtendWith(ArquillianExtension.class)
class ServerSignedTokensIT {

    private static final Caller ADMIN = Caller.user("admin", true);

    @Deployment
    static WebArchive deployment() {
        return org.strongroom.support.Deployments.strongroom().addClass(Names.class);
    }

    @Inject
    TokenSigningKeys signingKeys;

    @Inject
    AccessTokens tokens;

    @Inject
    ServicePrincipals principals;

    @Inject
    Settings settings;

    private Map<String, Object> claims(ServicePrincipal principal) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", KeyVaultUris.of(settings).resource());
        claims.put("iss", tokens.issuer());
        claims.put("tid", settings.tenantId());
        claims.put("oid", principal.principalId());
        claims.put("nbf", now.minusSeconds(60));
        claims.put("exp", now.plus(Duration.ofHours(1)));
        return claims;
    }

    private Map<String, Object> with(ServicePrincipal principal, String claim, Object value) {
        Map<String, Object> claims = claims(principal);
        claims.put(claim, value);
        return claims;
    }

    private static HttpResponse<String> call(String token) throws Exception {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/keyvaults/none/keys"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(String token, String why) throws Exception {
        HttpResponse<String> answer = call(token);
        assertEquals(401, answer.statusCode(), why + ": " + answer.body());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""), why);
    }

    @Test
    void serverSignedTokens_expiredOrForAnotherAudienceTenantOrIssuer_areUnauthorized() throws Exception {
        ServicePrincipal principal = principals.create(ADMIN, Names.unique("signed-app"), null).principal();
        assertEquals(404, call(signingKeys.sign(claims(principal))).statusCode(), "a valid token passes (to an unknown key vault)");

        Instant now = Instant.now();
        assertRefused(signingKeys.sign(with(principal, "exp", now.minus(Duration.ofMinutes(6)))), "expired beyond the clock skew");
        assertRefused(signingKeys.sign(with(principal, "nbf", now.plus(Duration.ofMinutes(10)))), "not yet valid");
        assertRefused(signingKeys.sign(with(principal, "aud", "https://vault.azure.net")), "another audience");
        assertRefused(signingKeys.sign(with(principal, "tid", "00000000-0000-0000-0000-000000000001")), "another tenant");
        assertRefused(signingKeys.sign(with(principal, "iss", "https://login.microsoftonline.com/" + settings.tenantId() + "/v2.0")),
                "another issuer");
        assertRefused(signingKeys.sign(with(principal, "oid", "00000000-0000-0000-0000-00000000beef")), "no such service principal");
    }
}
