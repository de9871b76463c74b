package org.strongroom.backup.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.jobs.app.OperationOwner;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/** The backup operation: carried by {@code backupJobs}, requested by producers over {@code jobRequests} too. */
@ApplicationScoped
public class BackupOperations implements OperationOwner {

    public static final JobOperation BACKUP = JobOperation.of("Backup");

    @Override
    public List<OperationRegistration> registrations() {
        return List.of(OperationRegistration.queued(BACKUP, "backupJobs", "jobRequests"));
    }
}
