package org.strongroom.jobs.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.strongroom.platform.Timestamps;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.jobs.domain.JobRunnerId;
import org.strongroom.platform.ErrorCode;

/**
 * The state changes of a running job, each in a short transaction of its own, so that a long job never
 * holds a transaction, a lock or a connection while it works, and each step is durable at once. Every
 * ending fires {@link JobEnded} (observers with {@code during = AFTER_SUCCESS} see it once it is durable).
 * A runner's reports are fenced: only the runner that holds the job ({@link Job#heldBy}) changes it, so a runner
 * whose job was taken over by another node never overwrites the new run's progress or outcome.
 */
@ApplicationScoped
public class JobTransitions {

    private static final Logger LOG = Logger.getLogger(JobTransitions.class.getName());

    @Inject
    JobRepository jobs;

    @Inject
    Event<JobEnded> ended;

    /** Claims the job for {@code runner} under a row lock; empty when it must not run (unknown, ended, held by a live runner). */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Job> claim(UUID jobId, JobRunnerId runner, Duration lease) {
        Optional<Job> job = jobs.findForUpdate(jobId);
        if (job.isEmpty()) {
            LOG.warning(() -> "Message for unknown job " + jobId + " ignored");
            return Optional.empty();
        }
        return job.filter(j -> j.claim(runner, Timestamps.now(), lease));
    }

    /** The heartbeat of {@code runner}: renews its lease on the jobs it runs. */
    @Transactional(TxType.REQUIRES_NEW)
    public int renewLeases(Collection<UUID> running, JobRunnerId runner) {
        return jobs.renewLeases(running, runner, Timestamps.now());
    }

    /** Records the progress of {@code runner}'s run; false when the run must stop (the job ended or another runner holds it). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean progress(UUID jobId, JobRunnerId runner, long bytesDone, long bytesTotal) {
        Optional<Job> job = heldBy(jobId, runner, "progress");
        job.ifPresent(j -> j.progress(bytesDone, bytesTotal, Timestamps.now()));
        return job.isPresent();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void complete(UUID jobId, JobRunnerId runner, List<String> warnings) {
        heldBy(jobId, runner, "completion").ifPresent(job -> {
            if (warnings.isEmpty()) {
                job.complete(Timestamps.now());
            } else {
                job.completeWithWarnings(String.join("; ", warnings), Timestamps.now());
            }
            ended.fire(JobEnded.from(job));
        });
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void fail(UUID jobId, JobRunnerId runner, ErrorCode code, String message) {
        heldBy(jobId, runner, "failure").ifPresent(job -> {
            job.fail(code, message, Timestamps.now());
            ended.fire(JobEnded.from(job));
        });
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailedAttempt(UUID jobId, JobRunnerId runner, String failure) {
        heldBy(jobId, runner, "failed attempt").ifPresent(job -> job.recordFailedAttempt(failure, Timestamps.now()));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Job> abandon(UUID jobId) {
        Optional<Job> job = jobs.findForUpdate(jobId);
        job.filter(j -> !j.isFinished()).ifPresent(j -> {
            j.abandon(Timestamps.now());
            ended.fire(JobEnded.from(j));
        });
        return job;
    }

    /**
     * The job, locked, if it still runs and {@code runner} holds it; a job ended meanwhile (e.g. abandoned) or taken
     * over by another runner is left as it is, and {@code report} dropped.
     */
    private Optional<Job> heldBy(UUID jobId, JobRunnerId runner, String report) {
        Optional<Job> job = jobs.findForUpdate(jobId);
        if (job.isPresent() && job.get().isFinished()) {
            LOG.warning(() -> "Job " + jobId + " already ended " + job.get().status() + "; later " + report + " dropped");
            return Optional.empty();
        }
        if (job.isPresent() && !job.get().heldBy(runner)) {
            LOG.warning(() -> "Job " + jobId + " was taken over by " + job.get().runner().map(Object::toString).orElse("no runner")
                    + " (the lease of " + runner + " ran out); its " + report + " dropped");
            return Optional.empty();
        }
        return job;
    }
}
