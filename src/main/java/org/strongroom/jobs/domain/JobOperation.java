package org.strongroom.jobs.domain;

/**
 * What a job does. The names are public (API.md); each operation is carried by one queue.
 */
public enum JobOperation {
    ConfigureEncryption(JobQueueName.keyUpdateJobs),
    UpdateEncryptionKey(JobQueueName.keyUpdateJobs),
    /** Item registration runs inline in the request; its job is recorded, never queued. */
    ConfigureBackup(null),
    Backup(JobQueueName.backupJobs),
    Restore(JobQueueName.restoreJobs),
    Verify(JobQueueName.restoreJobs);

    private final JobQueueName queue;

    JobOperation(JobQueueName queue) {
        this.queue = queue;
    }

    /** The queue that carries this operation's jobs, or {@code null} for an operation that runs inline. */
    public JobQueueName queue() {
        return queue;
    }

    /**
     * The queue outside JMS producers send requests for this operation to: key updates to
     * {@code keyUpdateRequests} (admins only), everything else to {@code jobRequests}.
     */
    public String requestQueue() {
        return queue == JobQueueName.keyUpdateJobs ? "keyUpdateRequests" : "jobRequests";
    }
}
