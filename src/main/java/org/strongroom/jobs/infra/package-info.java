/**
 * Jobs on JPA and JMS: the repository, the {@link org.strongroom.jobs.app.JobQueue} on the embedded
 * Artemis broker, the job message format (JSON text, see docs/jms.md), the pattern of the message-driven
 * beans that hand deliveries to {@link org.strongroom.jobs.app.JobRunner} (each business component has
 * the one of its queue), the dead-letter listener, and the two request queues' listeners.
 */
package org.strongroom.jobs.infra;
