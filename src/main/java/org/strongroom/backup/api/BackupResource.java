package org.strongroom.backup.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.strongroom.backup.app.Backups;
import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Timestamps;
import org.strongroom.web.Callers;
import org.strongroom.web.Locations;

/** Starts a backup now: 202 with the {@code Backup} job. */
@Path("vaults/{vault}/items/{item}/backup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class BackupResource {

    @Inject
    Locations locations;

    @Inject
    Backups backups;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Back up an item now (a Backup job)")
    @APIResponse(responseCode = "202", description = "Accepted: the Backup job, with Location /api/jobs/{id}",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response backup(@PathParam("vault") String vault, @PathParam("item") String item) {
        Job job = backups.request(Callers.of(security), ItemRef.requested(vault, item));
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(locations.of("jobs", job.id().toString())).build();
    }
}
