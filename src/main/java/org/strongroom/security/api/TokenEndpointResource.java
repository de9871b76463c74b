package org.strongroom.security.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.strongroom.platform.Settings;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.app.AccessTokens;
import org.strongroom.security.app.TokenRefusal;
import org.strongroom.security.app.TokenSigningKeys;
import org.strongroom.security.infra.Transport;

/**
 * The token endpoint of Microsoft Entra ID (Azure AD v2) for service principals, so that Azure SDK
 * credentials ({@code ClientSecretCredential} with its authority host set to Strongroom) sign in here:
 * {@code POST /{tenant}/oauth2/v2.0/token} (the client-credentials grant), the OpenID metadata and the JWKS
 * of the token signing keys. Clients call those paths at the server's root, on any of its host names
 * ({@code TokenEndpointRouting} forwards them here); no authentication, the client secret is in the form.
 * Answers in OAuth's shapes: {@code {"token_type","expires_in","access_token"}}, or {@code {"error",
 * "error_description","error_codes"}}. Not in Strongroom's OpenAPI document, which is of its own API:
 * docs/key-vault-protocol.md describes it.
 */
@Path("login/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpointResource {

    @Inject
    AccessTokens tokens;

    @Inject
    TokenSigningKeys signingKeys;

    @Inject
    Settings settings;

    @Context
    HttpServletRequest request;

    @PathParam("tenant")
    String tenant;

    @POST
    @Path("oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response token(MultivaluedMap<String, String> form) {
        try {
            if (!request.isSecure() && !Transport.plainHttpAllowedFrom(request.getRemoteAddr())) {
                throw new TokenRefusal(400, "invalid_request", 90014, "The token endpoint takes client secrets over HTTPS only");
            }
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                throw new TokenRefusal(400, "unsupported_grant_type", 70003, "Only grant_type=client_credentials is supported");
            }
            String secret = form.getFirst("client_secret");
            AccessTokens.Issued issued = tokens.issue(tenant, form.getFirst("client_id"),
                    secret == null ? null : secret.toCharArray(), form.getFirst("scope"), request.getRemoteAddr());
            return noStore(Response.ok(Json.createObjectBuilder()
                    .add("token_type", "Bearer")
                    .add("expires_in", issued.expiresIn())
                    .add("ext_expires_in", issued.expiresIn())
                    .add("access_token", issued.accessToken())
                    .build()));
        } catch (TokenRefusal refusal) {
            Response.ResponseBuilder answer = Response.status(refusal.status()).entity(Json.createObjectBuilder()
                    .add("error", refusal.error())
                    .add("error_description", refusal.getMessage())
                    .add("error_codes", Json.createArrayBuilder().add(refusal.errorNumber()))
                    .add("timestamp", Timestamps.now().toString())
                    .build());
            if (refusal.retryAfter() != null) {
                answer.header("Retry-After", Math.max(1, refusal.retryAfter().toSeconds()));
            }
            return noStore(answer);
        }
    }

    @GET
    @Path("v2.0/.well-known/openid-configuration")
    @Operation(hidden = true)
    public JsonObject openIdConfiguration() {
        String base = tokens.authority() + "/" + settings.tenantId();
        return Json.createObjectBuilder()
                .add("issuer", tokens.issuer())
                .add("token_endpoint", base + "/oauth2/v2.0/token")
                .add("jwks_uri", base + "/discovery/v2.0/keys")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_post"))
                .add("grant_types_supported", Json.createArrayBuilder().add("client_credentials"))
                .add("response_types_supported", Json.createArrayBuilder().add("token"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("subject_types_supported", Json.createArrayBuilder().add("pairwise"))
                .add("scopes_supported", Json.createArrayBuilder().add("openid"))
                .add("claims_supported", Json.createArrayBuilder(List.of("aud", "iss", "iat", "nbf", "exp", "oid", "sub", "tid", "appid", "azp", "ver")))
                .add("tenant_region_scope", "strongroom")
                .build();
    }

    @GET
    @Path("discovery/v2.0/keys")
    @Operation(hidden = true)
    public JsonObject keys() {
        var keys = Json.createArrayBuilder();
        for (Map<String, Object> jwk : signingKeys.jwks()) {
            JsonObjectBuilder key = Json.createObjectBuilder();
            jwk.forEach((name, value) -> key.add(name, String.valueOf(value)));
            keys.add(key);
        }
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    private static Response noStore(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
