package org.strongroom.jobs.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.strongroom.jobs.app.JobOperations;
import org.strongroom.jobs.app.JobQueries;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobQuery;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.web.ListDto;
import org.strongroom.web.QueryParameters;

/** The backup-jobs view's data: jobs newest first, filtered by vault, operation, status and start time. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class JobsResource {

    @Inject
    JobQueries jobs;

    @Inject
    JobOperations operations;

    @GET
    @Operation(summary = "List jobs, newest first, filtered by vault, operation, status and time")
    @APIResponse(responseCode = "200", description = "The jobs")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ListDto<JobDto> list(@QueryParam("vault") String vault,
                                @QueryParam("operation") String operation,
                                @QueryParam("status") String status,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to,
                                @QueryParam("limit") String limit) {
        QueryParameters.TimeRange range = QueryParameters.timeRange(from, to);
        JobOperation operationFilter = operations.optional(operation, "operation");
        JobStatus statusFilter = QueryParameters.oneOf(JobStatus.class, status, "status");
        int most = QueryParameters.limit(limit, JobQuery.DEFAULT_LIMIT, JobQuery.MAX_LIMIT);
        String vaultName = QueryParameters.text(vault);
        Optional<VaultName> subjectVault = vaultName == null ? Optional.empty() : VaultName.parse(vaultName);
        if (vaultName != null && subjectVault.isEmpty()) {
            return ListDto.of(List.of()); // a text that cannot be a vault's name: no job is on it
        }
        JobQuery query = new JobQuery(subjectVault.map(ResourcePath::vault).orElse(null), operationFilter, statusFilter,
                range.from(), range.to(), most);
        Instant now = Timestamps.now();
        return ListDto.of(jobs.search(query).stream().map(job -> JobDto.of(job, now)).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a job: status, progress, error")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public JobDto get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw JobQueries.noSuchJob(id);
        }
        return JobDto.of(jobs.get(uuid), Timestamps.now());
    }
}
