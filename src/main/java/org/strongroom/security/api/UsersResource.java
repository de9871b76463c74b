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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.strongroom.platform.StrongroomException;
import org.strongroom.security.Roles;
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

    @Context
    UriInfo uri;

    @Inject
    UserAccounts accounts;

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("name") String name, @NotNull @Valid UserRequest body) {
        boolean created = accounts.put(name, body.password().toCharArray(), roles(body.roles()));
        UserDto user = UserDto.of(accounts.get(name));
        return created
                ? Response.created(Locations.of(uri, "users", name)).entity(user).build()
                : Response.ok(user).build();
    }

    @GET
    public ListDto<UserDto> list() {
        return ListDto.of(accounts.list().stream().map(UserDto::of).toList());
    }

    @GET
    @Path("{name}")
    public UserDto get(@PathParam("name") String name) {
        return UserDto.of(accounts.get(name));
    }

    @DELETE
    @Path("{name}")
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
