package org.strongroom.keymanager.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.keymanager.api.KeyManagerDtos.KeyManagerDto;
import org.strongroom.keymanager.api.KeyManagerDtos.KeyManagerRequest;
import org.strongroom.keymanager.app.KeyManagerGuard;
import org.strongroom.keymanager.app.KeyManagerRegistry;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.Roles;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;

/**
 * Remote key managers: key vaults elsewhere that speak Azure Key Vault's protocol, whose keys vaults and
 * disk encryption sets may then use by their key URIs. Admins only.
 */
@Path("keyManagers")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KeyManagersResource {

    @Inject
    KeyManagerRegistry registry;

    @Inject
    KeyManagerGuard guard;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List the registered key managers, with their health (admins only)")
    @APIResponse(responseCode = "200", description = "The key managers")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ListDto<KeyManagerDto> list() {
        return ListDto.of(registry.list().stream().map(this::dto).toList());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a key manager's registration and health (admins only)")
    @APIResponse(responseCode = "200", description = "The key manager")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyManagerDto get(@PathParam("name") String name) {
        return dto(registry.get(name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a key manager, or replace its registration; a client secret left out is kept (admins only)")
    @APIResponse(responseCode = "200", description = "The key manager as registered")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyManagerDto put(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyManagerRequest body) {
        return dto(registry.put(Callers.of(security), name, body.registration(), body.secret()));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a key manager's registration: its keys are unknown until it is registered again (admins only)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("name") String name) {
        registry.delete(Callers.of(security), name);
        return Response.noContent().build();
    }

    private KeyManagerDto dto(KeyManager manager) {
        return KeyManagerDto.of(manager, guard.health(manager.name()));
    }
}
