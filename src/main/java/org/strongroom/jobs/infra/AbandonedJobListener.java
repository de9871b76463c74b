package org.strongroom.jobs.infra;

import java.util.UUID;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Consumes {@code jobsDLQ}, where the broker moves job messages that exhausted their deliveries, and
 * marks their jobs {@code Failed} with {@code InternalErrorJobAbandoned}, so no job stays
 * {@code InProgress} for ever.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/jobsDLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class AbandonedJobListener extends JobListener {

    @Override
    protected void handle(UUID jobId) {
        runner.abandon(jobId);
    }
}
