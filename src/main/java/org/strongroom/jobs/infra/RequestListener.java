package org.strongroom.jobs.infra;

import java.util.logging.Logger;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.strongroom.jobs.app.JobOperations;
import org.strongroom.jobs.app.JobRequests;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRequest;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.web.ErrorBody;

/**
 * The pattern of the request queues' message-driven beans: parse, accept (idempotent by request id),
 * and reply. A malformed or refused request is answered on {@code JMSReplyTo} with the error body and
 * acknowledged: it never blocks the queue. The broker has already checked the sender's role for this queue.
 *
 * <p>{@code JMSReplyTo} must be a temporary queue, the producer's own: Strongroom's connection may send to
 * any address, so a reply aimed at another queue (say, a job queue) would let a producer put messages
 * where its own role may not. A request with any other reply destination is refused, logged and dropped.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class RequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RequestListener.class.getName());

    @Inject
    JobRequests requests;

    @Inject
    JmsJobReplies replies;

    @Inject
    JobOperations operations;

    /** The queue this bean consumes. */
    protected abstract String queue();

    @Override
    public void onMessage(Message message) {
        if (!repliesToATemporaryQueue(message)) {
            LOG.warning(() -> "Request on " + queue() + " refused and dropped: its JMSReplyTo is not a temporary queue ("
                    + replyDestination(message) + "); replies go only to the producer's own temporary queue");
            return;
        }
        String replyTo = replyQueue(message);
        String correlationId = messageId(message);
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("Send the request as a TextMessage holding JSON");
            }
            JobRequest request = JobRequest.parse(text.getText(), operations::find);
            Caller caller = Caller.user(request.requestedBy() == null ? "jms" : "jms:" + request.requestedBy(), false);
            Job job = requests.accept(queue(), request, caller,
                    replyTo == null ? null : new JobRequests.ReplyTo(replyTo, correlationId));
            LOG.info(() -> "Request " + request.requestId() + " on " + queue() + ": job " + job.id() + " " + job.status());
            if (job.isFinished()) {
                replies.sendFor(job.id());
            }
        } catch (IllegalArgumentException | JMSException malformed) {
            LOG.info(() -> "Malformed request on " + queue() + ": " + malformed.getMessage());
            replies.sendError(replyTo, correlationId, ErrorBody.of(ErrorCode.BadRequest, malformed.getMessage(), "request"));
        } catch (StrongroomException refused) {
            LOG.info(() -> "Request on " + queue() + " refused: " + refused.code() + ": " + refused.getMessage());
            replies.sendError(replyTo, correlationId, ErrorBody.of(refused.code(), refused.getMessage(), refused.target()));
        }
    }

    /** No reply destination, or a temporary queue. */
    private static boolean repliesToATemporaryQueue(Message message) {
        Destination destination = replyDestination(message);
        if (destination == null) {
            return true;
        }
        return destination instanceof ActiveMQDestination artemis ? artemis.isTemporary() : destination instanceof TemporaryQueue;
    }

    private static Destination replyDestination(Message message) {
        try {
            return message.getJMSReplyTo();
        } catch (JMSException e) {
            return null;
        }
    }

    private static String replyQueue(Message message) {
        try {
            return ReplyDestinations.encode(message.getJMSReplyTo());
        } catch (JMSException e) {
            return null;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }
}
