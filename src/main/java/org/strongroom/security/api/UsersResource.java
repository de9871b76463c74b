package org.strongroom.security.api;

import java.util.EnumSet;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
import org.strongroom.security.app.UserAccounts;
import org.strongroom.security.domain.Role;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;

/** User management: create or change ({@code PUT}), list, read and delete users. Admins only. */
@Path("users")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Locations locations;

    @Inject
    UserAccounts accounts;

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user or set its password and roles (admins only)")
    @APIResponse(responseCode = "201", description = "Created: the user, with Location",
            content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "200", description = "Updated: the user",
            content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response put(@PathParam("name") String name, @NotNull @Valid UserRequest body) {
        boolean created = accounts.put(name, body.password().toCharArray(), roles(body.roles()));
        UserDto user = UserDto.of(accounts.get(name));
        return locations.putAnswer(created, user, "users", name);
    }

    @GET
    @Operation(summary = "List the users (admins only)")
    @APIResponse(responseCode = "200", description = "The users")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ListDto<UserDto> list() {
        return ListDto.of(accounts.list().stream().map(UserDto::of).toList());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a user (admins only)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserDto get(@PathParam("name") String name) {
        return UserDto.of(accounts.get(name));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a user (admins only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("name") String name) {
        accounts.delete(name);
        return Response.noContent().build();
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw StrongroomException.badRequest("Unknown role '" + name + "'; one of " + EnumSet.allOf(Role.class), "roles");
            }
        }
        return roles;
    }
}
