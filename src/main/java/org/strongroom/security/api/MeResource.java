package org.strongroom.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
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

    /** {@code {"currentPassword","newPassword"}}. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /**
     * The signed-in user changes their own password: 204. From then on no admin knows it — what a resource
     * guard's owner needs before creating the guard.
     */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the signed-in user's own password (the current one proves it is them)")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response changePassword(@NotNull(message = "a JSON body is required") PasswordChange body) {
        if (body.currentPassword() == null || body.newPassword() == null) {
            throw StrongroomException.badRequest("currentPassword and newPassword are required",
                    body.currentPassword() == null ? "currentPassword" : "newPassword");
        }
        accounts.changeOwnPassword(security.getUserPrincipal().getName(), body.currentPassword().toCharArray(),
                body.newPassword().toCharArray());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "Read the signed-in user, with the principal id key-vault access policies name")
    @APIResponse(responseCode = "200", description = "The user")
    public UserDto me() {
        return UserDto.of(accounts.get(security.getUserPrincipal().getName()));
    }
}
