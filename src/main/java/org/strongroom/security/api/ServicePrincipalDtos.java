package org.strongroom.security.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.security.domain.ServicePrincipal;

/** Service principals as the API shows them: never a secret, except the once it is made. */
final class ServicePrincipalDtos {

    private ServicePrincipalDtos() {
    }

    /** {@code POST /api/servicePrincipals}: a display name, and for how many days the first secret is valid (180 when absent). */
    public record CreateRequest(String displayName, Integer secretValidDays) {
    }

    /** {@code POST /api/servicePrincipals/{appId}/secret}: for how many days the new secret is valid (180 when absent). */
    public record SecretRequest(Integer secretValidDays) {
    }

    /** A service principal: {@code principalId} is what access policies name; {@code appId} its client id. */
    @JsonbPropertyOrder({"appId", "principalId", "displayName", "secretHint", "secretExpires", "created"})
    public record ServicePrincipalDto(String appId, String principalId, String displayName, String secretHint,
                                      Instant secretExpires, Instant created) {

        static ServicePrincipalDto of(ServicePrincipal principal) {
            return new ServicePrincipalDto(principal.appId(), principal.principalId(), principal.displayName(),
                    principal.secretHint() + "…", principal.secretExpires(), principal.created());
        }
    }

    /**
     * A client secret just made, with what a client needs to sign in: the tenant, the authority host to
     * give the Azure SDK's credential, and the scope to ask for.
     */
    @JsonbPropertyOrder({"servicePrincipal", "clientSecret", "tenantId", "authorityHost", "scope"})
    public record SecretDto(ServicePrincipalDto servicePrincipal, String clientSecret, String tenantId, String authorityHost,
                            String scope) {
    }

    static Duration days(Integer days) {
        return days == null ? null : Duration.ofDays(days);
    }
}
