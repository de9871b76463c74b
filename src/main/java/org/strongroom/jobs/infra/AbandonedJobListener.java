package org.strongroom.jobs.infra;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.strongroom.jobs.app.JobRunner;

/**
 * Consumes {@code jobsDLQ}, where the broker moves job messages that exhausted their deliveries, and
 * marks their jobs {@code Failed} with {@code InternalErrorJobAbandoned}, so no job stays
 * {@code InProgress} for ever.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/jobsDLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AbandonedJobListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AbandonedJobListener.class.getName());

    @Inject
    JobRunner runner;

    @Override
    public void onMessage(Message message) {
        JobMessage job;
        try {
            job = JobMessage.read(message);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Dropped a dead letter that is not a job message: " + e.getMessage());
            return;
        }
        runner.abandon(job.jobId());
    }
}
