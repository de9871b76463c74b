package org.strongroom.jobs.app;

import org.strongroom.jobs.domain.Job;

/** Port to the message broker: hands a job to the queue of its operation. */
public interface JobQueue {

    /**
     * Sends the job's message as part of the caller's transaction: it is delivered only if that
     * transaction commits, so a job is never queued without being recorded, nor recorded without being queued.
     */
    void enqueue(Job job);
}
