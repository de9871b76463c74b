package org.strongroom.jobs.infra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.strongroom.jobs.app.JobOperations;
import org.strongroom.jobs.app.JobQueue;
import org.strongroom.jobs.domain.Job;

/**
 * {@link JobQueue} on the embedded Artemis broker. The injected {@link JMSContext} uses the server's
 * pooled XA connection factory, so a send joins the caller's JTA transaction.
 */
@ApplicationScoped
public class JmsJobQueue implements JobQueue {

    @Inject
    JMSContext context;

    @Inject
    JobOperations operations;

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    @Override
    public void enqueue(Job job) {
        String name = operations.jobQueue(job.operation()).orElseThrow(() -> new IllegalArgumentException(
                job.operation() + " jobs are not carried by any queue"));
        JobMessage message = JobMessage.of(job);
        TextMessage text = context.createTextMessage(message.toJson());
        try {
            text.setStringProperty("jobId", message.jobId().toString());
            text.setStringProperty("operation", message.operation().name());
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot set job message properties: " + e.getMessage());
        }
        context.createProducer().send(queue(name), text);
    }

    /** The queue bound at {@code java:/jms/queue/<name>} (wildfly-config/10-messaging.cli). */
    private Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> {
            try {
                return InitialContext.doLookup("java:/jms/queue/" + n);
            } catch (NamingException e) {
                throw new IllegalStateException("No JMS queue at java:/jms/queue/" + n + ": " + e.getMessage(), e);
            }
        });
    }
}
