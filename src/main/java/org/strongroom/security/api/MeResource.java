package org.strongroom.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.Roles;
import org.strongroom.security.app.UserAccounts;

/**
 * The signed-in user: its name, roles and principal id — what an admin names in a key vault's access
 * policy to let this user use keys (no role does that by itself).
 */
@Path("me")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserAccounts accounts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Read the signed-in user, with the principal id key-vault access policies name")
    @APIResponse(responseCode = "200", description = "The user")
    public UserDto me() {
        return UserDto.of(accounts.get(security.getUserPrincipal().getName()));
    }
}
