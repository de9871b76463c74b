package org.strongroom.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Settings;
import org.strongroom.security.api.ServicePrincipalDtos.CreateRequest;
import org.strongroom.security.api.ServicePrincipalDtos.SecretDto;
import org.strongroom.security.api.ServicePrincipalDtos.SecretRequest;
import org.strongroom.security.api.ServicePrincipalDtos.ServicePrincipalDto;
import org.strongroom.security.app.AccessTokens;
import org.strongroom.security.app.ServicePrincipals;
import org.strongroom.security.domain.ServicePrincipal;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;

/**
 * Service principals: applications that get access tokens with a client secret and use keys as access
 * policies allow (Azure's app registrations). Admins only.
 */
@Path("servicePrincipals")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ServicePrincipalsResource {

    @Inject
    ServicePrincipals principals;

    @Inject
    AccessTokens tokens;

    @Inject
    Locations locations;

    @Inject
    Settings settings;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a service principal and its client secret, shown this once (admins only)")
    @APIResponse(responseCode = "201", description = "Created: the service principal and its client secret, with Location")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") CreateRequest body) {
        ServicePrincipal.Created created = principals.create(Callers.of(security), body.displayName(),
                ServicePrincipalDtos.days(body.secretValidDays()));
        return Response.created(locations.of("servicePrincipals", created.principal().appId())).entity(secret(created)).build();
    }

    @GET
    @Operation(summary = "List the service principals (admins only)")
    @APIResponse(responseCode = "200", description = "The service principals")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ListDto<ServicePrincipalDto> list() {
        return ListDto.of(principals.list().stream().map(ServicePrincipalDto::of).toList());
    }

    @GET
    @Path("{appId}")
    @Operation(summary = "Read a service principal (admins only)")
    @APIResponse(responseCode = "200", description = "The service principal")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ServicePrincipalDto get(@PathParam("appId") String appId) {
        return ServicePrincipalDto.of(principals.get(appId));
    }

    @POST
    @Path("{appId}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the client secret: the old one stops working at once; the new one is shown this once (admins only)")
    @APIResponse(responseCode = "200", description = "The new client secret")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SecretDto newSecret(@PathParam("appId") String appId, SecretRequest body) {
        return secret(principals.newSecret(Callers.of(security), appId,
                ServicePrincipalDtos.days(body == null ? null : body.secretValidDays())));
    }

    @DELETE
    @Path("{appId}")
    @Operation(summary = "Delete a service principal: its tokens stop working at once (admins only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("appId") String appId) {
        principals.delete(Callers.of(security), appId);
        return Response.noContent().build();
    }

    private SecretDto secret(ServicePrincipal.Created created) {
        return new SecretDto(ServicePrincipalDto.of(created.principal()), new String(created.secret()), settings.tenantId(),
                tokens.authority(), KeyVaultUris.of(settings).resource() + "/.default");
    }
}
