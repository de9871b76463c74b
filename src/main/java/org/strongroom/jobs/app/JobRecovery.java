package org.strongroom.jobs.app;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.platform.Settings;
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

    @Inject
    Settings settings;

    /** The jobs this node queued to take over, until they are claimed or end. */
    private final Set<UUID> takenOver = ConcurrentHashMap.newKeySet();

    /**
     * Takes over the jobs of a server that died: those held by a runner of another node whose lease ran out,
     * and those never claimed although submitted longer than a lease ago (their message may have died with a
     * node). Each gets one message on this node's queue — once per job, however long it then waits in the
     * queue; claiming it under the row lock makes one node run it, however many servers found it. Answers how
     * many were queued.
     */
    @Transactional
    public int takeOverAbandoned() {
        Instant now = Timestamps.now();
        List<Job> abandoned = unfinishedQueued(job -> job.abandonedElsewhere(runner.node(), now, settings.jobLease()));
        takenOver.retainAll(abandoned.stream().map(Job::id).toList());
        List<Job> fresh = abandoned.stream().filter(job -> takenOver.add(job.id())).toList();
        fresh.forEach(queue::enqueue);
        if (!fresh.isEmpty()) {
            LOG.warning(() -> "Took over " + fresh.size() + " job(s) whose server stopped answering: "
                    + fresh.stream().map(job -> job.id() + " (" + job.operation() + ")").toList());
        }
        return fresh.size();
    }

    /** Queues the unfinished jobs this node may run; answers how many. */
    @Transactional
    public int requeueUnfinished() {
        Instant now = Timestamps.now();
        List<Job> unfinished = unfinishedQueued(job -> job.claimableBy(runner.node(), now, settings.jobLease()));
        unfinished.forEach(queue::enqueue);
        if (!unfinished.isEmpty()) {
            LOG.info(() -> "Queued " + unfinished.size() + " unfinished job(s) again after a restart");
        }
        return unfinished.size();
    }

    /** The unfinished jobs that run from a queue and that {@code which} picks. */
    private List<Job> unfinishedQueued(Predicate<Job> which) {
        return jobs.unfinished().stream().filter(job -> operations.jobQueue(job.operation()).isPresent() && which.test(job)).toList();
    }
}
