/**
 * Jobs on JPA and JMS: the repository, the {@link org.strongroom.jobs.app.JobQueue} on the embedded
 * Artemis broker, the job message format (JSON text, see docs/jms.md), and the message-driven beans
 * that hand deliveries to {@link org.strongroom.jobs.app.JobRunner}.
 */
package org.strongroom.jobs.infra;
