/**
 * Jobs: asynchronous units of work (key updates, backups, restores, verifications) with their status,
 * progress and error, and the machinery that runs them from JMS queues.
 *
 * <p>Generic: this component knows no operation, queue, vault, key or backup of its own. Each business
 * component registers its operations with the queue that carries each
 * ({@link org.strongroom.jobs.app.OperationOwner}), contributes the
 * {@link org.strongroom.jobs.app.JobHandler} that runs them and the message-driven bean of its queue (a
 * {@link org.strongroom.jobs.infra.JobListener}), and submits jobs through
 * {@link org.strongroom.jobs.app.JobSubmission}, each on a subject: the
 * {@link org.strongroom.platform.ResourcePath} of what it works on. Depends on {@code platform}, and its {@code api}
 * on {@code web} and the role names of {@code security}.
 */
package org.strongroom.jobs;
