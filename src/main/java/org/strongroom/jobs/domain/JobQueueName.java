package org.strongroom.jobs.domain;

/** The JMS job queues (declared in wildfly-config/10-messaging.cli; the names are public, see docs/jms.md). */
public enum JobQueueName {
    keyUpdateJobs, backupJobs, restoreJobs
}
