package org.strongroom.protection.app;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.diskencryption.domain.DiskEncryptionSetRepository;
import org.strongroom.guard.app.CriticalOperations;
import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.jobs.app.JobQueries;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.BackupPolicy;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;
import org.strongroom.protection.domain.RecoveryPointRepository;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/**
 * Registers items for backup — the {@code ConfigureBackup} job, which runs inline — and reads them.
 *
 * <p>The attempt is noted on the vault first, in a transaction of its own: a vault that had an item, or
 * only a registration attempt, can no longer get its first customer-managed key (SPEC 1), even when the
 * registration is refused.
 */
@ApplicationScoped
public class ProtectedItems {

    @Inject
    VaultService vaults;

    @Inject
    ProtectedItemRepository items;

    @Inject
    SourceLocations sources;

    @Inject
    JobSubmission jobs;

    @Inject
    ActivityLog activity;

    @Inject
    RecoveryPointRepository points;

    @Inject
    JobQueries jobQueries;

    @Inject
    ProtectedItems self;

    @Inject
    DiskEncryptionSetRepository diskEncryptionSets;

    @Inject
    DatabaseSources databases;

    @Inject
    CriticalOperations guard;

    /** What a registration asks for: a path for files and disks, a database login for a database. */
    public record Registration(WorkloadType workloadType, String sourcePath, String sourceDiskEncryptionSet,
                               DatabaseSources.Login database, BackupPolicy policy) {
    }

    /** The outcome of a {@code PUT}: the item, and whether it was created by it. */
    public record PutResult(ProtectedItem item, boolean created) {
    }

    public PutResult register(Caller caller, ItemRef ref, Registration registration) {
        vaults.itemRegistrationAttempted(ref.vault());
        try {
            PutResult result = self.store(caller, ref, registration);
            jobs.recordInline(ProtectionOperations.CONFIGURE_BACKUP, ResourcePath.item(ref), caller.name(), null);
            return result;
        } catch (StrongroomException refused) {
            jobs.recordInline(ProtectionOperations.CONFIGURE_BACKUP, ResourcePath.item(ref), caller.name(), refused);
            throw refused;
        }
    }

    @Transactional
    public PutResult store(Caller caller, ItemRef ref, Registration registration) {
        return activity.record(caller, "RegisterProtectedItem", ResourcePath.item(ref), () -> {
            Vault vault = vaults.get(ref.vault());
            WorkloadType workload = registration.workloadType();
            vault.requireWorkloadAllowed(workload.name(), workload.passphraseOrClassic());
            String source = registration.sourcePath();
            DatabaseSources.Login login = registration.database();
            if (workload == WorkloadType.PostgreSQL) {
                if (login == null || source != null) {
                    throw new StrongroomException(ErrorCode.UserErrorInvalidSource, "A PostgreSQL item names its database: "
                            + "\"source\": {\"jdbcUrl\": \"jdbc:postgresql://host:5432/db\", \"user\": ..., \"password\": ...} "
                            + "(or host, port and database instead of jdbcUrl); source.path is for Files and Disk items", "source");
                }
                source = login.source().jdbcUrl();
            } else if (login != null) {
                throw StrongroomException.badRequest("source.jdbcUrl, host, port and database name a PostgreSQL item's "
                        + "database; a " + workload + " item has source.path", "source");
            } else if (workload.backedUpByServer()) {
                source = sources.check(workload, source).toString();
            }
            String des = registration.sourceDiskEncryptionSet();
            if (des != null && diskEncryptionSets.find(des).isEmpty()) {
                throw StrongroomException.notFound("No disk encryption set named '" + des + "'", "source.diskEncryptionSetId");
            }
            var existing = items.find(ref);
            if (existing.isPresent()) {
                if (vault.requireRetentionChange(existing.get().policy().retentionDays(), registration.policy().retentionDays())) {
                    guard.authorize(caller, ref.vault().value(), CriticalOperation.ReduceRetention);
                }
                existing.get().update(workload, source, des, registration.policy(), Timestamps.now());
                if (login != null) {
                    existing.get().useDatabaseLogin(login.user(),
                            databases.check(ref, login, existing.get().sealedSourcePassword()), Timestamps.now());
                }
                return new PutResult(existing.get(), false);
            }
            ProtectedItem item = new ProtectedItem(ref, workload, source, des, registration.policy(), Timestamps.now());
            if (login != null) {
                item.useDatabaseLogin(login.user(), databases.check(ref, login, null), Timestamps.now());
            }
            items.add(item);
            return new PutResult(item, true);
        }, result -> result.item().workloadType() + " " + result.item().sourcePath());
    }

