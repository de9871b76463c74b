package org.strongroom.jobs.app;

import java.util.UUID;

import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;

/** What a {@link JobHandler} knows of the job it runs, and how it reports back. */
public interface JobExecution {

    UUID jobId();

    JobOperation operation();

    /** What the job works on, e.g. {@code vaults/v1/items/files1}. */
    ResourcePath subject();

    /** Who asked for the job: a user name, or {@code system}. */
    String requestedBy();

    /** Who asked for the job, as the activity log names a caller: the user, or {@link Caller#SYSTEM}. */
    default Caller requester() {
        String by = requestedBy();
        return by == null || by.equals(Caller.SYSTEM.name()) ? Caller.SYSTEM : Caller.user(by, false);
    }

    /** The job's parameters as submitted (JSON), or {@code null}. */
    String parameters();

    /** Which delivery this is: 1 for the first run, more when an earlier attempt broke off. */
    int attempt();

    /** Reports progress; cheap to call often (writes are throttled). */
    void progress(long bytesDone, long bytesTotal);

    /** Notes a warning: the job then ends {@code CompletedWithWarnings} with it, unless it fails. */
    void warn(String warning);
}
