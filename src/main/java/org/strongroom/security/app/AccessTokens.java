package org.strongroom.security.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.SignedTokens;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.domain.ServicePrincipal;
import org.strongroom.security.domain.ServicePrincipalRepository;

/**
 * Access tokens for service principals, as Microsoft Entra ID (Azure AD v2) issues them for Azure Key Vault:
 * the client-credentials grant gives a signed JWT (RS256) for the key vaults' resource, valid for an hour;
 * the key vaults take it as a Bearer token after checking its signature, expiry, audience, tenant and
 * issuer, and that its service principal still exists. Sign-ins are throttled per client id and address
 * like passwords ({@link LoginThrottle}), and each one issued is in the activity log.
 */
@ApplicationScoped
public class AccessTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);

    /** How far clocks may disagree: a token is taken this long before its nbf and after its exp. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    /** A bcrypt hash checked for unknown client ids, so that they take as long as known ones. */
    private static final ServicePrincipal DECOY = ServicePrincipal.create("decoy", null, Instant.EPOCH.plus(Duration.ofDays(1))).principal();

    @Inject
    ServicePrincipalRepository principals;

    @Inject
    TokenSigningKeys signingKeys;

    @Inject
    LoginThrottle throttle;

    @Inject
    ActivityLog activity;

    @Inject
    Settings settings;

    /** An access token issued, and in how many seconds it expires. */
    public record Issued(String accessToken, long expiresIn) {
    }

    /** Whom a valid token stands for: the service principal's principal id, as access policies name it. */
    public record Verified(String principalId) {
    }

    /**
     * The client-credentials grant: an access token for the service principal {@code clientId} if
     * {@code secret} is its client secret, {@code tenant} is this server's and {@code scope} asks for the key
     * vaults' resource ({@code {resource}/.default}, other scopes beside it ignored).
     *
     * @throws TokenRefusal with the OAuth error, as Entra ID answers it
     */
    @Transactional
    public Issued issue(String tenant, String clientId, char[] secret, String scope, String address) {
        if (!settings.tenantId().equalsIgnoreCase(tenant)) {
            throw new TokenRefusal(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found: this server's tenant is "
                    + settings.tenantId());
        }
        String resource = uris().resource();
        if (scope == null || Arrays.stream(scope.split(" ")).noneMatch(s -> s.equals(resource + "/.default") || s.equals(resource + "//.default"))) {
            throw new TokenRefusal(400, "invalid_scope", 70011, "The scope must be '" + resource + "/.default' (the key vaults' resource)");
        }
        if (clientId == null || secret == null) {
            throw new TokenRefusal(400, "invalid_request", 900144, "client_id and client_secret are required");
        }
        Instant now = Timestamps.now();
        ServicePrincipal principal = authenticate(tenant, clientId, secret, address, now);
        return activity.record(Caller.servicePrincipal(principal.principalId()), "IssueAccessToken",
                ResourcePath.servicePrincipal(clientId), () -> new Issued(signingKeys.sign(claims(principal, now)), LIFETIME.toSeconds()),
                issued -> "for " + resource + ", valid " + LIFETIME.toMinutes() + " minutes");
    }

    /**
     * The service principal whose client secret {@code secret} is, unexpired; throttled per client id and
     * address, and a refused secret of a known client recorded in the activity log.
     */
    private ServicePrincipal authenticate(String tenant, String clientId, char[] secret, String address, Instant now) {
        String throttled = "app:" + clientId;
        Optional<Duration> blocked = throttle.blocked(throttled, address, now);
        if (blocked.isPresent()) {
            throw TokenRefusal.throttled(blocked.get());
        }
        Optional<ServicePrincipal> found = principals.findByAppId(clientId);
        ServicePrincipal principal = found.orElse(DECOY);
        if (principal.secretMatches(secret, now) && found.isPresent()) {
            throttle.succeeded(throttled);
            return principal;
        }
        if (throttle.failed(throttled, address, now)) {
            LOG.warning(() -> "Client sign-ins throttled: too many failures for client " + clientId + " or from " + address);
        }
        if (found.isEmpty()) {
            throw new TokenRefusal(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in tenant '" + tenant + "'");
        }
        TokenRefusal refusal = principal.secretExpired(now)
                ? new TokenRefusal(401, "invalid_client", 7000222, "The provided client secret keys for app '" + clientId + "' are expired")
                : new TokenRefusal(401, "invalid_client", 7000215, "Invalid client secret provided");
        ResourcePath resource = ResourcePath.servicePrincipal(clientId);
        try {
            activity.recordUse(Caller.servicePrincipal(principal.principalId()), "IssueAccessToken", resource, () -> {
                throw new StrongroomException(ErrorCode.Unauthorized, refusal.getMessage(), resource.toString());
            }, none -> null);
        } catch (StrongroomException recorded) {
            // on record (at most once a minute per client): answered as OAuth answers
        }
        throw refusal;
    }

    /** Whom {@code token} stands for, if it is one of this server's, unexpired, for the key vaults, and its principal exists. */
    @Transactional
    public Optional<Verified> verify(String token) {
        return SignedTokens.verify(token, signingKeys::publicKey)
                .filter(claims -> accepts(claims, Timestamps.now(), uris().resource(), settings.tenantId(), issuer()))
                .flatMap(claims -> principals.findByPrincipalId((String) claims.get("oid")))
                .map(principal -> new Verified(principal.principalId()));
    }

    /**
     * Whether a token's verified claims make it usable at {@code now}: unexpired and valid already (with
     * {@link #CLOCK_SKEW}), for {@code resource}, of {@code tenant} and {@code issuer}, naming a principal.
     */
    static boolean accepts(Map<String, Object> claims, Instant now, String resource, String tenant, String issuer) {
        return claims.get("exp") instanceof Instant exp && now.isBefore(exp.plus(CLOCK_SKEW))
                && (!(claims.get("nbf") instanceof Instant nbf) || !now.isBefore(nbf.minus(CLOCK_SKEW)))
                && audienceIs(claims.get("aud"), resource)
                && tenant.equals(claims.get("tid"))
                && issuer.equals(claims.get("iss"))
                && claims.get("oid") instanceof String;
    }

    /** The issuer of the tokens: the authority and tenant, as Entra ID's v2 tokens name theirs. */
    public String issuer() {
        return authority() + "/" + settings.tenantId() + "/v2.0";
    }

    /** Where clients get tokens: {@code https://login.{domain}}, or this server's HTTPS URL without a key vault domain. */
    public String authority() {
        return uris().authority().orElseGet(() -> settings.httpsUrl("localhost", ""));
    }

    private Map<String, Object> claims(ServicePrincipal principal, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", uris().resource());
        claims.put("iss", issuer());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now.plus(LIFETIME));
        claims.put("appid", principal.appId());
        claims.put("azp", principal.appId());
        claims.put("oid", principal.principalId());
        claims.put("sub", principal.principalId());
        claims.put("tid", settings.tenantId());
        claims.put("uti", UUID.randomUUID().toString());
        claims.put("ver", "2.0");
        return claims;
    }

    private static boolean audienceIs(Object aud, String resource) {
        return resource.equals(aud) || aud instanceof List<?> list && list.size() == 1 && resource.equals(list.get(0));
    }

    private KeyVaultUris uris() {
        return KeyVaultUris.of(settings);
    }
}
