package org.strongroom.guard.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.strongroom.guard.app.ResourceGuards;
import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.guard.domain.GuardRequest;
import org.strongroom.guard.domain.ResourceGuard;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;
import org.strongroom.web.QueryParameters;

/**
 * {@code /api/resourceGuards}: a user creates the guard they own; admins request critical operations of a
 * bound vault; the owner approves or rejects them.
 */
@Path("resourceGuards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class ResourceGuardsResource {

    @JsonbPropertyOrder({"name", "owner", "created"})
    public record GuardDto(String name, String owner, Instant created) {
        static GuardDto of(ResourceGuard guard) {
            return new GuardDto(guard.name(), guard.owner(), guard.created());
        }
    }

    /** {@code {"vault","operation","justification"?}}. */
    public record RequestBody(String vault, String operation, String justification) {
    }

    /** {@code {"validForMinutes"?}}: 1 to 1440, default 60. */
    public record ApprovalBody(Integer validForMinutes) {
    }

    @JsonbPropertyOrder({"id", "resourceGuard", "vault", "operation", "status", "requestedBy", "justification", "requested",
            "decidedBy", "decided", "expires", "used"})
    public record RequestDto(UUID id, String resourceGuard, String vault, String operation, String status, String requestedBy,
                             String justification, Instant requested, String decidedBy, Instant decided, Instant expires,
                             Instant used) {
        static RequestDto of(GuardRequest r) {
            return new RequestDto(r.id(), r.guard(), r.vault(), r.operation().name(), r.status(Timestamps.now()).name(),
                    r.requestedBy(), r.justification(), r.requested(), r.decidedBy(), r.decided(), r.expires(), r.used());
        }
    }

    @Inject
    ResourceGuards guards;

    @Inject
    Locations locations;

    @Context
    SecurityContext security;

    @PUT
    @Path("{guard}")
    @Operation(summary = "Create a resource guard owned by the signed-in user (a user without the admin role who set their own password)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@PathParam("guard") String name) {
        ResourceGuard guard = guards.create(Callers.of(security), name);
        return locations.putAnswer(true, GuardDto.of(guard), "resourceGuards", name);
    }

    @GET
    @Operation(summary = "List the resource guards")
    @APIResponse(responseCode = "200", description = "The guards")
    public ListDto<GuardDto> list() {
        return ListDto.of(guards.list().stream().map(GuardDto::of).toList());
    }

    @GET
    @Path("{guard}")
    @Operation(summary = "Read a resource guard")
    @APIResponse(responseCode = "200", description = "The guard")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GuardDto get(@PathParam("guard") String name) {
        return GuardDto.of(guards.get(name));
    }

    @DELETE
    @Path("{guard}")
    @Operation(summary = "Delete a resource guard no vault is bound to (its owner only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("guard") String name) {
        guards.delete(Callers.of(security), name);
        return Response.noContent().build();
    }

    @POST
    @Path("{guard}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Request to run a critical operation once on a vault bound to the guard")
    @APIResponse(responseCode = "201", description = "The request, Pending")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response request(@PathParam("guard") String name, @NotNull(message = "a JSON body is required") RequestBody body) {
        CriticalOperation operation = QueryParameters.oneOf(CriticalOperation.class, body.operation(), "operation");
        GuardRequest request = guards.request(Callers.of(security), name, body.vault(), operation, body.justification());
        return Response.created(locations.of("resourceGuards", name, "requests", request.id().toString()))
                .entity(RequestDto.of(request)).build();
    }

    @GET
    @Path("{guard}/requests")
    @Operation(summary = "List the guard's requests, newest first")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ListDto<RequestDto> requests(@PathParam("guard") String name) {
        return ListDto.of(guards.requests(name).stream().map(RequestDto::of).toList());
    }

    @POST
    @Path("{guard}/requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a pending request for a limited time (the guard's owner only)")
    @APIResponse(responseCode = "200", description = "The request, Approved until expires")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RequestDto approve(@PathParam("guard") String name, @PathParam("id") String id, ApprovalBody body) {
        int minutes = body == null || body.validForMinutes() == null ? 60 : body.validForMinutes();
        return RequestDto.of(guards.approve(Callers.of(security), name, requestId(id), Duration.ofMinutes(minutes)));
    }

    @POST
    @Path("{guard}/requests/{id}/reject")
    @Operation(summary = "Reject a pending request (the guard's owner only)")
    @APIResponse(responseCode = "200", description = "The request, Rejected")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RequestDto reject(@PathParam("guard") String name, @PathParam("id") String id) {
        return RequestDto.of(guards.reject(Callers.of(security), name, requestId(id)));
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.notFound("No request " + id, "requests/" + id);
        }
    }
}
