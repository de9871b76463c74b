package org.strongroom.jobs.app;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.platform.Timestamps;

/**
 * Queues unfinished jobs again when a node starts. A crash can cut a job off between the commit of its
 * row and the commit of its message (or leave the message in a transaction the broker never sees
 * committed): the job would stay {@code InProgress} with nothing to run it. At start, every queued job
 * still in progress that this node may claim — unclaimed, claimed by this node before the restart, or
 * held by a runner whose lease ran out — gets a fresh message. A message that turns out to be a
 * duplicate is harmless: the runner skips deliveries for jobs that ended or that someone runs.
 */
@ApplicationScoped
public class JobRecovery {

    private static final Logger LOG = Logger.getLogger(JobRecovery.class.getName());

    @Inject
    JobRepository jobs;

    @Inject
    JobQueue queue;

    @Inject
    JobOperations operations;

    @Inject
    JobRunner runner;

    /** Queues the unfinished jobs this node may run; answers how many. */
    @Transactional
    public int requeueUnfinished() {
        Instant now = Timestamps.now();
        List<Job> unfinished = jobs.unfinished().stream()
                .filter(job -> operations.jobQueue(job.operation()).isPresent() && job.claimableBy(runner.node(), now))
                .toList();
        unfinished.forEach(queue::enqueue);
        if (!unfinished.isEmpty()) {
            LOG.info(() -> "Queued " + unfinished.size() + " unfinished job(s) again after a restart");
        }
        return unfinished.size();
    }
}
