package org.strongroom.jobs.domain;

import java.time.Instant;

import org.strongroom.platform.ResourcePath;

/**
 * A search over jobs: every criterion is optional ({@code null}); {@code subject} takes the jobs on that
 * resource and on those within it; {@code from}/{@code to} bound the start time (inclusive). Results come
 * newest first, at most {@code limit}.
 */
public record JobQuery(ResourcePath subject, JobOperation operation, JobStatus status, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 200;

    public JobQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }
}
