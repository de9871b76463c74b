package org.strongroom.protection.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Timestamps;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.web.ListDto;
import org.strongroom.web.QueryParameters;

/** An item's recovery points, newest first, between {@code from} and {@code to} (SPEC 17). */
@Path("vaults/{vault}/items/{item}/recoveryPoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class RecoveryPointsResource {

    @Inject
    RecoveryPoints points;

    @GET
    @Operation(summary = "List an item's recovery points, optionally between from and to (SPEC 17)")
    @APIResponse(responseCode = "200", description = "The recovery points, newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ListDto<RecoveryPointDto> list(@PathParam("vault") String vault, @PathParam("item") String item,
                                          @QueryParam("from") String from, @QueryParam("to") String to) {
        QueryParameters.TimeRange range = QueryParameters.timeRange(from, to);
        Instant now = Timestamps.now();
        return ListDto.of(points.list(ItemRef.requested(vault, item), range.from(), range.to()).stream().map(p -> RecoveryPointDto.of(p, now)).toList());
    }

    @GET
    @Path("{rp}")
    @Operation(summary = "Read one recovery point")
    @APIResponse(responseCode = "200", description = "The recovery point")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RecoveryPointDto get(@PathParam("vault") String vault, @PathParam("item") String item, @PathParam("rp") String rp) {
        return RecoveryPointDto.of(points.get(ItemRef.requested(vault, item), rp), Timestamps.now());
    }
}
