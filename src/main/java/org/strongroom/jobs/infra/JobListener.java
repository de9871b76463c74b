package org.strongroom.jobs.infra;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.strongroom.jobs.app.JobOperations;
import org.strongroom.jobs.app.JobRunner;

/**
 * The pattern every job queue's message-driven bean follows; subclasses name their queue, and the
 * dead-letter listener overrides what a delivery does.
 *
 * <p>No transaction spans the delivery ({@code NOT_SUPPORTED}): the runner works in short
 * transactions of its own and the message is acknowledged when {@code onMessage} returns. If the
 * server dies mid-job, the unacknowledged message is delivered again after restart; if the runner
 * throws, the broker redelivers it after a delay and, once the attempts are spent, moves it to
 * {@code jobsDLQ}. A message that is not a job message is logged and dropped: it must never block a queue.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class JobListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(JobListener.class.getName());

    @Inject
    protected JobRunner runner;

    @Inject
    JobOperations operations;

    @Override
    public void onMessage(Message message) {
        JobMessage job;
        try {
            job = JobMessage.read(message, operations::find);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Dropped a message that is not a job message on " + getClass().getSimpleName()
                    + ": " + e.getMessage());
            return;
        }
        handle(job.jobId());
    }

    /** What this queue's deliveries do with their job: run it. */
    protected void handle(UUID jobId) {
        runner.run(jobId);
    }
}
