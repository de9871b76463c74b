package org.strongroom.restore.api;

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
import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Timestamps;
import org.strongroom.restore.app.Verifications;
import org.strongroom.web.Callers;
import org.strongroom.web.Locations;

/** Verifies a recovery point: 202 with the {@code Verify} job. */
@Path("vaults/{vault}/items/{item}/recoveryPoints/{rp}/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class VerifyResource {

    @Inject
    Locations locations;

    @Inject
    Verifications verifications;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Prove every chunk of a recovery point decrypts and authenticates, writing nothing (a Verify job)")
    @APIResponse(responseCode = "202", description = "Accepted: the Verify job, with Location /api/jobs/{id}",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response verify(@PathParam("vault") String vault, @PathParam("item") String item, @PathParam("rp") String rp) {
        Job job = verifications.request(Callers.of(security), ItemRef.requested(vault, item), rp);
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(locations.of("jobs", job.id().toString())).build();
    }
}
