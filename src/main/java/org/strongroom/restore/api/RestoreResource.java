package org.strongroom.restore.api;

import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Timestamps;
import org.strongroom.restore.app.Restores;
import org.strongroom.restore.domain.RestoreTarget;
import org.strongroom.web.Callers;
import org.strongroom.web.Locations;

/** Restores a recovery point: 202 with the {@code Restore} job. */
@Path("vaults/{vault}/items/{item}/recoveryPoints/{rp}/restore")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class RestoreResource {

    /**
     * {@code {"target":{"path"} or {"database"} or {"originalLocation":true},"paths"?:[...],"overwrite"?:false,"diskEncryptionSetId"?,
     * "recoveryPointTier"?:"Snapshot"|"Vault"}}.
     */
    public record RestoreBody(Target target, List<String> paths, Boolean overwrite, String diskEncryptionSetId,
                              String recoveryPointTier) {
    }

    /** {@code {"path"}}, {@code {"database"}} (a database item's) or {@code {"originalLocation":true}}. */
    public record Target(String path, String database, Boolean originalLocation) {
    }

    @Inject
    Locations locations;

    @Inject
    Restores restores;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a recovery point to the target it names (a Restore job)")
    @APIResponse(responseCode = "202", description = "Accepted: the Restore job, with Location /api/jobs/{id}",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response restore(@PathParam("vault") String vault, @PathParam("item") String item, @PathParam("rp") String rp,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = RestoreBody.class), examples = {
                                    @ExampleObject(name = "elsewhere", summary = "Selected paths to another directory",
                                            value = "{\"target\":{\"path\":\"/srv/restore/monday\"},\"paths\":[\"docs\"]}"),
                                    @ExampleObject(name = "original", summary = "Back to the item's own source, replacing files",
                                            value = "{\"target\":{\"originalLocation\":true},\"overwrite\":true}"),
                                    @ExampleObject(name = "database", summary = "A database item's point into a new database",
                                            value = "{\"target\":{\"database\":\"shop_monday\"}}")}))
                            @NotNull(message = "a JSON body is required") RestoreBody body) {
        Job job = restores.request(Callers.of(security), ItemRef.requested(vault, item), rp, new Restores.Request(
                body.target() == null ? null : RestoreTarget.of(body.target().path(), body.target().database(),
                        body.target().originalLocation()),
                body.paths(),
                Boolean.TRUE.equals(body.overwrite()), body.diskEncryptionSetId(), body.recoveryPointTier()));
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(locations.of("jobs", job.id().toString())).build();
    }
}
