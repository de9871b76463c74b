package org.strongroom.jobs.domain;

import java.time.Duration;
import java.util.UUID;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;

/**
 * A job ended — completed, failed, or abandoned after its deliveries ran out. Fired as a CDI event
 * in the transaction that writes the ending, so that the component that owns the job's subject can
 * follow up: in that same transaction ({@code during = IN_PROGRESS}, e.g. a vault's key update ends
 * exactly when its job does), or once it is durable ({@code during = AFTER_SUCCESS}).
 */
public record JobEnded(UUID jobId, JobOperation operation, ResourcePath subject, String requestedBy,
                       JobStatus status, ErrorCode errorCode, String errorMessage, Duration duration) {

    /** Whether the job did its work (with or without warnings). */
    public boolean completed() {
        return status == JobStatus.Completed || status == JobStatus.CompletedWithWarnings;
    }

    /** The event for a job that has just ended. */
    public static JobEnded from(Job job) {
        if (!job.isFinished()) {
            throw new IllegalArgumentException("Job " + job.id() + " has not ended");
        }
        return new JobEnded(job.id(), job.operation(), job.subject(), job.requestedBy(), job.status(),
                job.errorCode().orElse(null), job.errorMessage().orElse(null),
                Duration.between(job.startTime(), job.endTime().orElseThrow()));
    }
}
