package org.strongroom.activitylog.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.activitylog.app.ActivityQueries;
import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.Verification;
import org.strongroom.platform.Roles;
import org.strongroom.web.ListDto;
import org.strongroom.web.QueryParameters;

/** The activity log, newest first, and the verdict on its chain. */
@Path("activitylog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class ActivityLogResource {

    private static final int DEFAULT_LIMIT = 200;
    private static final int MAX_LIMIT = 1000;

    @Inject
    ActivityQueries log;

    @GET
    @Operation(summary = "Read the activity log, filtered by resource and time")
    @APIResponse(responseCode = "200", description = "The records, each with its hash and its predecessor's")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ListDto<ActivityRecordDto> list(@QueryParam("resource") String resource,
                                           @QueryParam("from") String from,
                                           @QueryParam("to") String to,
                                           @QueryParam("limit") String limit) {
        QueryParameters.TimeRange range = QueryParameters.timeRange(from, to);
        ActivityQuery query = new ActivityQuery(QueryParameters.text(resource), range.from(), range.to(),
                QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return ListDto.of(log.search(query).stream().map(ActivityRecordDto::of).toList());
    }

    /** {@code {"intact":true,"records":N}} or {@code {"intact":false,...,"firstBrokenSequence":S,"finding":"..."}}. */
    @GET
    @Path("verification")
    @Operation(summary = "Check the activity log's chain from its first record, and its end against the head written out to the store")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and if not what was found and where")
    public Verification verify() {
        return log.verify();
    }
}
