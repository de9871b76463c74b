package org.strongroom.jobs.app;

import java.util.Set;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRequest;
import org.strongroom.platform.Caller;

/**
 * Turns a JMS producer's request into a job, for the operations a business component owns (a CDI bean
 * per component). Refuses with {@link org.strongroom.platform.StrongroomException}, exactly as the REST
 * call would.
 */
public interface JobRequestHandler {

    Set<JobOperation> operations();

    /** The members a request of these operations may carry besides {@link JobRequest#COMMON_FIELDS}. */
    Set<String> fields();

    /** Submits the job the request asks for, in the caller's transaction. */
    Job submit(JobRequest request, Caller caller);
}
