package org.strongroom.jobs.infra;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;

import org.apache.activemq.artemis.jms.client.ActiveMQDestination;

/**
 * A producer's {@code JMSReplyTo}, kept as text until its job ends. It is kept as the broker address
 * ({@code queue://<address>}), not as a JMS queue name: the server's connection factory prefixes names
 * with {@code jms.queue.} (WildFly's default for old clients) while a producer's temporary queue lives
 * at its bare address, so a name would route the reply nowhere.
 */
final class ReplyDestinations {

    private ReplyDestinations() {
    }

    /** The text for a reply destination; null when there is none. */
    static String encode(Destination destination) throws JMSException {
        if (destination instanceof ActiveMQDestination artemis) {
            return ActiveMQDestination.QUEUE_QUALIFIED_PREFIX + artemis.getAddress();
        }
        if (destination instanceof Queue queue) {
            return ActiveMQDestination.QUEUE_QUALIFIED_PREFIX + queue.getQueueName();
        }
        return null;
    }

    static Destination decode(String text) {
        return ActiveMQDestination.fromPrefixedName(text);
    }
}
