package org.strongroom.jobs.app;

import java.util.Objects;
import java.util.Optional;

import org.strongroom.jobs.domain.JobOperation;

/**
 * A job operation as its business component registers it ({@link OperationOwner}): the JMS queue that
 * carries its jobs — none for work done inline in a request — and the queue outside producers send its
 * requests to, if they may (docs/jms.md).
 */
public record OperationRegistration(JobOperation operation, Optional<String> jobQueue, Optional<String> requestQueue) {

    public OperationRegistration {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(jobQueue, "jobQueue");
        Objects.requireNonNull(requestQueue, "requestQueue");
    }

    /** Jobs carried by {@code jobQueue}, requested by producers over {@code requestQueue}. */
    public static OperationRegistration queued(JobOperation operation, String jobQueue, String requestQueue) {
        return new OperationRegistration(operation, Optional.of(jobQueue), Optional.of(requestQueue));
    }

    /** Jobs carried by {@code jobQueue}, asked for over REST only. */
    public static OperationRegistration queued(JobOperation operation, String jobQueue) {
        return new OperationRegistration(operation, Optional.of(jobQueue), Optional.empty());
    }

    /** Work done inside the request that asks for it, recorded as a job that has already ended. */
    public static OperationRegistration inline(JobOperation operation) {
        return new OperationRegistration(operation, Optional.empty(), Optional.empty());
    }
}
