package org.strongroom.jobs.app;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.jobs.domain.JobRequest;
import org.strongroom.jobs.domain.JobRequestRepository;
import org.strongroom.jobs.domain.PendingReply;
import org.strongroom.jobs.domain.RequestedJob;
import org.strongroom.platform.Caller;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * Accepts job requests from JMS producers: idempotent by request id (per queue), and remembers where
 * to reply when the job ends.
 */
@ApplicationScoped
public class JobRequests {

    @Inject
    @Any
    Instance<JobRequestHandler> handlers;

    @Inject
    JobRequestRepository requests;

    @Inject
    JobOperations operations;

    @Inject
    JobRepository jobs;

    /** Where a producer wants the final job sent. */
    public record ReplyTo(String destination, String correlationId) {
    }

    /**
     * The job of this request: the one an earlier send of the same request id created, or a new one.
     * {@code replyTo} (may be null) is remembered until the job ends.
     */
    @Transactional
    public Job accept(String queue, JobRequest request, Caller caller, ReplyTo replyTo) {
        Optional<String> requestQueue = operations.requestQueue(request.operation());
        if (requestQueue.isEmpty()) {
            throw StrongroomException.badRequest("This server takes no " + request.operation() + " requests over JMS",
                    "operation");
        }
        if (!requestQueue.get().equals(queue)) {
            throw StrongroomException.badRequest(request.operation() + " requests go to the queue "
                    + requestQueue.get() + ", not " + queue, "operation");
        }
        Optional<RequestedJob> earlier = requests.find(queue, request.requestId());
        Job job = earlier.flatMap(r -> jobs.find(r.jobId())).orElseGet(() -> {
            JobRequestHandler handler = handler(request);
            request.requireKnownFields(handler.fields());
            Job submitted = handler.submit(request, caller);
            requests.add(new RequestedJob(queue, request.requestId(), submitted.id(), Timestamps.now()));
            return submitted;
        });
        if (replyTo != null) {
            requests.add(new PendingReply(job.id(), replyTo.destination(), replyTo.correlationId(), Timestamps.now()));
        }
        return job;
    }

    /** A job that has ended, with the replies that were waiting for it (now taken). */
    public record EndedJob(Job job, List<PendingReply> replies) {
    }

    /** Takes the replies waiting for this job if it has ended; empty while it runs. */
    @Transactional
    public Optional<EndedJob> takeRepliesIfEnded(UUID jobId) {
        return jobs.find(jobId).filter(Job::isFinished).map(job -> new EndedJob(job, requests.takeReplies(jobId)));
    }

    private JobRequestHandler handler(JobRequest request) {
        for (JobRequestHandler handler : handlers) {
            if (handler.operations().contains(request.operation())) {
                return handler;
            }
        }
        throw StrongroomException.badRequest("This server takes no " + request.operation() + " requests over JMS",
                "operation");
    }
}
