package org.strongroom.restore.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.restore.app.DiskReseals;
import org.strongroom.web.Callers;
import org.strongroom.web.Locations;

/** Seals a restored disk anew under a disk encryption set: 202 with the {@code ResealDisk} job. */
@Path("diskEncryptionSets/{des}/reseal")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ResealResource {

    /** {@code {"target":{"path"}}}: the sealed disk a restore wrote. */
    public record ResealBody(Target target) {
    }

    public record Target(String path) {
    }

    @Inject
    DiskReseals reseals;

    @Inject
    Locations locations;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seal a restored disk anew under this disk encryption set, re-wrapping only its key (a ResealDisk job)")
    @APIResponse(responseCode = "202", description = "Accepted: the ResealDisk job, with Location /api/jobs/{id}",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response reseal(@PathParam("des") String des, @NotNull(message = "a JSON body is required") ResealBody body) {
        if (body.target() == null || body.target().path() == null) {
            throw StrongroomException.badRequest("target.path names the sealed disk a restore wrote", "target.path");
        }
        Job job = reseals.request(Callers.of(security), des, body.target().path());
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(locations.of("jobs", job.id().toString())).build();
    }
}
