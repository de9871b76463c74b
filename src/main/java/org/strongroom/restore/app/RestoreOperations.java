package org.strongroom.restore.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.jobs.app.OperationOwner;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/**
 * The operations that read recovery points back, and re-seal a restored disk under another key: carried by
 * {@code restoreJobs} and asked for over REST only.
 */
@ApplicationScoped
public class RestoreOperations implements OperationOwner {

    public static final JobOperation RESTORE = JobOperation.of("Restore");
    public static final JobOperation VERIFY = JobOperation.of("Verify");
    public static final JobOperation RESEAL_DISK = JobOperation.of("ResealDisk");

    @Override
    public List<OperationRegistration> registrations() {
        return List.of(OperationRegistration.queued(RESTORE, "restoreJobs"), OperationRegistration.queued(VERIFY, "restoreJobs"),
                OperationRegistration.queued(RESEAL_DISK, "restoreJobs"));
    }
}
