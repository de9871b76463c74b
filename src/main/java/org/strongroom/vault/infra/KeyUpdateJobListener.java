package org.strongroom.vault.infra;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

import org.strongroom.jobs.infra.JobListener;

/** Runs the jobs of queue {@code keyUpdateJobs}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/keyUpdateJobs"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class KeyUpdateJobListener extends JobListener {
}
