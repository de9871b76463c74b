package org.strongroom.jobs.app;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/** Submits jobs: records them {@code InProgress} and queues them, both in the caller's transaction. */
@ApplicationScoped
public class JobSubmission {

    @Inject
    JobRepository jobs;

    @Inject
    JobQueue queue;

    @Inject
    JobOperations operations;

    @Inject
    Event<JobEnded> ended;

    @Transactional
    public Job submit(JobOperation operation, ResourcePath subject, String requestedBy) {
        return submit(operation, subject, requestedBy, null);
    }

    /** Submits a job with {@code parameters} (JSON its handler reads). */
    @Transactional
    public Job submit(JobOperation operation, ResourcePath subject, String requestedBy, String parameters) {
        if (operations.jobQueue(operation).isEmpty()) {
            throw new IllegalArgumentException(operation + " is not registered as an operation whose jobs are queued");
        }
        Job job = Job.submit(operation, subject, requestedBy, parameters, Timestamps.now());
        jobs.add(job);
        queue.enqueue(job);
        return job;
    }

    /**
     * Records work that ran inline in a request (e.g. {@code ConfigureBackup}) as a job that already
     * ended: completed when {@code failure} is {@code null}, else failed with it. Runs in a transaction
     * of its own, so that a refused request leaves its failed job on record.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Job recordInline(JobOperation operation, ResourcePath subject, String requestedBy,
                            StrongroomException failure) {
        Job job = Job.submit(operation, subject, requestedBy, Timestamps.now());
        if (failure == null) {
            job.complete(Timestamps.now());
        } else {
            job.fail(failure.code(), failure.getMessage(), Timestamps.now());
        }
        jobs.add(job);
        ended.fire(JobEnded.from(job));
        return job;
    }
}
