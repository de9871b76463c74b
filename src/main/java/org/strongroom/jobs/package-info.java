/**
 * Jobs: asynchronous units of work (key updates, backups, restores, verifications) with their status,
 * progress and error, and the machinery that runs them from JMS queues.
 *
 * <p>Generic: this component knows no vault, key or backup. Business components contribute a
 * {@link org.strongroom.jobs.app.JobHandler} per {@link org.strongroom.jobs.domain.JobOperation} and submit
 * jobs through {@link org.strongroom.jobs.app.JobSubmission}. Depends on {@code platform}, and its {@code api}
 * on {@code web} and the role names of {@code security}.
 */
package org.strongroom.jobs;
