package org.strongroom.jobs.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
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

import org.strongroom.platform.Timestamps;
import org.strongroom.jobs.app.JobQueries;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobQuery;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.platform.StrongroomException;
import org.strongroom.security.Roles;
import org.strongroom.web.ListDto;

/** The backup-jobs view's data: jobs newest first, filtered by vault, operation, status and start time. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class JobsResource {

    @Inject
    JobQueries jobs;

    @GET
    public ListDto<JobDto> list(@QueryParam("vault") String vault,
                                @QueryParam("operation") String operation,
                                @QueryParam("status") String status,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to,
                                @QueryParam("limit") String limit) {
        Instant fromTime = time(from, "from");
        Instant toTime = time(to, "to");
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw StrongroomException.badRequest("'from' must not be after 'to'", "from");
        }
        JobQuery query = new JobQuery(blankToNull(vault), parse(JobOperation.class, operation, "operation"),
                parse(JobStatus.class, status, "status"), fromTime, toTime, limit(limit));
        Instant now = Timestamps.now();
        return ListDto.of(jobs.search(query).stream().map(job -> JobDto.of(job, now)).toList());
    }

    @GET
    @Path("{id}")
    public JobDto get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw JobQueries.noSuchJob(id);
        }
        return JobDto.of(jobs.get(uuid), Timestamps.now());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw StrongroomException.badRequest("Unknown " + name + " '" + value + "'; one of " + names, name);
        }
    }

    private static Instant time(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw StrongroomException.badRequest(
                    "'" + name + "' must be an ISO-8601 UTC time such as 2026-11-28T18:00:00Z", name);
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return JobQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= JobQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StrongroomException.badRequest("'limit' must be a whole number from 1 to " + JobQuery.MAX_LIMIT, "limit");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
