package org.strongroom.backup.app;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.jobs.app.JobRequestHandler;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRequest;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.StrongroomException;

/** Backup requests from JMS producers: {@code {"operation":"Backup","vault","item","requestId"}}. */
@ApplicationScoped
public class BackupRequestHandler implements JobRequestHandler {

    @Inject
    Backups backups;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(BackupOperations.BACKUP);
    }

    @Override
    public Set<String> fields() {
        return Set.of("item");
    }

    @Override
    public Job submit(JobRequest request, Caller caller) {
        if (request.item() == null) {
            throw StrongroomException.badRequest("A Backup request names its item", "item");
        }
        return backups.request(caller, ItemRef.requested(request.vault(), request.item()));
    }
}
