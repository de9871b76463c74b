package org.strongroom.jobs.infra;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.app.JobRequests;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.platform.Timestamps;
import org.strongroom.web.ErrorBody;

/**
 * Answers JMS producers: when a requested job ends, its final JSON (as {@code GET /api/jobs/{id}} shows
 * it) goes to every {@code JMSReplyTo} waiting for it, with {@code JMSCorrelationID} = the request's
 * message id; a malformed or refused request is answered at once with the error body.
 */
@ApplicationScoped
public class JmsJobReplies {

    private static final Logger LOG = Logger.getLogger(JmsJobReplies.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory broker;

    @Resource
    ManagedExecutorService executor;

    @Inject
    JobRequests requests;

    void onJobEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEnded event) {
        executor.execute(() -> {
            try {
                sendFor(event.jobId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not reply for job " + event.jobId(), e);
            }
        });
    }

    /** Sends the job's final state to the producers waiting for it (none, if it has not ended). */
    public void sendFor(UUID jobId) {
        requests.takeRepliesIfEnded(jobId).ifPresent(ended -> {
            String body = JSON.toJson(JobDto.of(ended.job(), Timestamps.now()));
            ended.replies().forEach(reply -> send(reply.replyTo(), reply.correlationId(), body));
        });
    }

    /** Answers a request that could not be accepted. */
    public void sendError(String replyTo, String correlationId, ErrorBody error) {
        if (replyTo != null) {
            send(replyTo, correlationId, JSON.toJson(error));
        }
    }

    private void send(String replyTo, String correlationId, String body) {
        try (JMSContext context = broker.createContext()) {
            TextMessage reply = context.createTextMessage(body);
            if (correlationId != null) {
                reply.setJMSCorrelationID(correlationId);
            }
            context.createProducer().send(ReplyDestinations.decode(replyTo), reply);
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            LOG.warning(() -> "Could not reply to " + replyTo + ": " + e.getMessage());
        }
    }
}
