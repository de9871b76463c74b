package org.strongroom.jobs.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Which job a producer's request became: a resend of the same request id on the same queue gets the same job. */
@Entity
@Table(name = "job_request")
public class RequestedJob {

    @EmbeddedId
    private RequestKey key;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(nullable = false)
    private Instant created;

    protected RequestedJob() {
        // for JPA
    }

    public RequestedJob(String queue, String requestId, UUID jobId, Instant now) {
        this.key = new RequestKey(queue, requestId);
        this.jobId = jobId;
        this.created = now;
    }

    public UUID jobId() {
        return jobId;
    }
}
