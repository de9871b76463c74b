/**
 * Use cases of jobs: submitting a job (recorded and queued in the caller's transaction), running one
 * from its message in short transactions, abandoning one whose message died, and reading jobs.
 *
 * <p>{@link org.strongroom.jobs.app.JobQueue} is the port to the message broker;
 * {@link org.strongroom.jobs.app.OperationOwner}, {@link org.strongroom.jobs.app.JobHandler} and
 * {@link org.strongroom.jobs.app.JobRequestHandler} are what business components implement.
 */
package org.strongroom.jobs.app;
