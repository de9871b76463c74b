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
import jakarta.ws.rs.core.UriInfo;

import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Timestamps;
import org.strongroom.restore.app.Verifications;
import org.strongroom.security.Roles;
import org.strongroom.web.Callers;
import org.strongroom.web.Locations;

/** Verifies a recovery point: 202 with the {@code Verify} job. */
@Path("vaults/{vault}/items/{item}/recoveryPoints/{rp}/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class VerifyResource {

    @Inject
    Verifications verifications;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response verify(@PathParam("vault") String vault, @PathParam("item") String item, @PathParam("rp") String rp) {
        Job job = verifications.request(Callers.of(security), vault, item, rp);
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(Locations.of(uri, "jobs", job.id().toString())).build();
    }
}
