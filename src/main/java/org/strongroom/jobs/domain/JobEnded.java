package org.strongroom.jobs.domain;

import java.time.Duration;
import java.util.UUID;

import org.strongroom.platform.ErrorCode;

/**
 * A job ended — completed, failed, or abandoned after its deliveries ran out. Fired as a CDI event
 * when the ending is written, so that the component that owns the job's subject can follow up (e.g.
 * mark a vault's key update failed when its job was abandoned); observe it {@code during = AFTER_SUCCESS}.
 */
public record JobEnded(UUID jobId, JobOperation operation, String vault, String item, JobStatus status,
                       ErrorCode errorCode, Duration duration) {

    /** The event for a job that has just ended. */
    public static JobEnded from(Job job) {
        if (!job.isFinished()) {
            throw new IllegalArgumentException("Job " + job.id() + " has not ended");
        }
        return new JobEnded(job.id(), job.operation(), job.vault(), job.item(), job.status(),
                job.errorCode().orElse(null), Duration.between(job.startTime(), job.endTime().orElseThrow()));
    }
}