    /**
     * Stops the item's protection: no backup runs until it is resumed. Its recovery points are retained
     * (they expire by the item's retention, the newest kept, as for every item), or with {@code deleteData}
     * soft-deleted: kept, undeletable, for the vault's soft delete days, then purged (at once while the
     * vault's soft delete is disabled).
     */
    @Transactional
    public ProtectedItem stopProtection(Caller caller, ItemRef ref, boolean deleteData) {
        return activity.record(caller, "StopProtection", ResourcePath.item(ref), () -> {
            ProtectedItem item = forUpdate(ref);
            Instant now = Timestamps.now();
            if (deleteData) {
                Vault vault = vaults.get(ref.vault());
                vault.requireDeletable("deleting the data of item '" + ref.item() + "'", ResourcePath.item(ref).toString());
                guard.authorize(caller, ref.vault().value(), CriticalOperation.DeleteBackupData);
                item.softDelete(now, vault.softDelete().purgeTime(now));
            } else {
                item.stopProtection(now);
            }
            return item;
        }, item -> item.softDeleted() ? "data deleted: soft-deleted, purged at " + item.purgeTime() : "recovery points retained");
    }

    /** Brings a soft-deleted item back with its recovery points, its protection stopped. */
    @Transactional
    public ProtectedItem undelete(Caller caller, ItemRef ref) {
        return activity.record(caller, "UndeleteProtectedItem", ResourcePath.item(ref), () -> {
            ProtectedItem item = forUpdate(ref);
            item.undelete(Timestamps.now());
            return item;
        }, item -> "recovery points kept, protection stopped");
    }

    /**
     * Purges a soft-deleted item whose time has come, in the caller's transaction (store maintenance, which
     * removes its recovery points first): the item goes, recorded as done by the system.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purged(ProtectedItem item, int points) {
        items.remove(item);
        activity.append(Caller.SYSTEM, "PurgeProtectedItem", ResourcePath.item(item.ref()), ActivityStatus.Succeeded,
                points + " recovery point(s) purged, soft-deleted at " + item.deletedTime());
    }

    /** Resumes a stopped item's protection: its schedule and requested backups run again. */
    @Transactional
    public ProtectedItem resumeProtection(Caller caller, ItemRef ref) {
        return activity.record(caller, "ResumeProtection", ResourcePath.item(ref), () -> {
            ProtectedItem item = forUpdate(ref);
            item.resumeProtection(points.count(ref) > 0, Timestamps.now());
            return item;
        }, item -> item.protectionState().name());
    }

    /**
     * Deletes an item that holds no recovery points and runs no job; one with points is refused
     * ({@code UserErrorItemHasRecoveryPoints}): backup data is never deleted by removing its item. The item's
     * row stays locked until the deletion commits, as a backup request locks it to submit its job, so no
     * backup starts in between.
     */
    @Transactional
    public void delete(Caller caller, ItemRef ref) {
        activity.record(caller, "DeleteProtectedItem", ResourcePath.item(ref), () -> {
            ProtectedItem item = forUpdate(ref);
            if (jobQueries.anyInProgress(ResourcePath.item(ref))) {
                throw StrongroomException.conflict("A job of item '" + ref.item() + "' is running; delete the item once it "
                        + "has ended", ResourcePath.item(ref).toString());
            }
            int held = points.count(ref);
            if (held > 0) {
                throw new StrongroomException(ErrorCode.UserErrorItemHasRecoveryPoints, "Item '" + ref.item() + "' holds "
                        + held + " recovery point(s); an item is deleted only once it holds none (stop its protection: "
                        + "its points then expire by its retention)", ResourcePath.item(ref).toString());
            }
            items.remove(item);
            return item;
        }, item -> item.workloadType() + " " + item.sourcePath());
    }

    private ProtectedItem forUpdate(ItemRef ref) {
        vaults.get(ref.vault());
        return items.findForUpdate(ref).orElseThrow(() -> noSuchItem(ref));
    }

    @Transactional
    public ProtectedItem get(ItemRef ref) {
        vaults.get(ref.vault());
        return items.find(ref).orElseThrow(() -> noSuchItem(ref));
    }

    /** The refusal for an item the vault does not have. */
    public static StrongroomException noSuchItem(ItemRef ref) {
        return StrongroomException.notFound("Vault '" + ref.vault() + "' has no item named '" + ref.item() + "'",
                ResourcePath.item(ref).toString());
    }

    @Transactional
    public List<ProtectedItem> list(VaultName vault) {
        vaults.get(vault);
        return items.list(vault);
    }
}
