package org.strongroom.jobs.infra;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes requests from outside JMS producers on queue {@code keyUpdateRequests}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/keyUpdateRequests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class KeyUpdateRequestsListener extends RequestListener {

    @Override
    protected String queue() {
        return "keyUpdateRequests";
    }
}
