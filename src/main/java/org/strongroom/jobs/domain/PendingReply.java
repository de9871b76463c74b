package org.strongroom.jobs.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A producer waiting for a job's end: where to send the final job ({@code JMSReplyTo}) and the correlation id. */
@Entity
@Table(name = "job_reply")
public class PendingReply {

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "reply_to", nullable = false, length = 400)
    private String replyTo;

    @Column(name = "correlation_id", length = 200)
    private String correlationId;

    @Column(nullable = false)
    private Instant created;

    protected PendingReply() {
        // for JPA
    }

    public PendingReply(UUID jobId, String replyTo, String correlationId, Instant now) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.replyTo = replyTo;
        this.correlationId = correlationId;
        this.created = now;
    }

    public UUID jobId() {
        return jobId;
    }

    public String replyTo() {
        return replyTo;
    }

    public String correlationId() {
        return correlationId;
    }
}
