package org.strongroom.jobs.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Requests from JMS producers and the replies they wait for. Callers run inside a transaction. */
public interface JobRequestRepository {

    Optional<RequestedJob> find(String queue, String requestId);

    void add(RequestedJob request);

    void add(PendingReply reply);

    /** The replies waiting for {@code jobId}, removed as they are handed out. */
    List<PendingReply> takeReplies(UUID jobId);
}
