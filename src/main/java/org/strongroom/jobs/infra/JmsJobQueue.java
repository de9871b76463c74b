package org.strongroom.jobs.infra;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.strongroom.jobs.app.JobQueue;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobQueueName;

/**
 * {@link JobQueue} on the embedded Artemis broker. The injected {@link JMSContext} uses the server's
 * pooled XA connection factory, so a send joins the caller's JTA transaction.
 */
@ApplicationScoped
public class JmsJobQueue implements JobQueue {

    @Inject
    JMSContext context;

    @Resource(lookup = "java:/jms/queue/keyUpdateJobs")
    Queue keyUpdateJobs;

    @Resource(lookup = "java:/jms/queue/backupJobs")
    Queue backupJobs;

    @Resource(lookup = "java:/jms/queue/restoreJobs")
    Queue restoreJobs;

    @Override
    public void enqueue(Job job) {
        JobQueueName name = job.operation().queue();
        if (name == null) {
            throw new IllegalArgumentException(job.operation() + " jobs run inline and are never queued");
        }
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

    private Queue queue(JobQueueName name) {
        return switch (name) {
            case keyUpdateJobs -> keyUpdateJobs;
            case backupJobs -> backupJobs;
            case restoreJobs -> restoreJobs;
        };
    }
}
