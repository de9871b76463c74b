package org.strongroom.jobs.app;

import java.util.Set;

import org.strongroom.jobs.domain.JobOperation;

/**
 * The work of one or more {@link JobOperation}s, contributed by a business component as a CDI bean.
 *
 * <p>{@link #run} is called outside any transaction: open short ones as needed, never one around the
 * whole job. To refuse or fail the job with a public code, throw a
 * {@link org.strongroom.platform.StrongroomException}: the job ends {@code Failed} with that code and the
 * message is not retried. Any other exception is treated as a fault of this attempt: the message is
 * delivered again (so {@code run} must be safe to repeat) until its deliveries are exhausted.
 */
public interface JobHandler {

    /** The operations this handler runs; no two handlers may share one. */
    Set<JobOperation> operations();

    void run(JobExecution execution);
}
