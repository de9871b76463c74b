package org.strongroom.jobs.infra;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes requests from outside JMS producers on queue {@code jobRequests}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/jobRequests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class JobRequestsListener extends RequestListener {

    @Override
    protected String queue() {
        return "jobRequests";
    }
}
