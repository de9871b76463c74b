package org.strongroom.jobs.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A request's identity: the queue it came on and the producer's request id. */
@Embeddable
public class RequestKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "request_queue", nullable = false, length = 32)
    private String queue;

    @Column(name = "request_id", nullable = false, length = 200)
    private String requestId;

    protected RequestKey() {
        // for JPA
    }

    public RequestKey(String queue, String requestId) {
        this.queue = queue;
        this.requestId = requestId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestKey key && queue.equals(key.queue) && requestId.equals(key.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queue, requestId);
    }
}
