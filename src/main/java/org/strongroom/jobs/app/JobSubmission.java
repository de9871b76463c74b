package org.strongroom.jobs.app;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.platform.Timestamps;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRepository;

/** Submits jobs: records them {@code InProgress} and queues them, both in the caller's transaction. */
@ApplicationScoped
public class JobSubmission {

    @Inject
    JobRepository jobs;

    @Inject
    JobQueue queue;

    @Transactional
    public Job submit(JobOperation operation, String vault, String item, String requestedBy) {
        Job job = Job.submit(operation, vault, item, requestedBy, Timestamps.now());
        jobs.add(job);
        if (operation.queue() != null) {
            queue.enqueue(job);
        }
        return job;
    }
}
