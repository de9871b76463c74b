package org.strongroom.jobs.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.platform.ResourcePath;

/**
 * A job as API.md shows it; {@code endTime} only on an ended job, {@code error} only on a failed one,
 * {@code warning} only on one completed with warnings.
 */
@JsonbPropertyOrder({"id", "operation", "status", "vault", "item", "requestedBy", "startTime", "endTime",
        "duration", "progress", "error", "warning"})
public record JobDto(UUID id, String operation, String status, String vault, String item, String requestedBy,
                     Instant startTime, Instant endTime, Duration duration, Progress progress, Error error,
                     String warning) {

    @JsonbPropertyOrder({"percent", "bytesDone", "bytesTotal"})
    public record Progress(int percent, long bytesDone, long bytesTotal) {
    }

    @JsonbPropertyOrder({"code", "message"})
    public record Error(String code, String message) {
    }

    public static JobDto of(Job job, Instant now) {
        Error error = job.errorCode()
                .map(code -> new Error(code.name(), job.errorMessage().orElse("")))
                .orElse(null);
        String warning = job.status() == JobStatus.CompletedWithWarnings ? job.errorMessage().orElse(null) : null;
        ResourcePath subject = job.subject();
        return new JobDto(job.id(), job.operation().name(), job.status().name(),
                subject.nameAfter("vaults").orElse(null), subject.nameAfter("items").orElse(null),
                job.requestedBy(), job.startTime(), job.endTime().orElse(null), job.duration(now),
                new Progress(job.percent(), job.bytesDone(), job.bytesTotal()), error, warning);
    }
}
