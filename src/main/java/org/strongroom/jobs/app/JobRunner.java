package org.strongroom.jobs.app;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRunnerId;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;

/**
 * Runs a job when its message is delivered: claim, run the handler of its operation, end it.
 *
 * <p>Idempotent by job id: a delivery for a job that ended, that this node is running right now, or
 * that a live runner elsewhere holds, is acknowledged and does nothing. A delivery for a job cut off
 * by a crash or a failed attempt runs it again from the start.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobRunnerId self = new JobRunnerId(
            Settings.node(), UUID.randomUUID().toString());
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final AtomicLong skippedDeliveries = new AtomicLong();

    @Inject
    JobTransitions transitions;

    @Inject
    Settings settings;

    @Inject
    JobHandlers handlers;

    /**
     * Runs the job, or skips the delivery. Throws when the attempt broke unexpectedly, so that the
     * message is delivered again (and eventually dead-lettered).
     */
    public void run(UUID jobId) {
        if (!runningHere.add(jobId)) {
            skip(jobId, "it is running on this node");
            return;
        }
        try {
            Optional<Job> claimed = transitions.claim(jobId, self, settings.jobLease());
            if (claimed.isEmpty()) {
                skip(jobId, "it ended or another node runs it");
                return;
            }
            execute(claimed.get());
        } finally {
            runningHere.remove(jobId);
        }
    }

    /** Ends a job whose message exhausted its deliveries. */
    public void abandon(UUID jobId) {
        transitions.abandon(jobId).ifPresentOrElse(
                job -> LOG.warning(() -> "Job " + jobId + " dead-lettered: " + job.status()
                        + job.errorMessage().map(m -> " (" + m + ")").orElse("")),
                () -> LOG.warning(() -> "Dead-lettered message for unknown job " + jobId + " dropped"));
    }

    /** Renews this node's lease on the jobs it runs right now (its heartbeat); answers how many. */
    public int renewLeases() {
        List<UUID> running = List.copyOf(runningHere);
        return running.isEmpty() ? 0 : transitions.renewLeases(running, self);
    }

    /** Whether this node runs the job right now (one of the jobs its heartbeat renews). */
    public boolean runs(UUID jobId) {
        return runningHere.contains(jobId);
    }

    /** The node this runner belongs to ({@code jboss.node.name}). */
    public String node() {
        return self.node();
    }

    /** Deliveries that ran nothing (duplicates, redeliveries of ended jobs) since this node started. */
    public long skippedDeliveries() {
        return skippedDeliveries.get();
    }

    private void execute(Job job) {
        Optional<JobHandler> handler = handlers.forOperation(job.operation());
        if (handler.isEmpty()) {
            transitions.fail(job.id(), self, ErrorCode.InternalError,
                    "This server has no handler for " + job.operation() + " jobs");
            return;
        }
        RunningJob execution = new RunningJob(job, self, transitions);
        try {
            handler.get().run(execution);
        } catch (Throwable fault) {
            ended(job, fault);
            return;
        }
        transitions.complete(job.id(), self, execution.warnings());
    }

    /**
     * Ends the run that threw {@code fault}: a run whose job was taken over stops without a word; a refusal fails the
     * job; anything else is a broken-off attempt, rethrown so that the message is delivered again.
     */
    private void ended(Job job, Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof JobTakenOver lost) {
                LOG.warning(() -> "Job " + job.id() + " (" + job.operation() + "): " + lost.getMessage() + "; this run stops");
                return;
            }
        }
        if (fault instanceof StrongroomException refusal) {
            LOG.info(() -> "Job " + job.id() + " (" + job.operation() + ") failed: " + refusal.code()
                    + ": " + refusal.getMessage());
            transitions.fail(job.id(), self, refusal.code(), refusal.getMessage());
            return;
        }
        brokeOff(job, fault);
        if (fault instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (fault instanceof Error error) {
            throw error;
        }
        // A checked exception can arrive through an interceptor: a failed commit is a RollbackException.
        throw new IllegalStateException("Job " + job.id() + " attempt failed: " + describe(fault), fault);
    }

    /** Records an attempt that broke off unexpectedly; its message will be delivered again. */
    private void brokeOff(Job job, Throwable fault) {
        LOG.log(Level.WARNING, "Job " + job.id() + " (" + job.operation() + ") attempt " + job.attempts()
                + " broke off; its message will be delivered again", fault);
        transitions.recordFailedAttempt(job.id(), self, describe(fault));
    }

    private void skip(UUID jobId, String reason) {
        skippedDeliveries.incrementAndGet();
        LOG.info(() -> "Delivery for job " + jobId + " skipped: " + reason);
    }

    private static String describe(Throwable fault) {
        String message = fault.getMessage();
        return fault.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
