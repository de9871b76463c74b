package org.strongroom.backup.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.app.JobQueries;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.app.ProtectedItems;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;

/** Starts backups: one per item at a time; a second request while one runs is refused (409). */
@ApplicationScoped
public class Backups {

    @Inject
    ProtectedItemRepository items;

    @Inject
    JobQueries jobQueries;

    @Inject
    JobSubmission jobs;

    @Transactional
    public Job request(Caller caller, ItemRef ref) {
        ProtectedItem item = items.findForUpdate(ref).orElseThrow(() -> ProtectedItems.noSuchItem(ref));
        item.requireServerBackup();
        item.requireProtectionActive();
        if (jobQueries.anyInProgress(ResourcePath.item(ref), BackupOperations.BACKUP)) {
            throw StrongroomException.conflict("A backup of item '" + ref.item() + "' is already running; wait for it to end",
                    ResourcePath.item(ref).toString());
        }
        return jobs.submit(BackupOperations.BACKUP, ResourcePath.item(ref), caller.name());
    }
}
