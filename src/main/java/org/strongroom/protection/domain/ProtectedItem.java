package org.strongroom.protection.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/** A data source registered for backup in a vault. Its workload and source never change once registered. */
@Entity
@Table(name = "protected_item")
public class ProtectedItem {

    /** Item names: 1 to 100 letters, digits, or . _ - ; not "." or ".." (they name directories in the store). */

    @Id
    private UUID id;

    @Column(nullable = false, length = 50)
    private String vault;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "workload_type", nullable = false, length = 16)
    private WorkloadType workloadType;

    @Column(name = "source_path", length = 1000)
    private String sourcePath;

    /** The disk encryption set of a {@code Disk} item's source disk (SPEC 15), if it has one. */
    @Column(name = "source_disk_encryption_set", length = 50)
    private String sourceDiskEncryptionSet;

    /** The user a {@code PostgreSQL} item's database is dumped as. */
    @Column(name = "source_user", length = 63)
    private String sourceUser;

    /** That user's password, sealed by the platform key; null when the database asks for none. */
    @Column(name = "sealed_source_password")
    private byte[] sealedSourcePassword;

    @Embedded
    private BackupPolicy policy;

    @Enumerated(EnumType.STRING)
    @Column(name = "protection_state", nullable = false, length = 24)
    private ProtectionState protectionState = ProtectionState.IRPending;

    @Column(name = "last_backup_time")
    private Instant lastBackupTime;

    /** When the item's data was deleted (soft-deleted); null otherwise. */
    @Column(name = "deleted_time")
    private Instant deletedTime;

    /** When a soft-deleted item's data is purged; null otherwise. */
    @Column(name = "purge_time")
    private Instant purgeTime;

    @Column(name = "last_backup_status", length = 64)
    private String lastBackupStatus;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected ProtectedItem() {
        // for JPA
    }

    public ProtectedItem(ItemRef ref, WorkloadType workloadType, String sourcePath,
                         String sourceDiskEncryptionSet, BackupPolicy policy, Instant now) {
        this.id = UUID.randomUUID();
        this.vault = ref.vault().value();
        this.name = ref.item();
        this.workloadType = Objects.requireNonNull(workloadType);
        this.sourcePath = sourcePath;
        this.sourceDiskEncryptionSet = requireDisk(workloadType, sourceDiskEncryptionSet);
        this.policy = Objects.requireNonNull(policy);
        this.created = now;
        this.updated = now;
    }

    /**
     * A {@code PUT} on a registered item: same workload and source; the policy, and the disk encryption
     * set of a source disk (which may be encrypted later), may change.
     */
    public void update(WorkloadType workloadType, String sourcePath, String sourceDiskEncryptionSet, BackupPolicy policy,
                       Instant now) {
        if (this.workloadType != workloadType || !Objects.equals(this.sourcePath, sourcePath)) {
            throw StrongroomException.conflict("Item '" + name + "' protects " + this.workloadType + " " + this.sourcePath
                    + "; register another item for another source", "source");
        }
        this.sourceDiskEncryptionSet = requireDisk(workloadType, sourceDiskEncryptionSet);
        this.policy = policy;
        this.updated = now;
    }

    /** The login a {@code PostgreSQL} item's database is dumped with: its user and the password sealed for the item. */
    public void useDatabaseLogin(String user, byte[] sealedPassword, Instant now) {
        if (workloadType != WorkloadType.PostgreSQL) {
            throw new IllegalStateException("Only a PostgreSQL item has a database login");
        }
        this.sourceUser = Objects.requireNonNull(user);
        this.sealedSourcePassword = sealedPassword;
        this.updated = now;
    }

    /**
     * Stops protection, retaining the item's recovery points (they expire by the item's retention, the
     * newest kept as always): no backups, scheduled or requested, until it is resumed.
     */
    public void stopProtection(Instant now) {
        requireNotSoftDeleted();
        protectionState = ProtectionState.ProtectionStopped;
        updated = now;
    }

    /**
     * Stops protection and deletes the item's data: soft-deleted, its recovery points kept — restorable
     * only after {@link #undelete}, never expired — until {@code purgeTime}, when they and the item are purged.
     */
    public void softDelete(Instant now, Instant purgeTime) {
        requireNotSoftDeleted();
        protectionState = ProtectionState.SoftDeleted;
        deletedTime = now;
        this.purgeTime = purgeTime;
        updated = now;
    }

    /** Brings a soft-deleted item back, its protection stopped and its points as they were. */
    public void undelete(Instant now) {
        if (protectionState != ProtectionState.SoftDeleted) {
            throw StrongroomException.conflict("Item '" + name + "' is not soft-deleted", ResourcePath.item(ref()).toString());
        }
        protectionState = ProtectionState.ProtectionStopped;
        deletedTime = null;
        purgeTime = null;
        updated = now;
    }

    /** Whether the item is soft-deleted and its time to be purged has come. */
    public boolean purgeDue(Instant now) {
        return protectionState == ProtectionState.SoftDeleted && !purgeTime.isAfter(now);
    }

    public boolean softDeleted() {
        return protectionState == ProtectionState.SoftDeleted;
    }

    /** Refuses what a soft-deleted item cannot do until undeleted ({@code UserErrorItemSoftDeleted}): restore, back up, resume, stop. */
    public void requireNotSoftDeleted() {
        if (protectionState == ProtectionState.SoftDeleted) {
            throw new StrongroomException(ErrorCode.UserErrorItemSoftDeleted, "Item '" + name + "' is soft-deleted (its "
                    + "data is purged at " + purgeTime + "): undelete it first (POST .../items/" + name + "/undelete)",
                    ResourcePath.item(ref()).toString());
        }
    }

    /** Resumes a stopped item's protection: {@code Protected} when it has recovery points, else {@code IRPending}. */
    public void resumeProtection(boolean hasRecoveryPoints, Instant now) {
        requireNotSoftDeleted();
        if (protectionState == ProtectionState.ProtectionStopped) {
            protectionState = hasRecoveryPoints ? ProtectionState.Protected : ProtectionState.IRPending;
            updated = now;
        }
    }

    /**
     * Refuses a backup of an item whose protection is stopped ({@code UserErrorProtectionStopped}) or whose
     * data is deleted ({@code UserErrorItemSoftDeleted}).
     */
    public void requireProtectionActive() {
        requireNotSoftDeleted();
        if (protectionState == ProtectionState.ProtectionStopped) {
            throw new StrongroomException(ErrorCode.UserErrorProtectionStopped, "Protection of item '" + name + "' is "
                    + "stopped: it is not backed up until protection is resumed (POST .../items/" + name
                    + "/resumeProtection)", ResourcePath.item(ref()).toString());
        }
    }

    /** Refuses a backup by the server of an item whose agent backs it up. */
    public void requireServerBackup() {
        if (!workloadType.backedUpByServer()) {
            throw StrongroomException.badRequest(workloadType + " items are backed up by their agent, not the server",
                    "workloadType");
        }
    }

    private static String requireDisk(WorkloadType workloadType, String diskEncryptionSet) {
        if (diskEncryptionSet != null && workloadType != WorkloadType.Disk) {
            throw StrongroomException.badRequest("Only a Disk item's source has a disk encryption set",
                    "source.diskEncryptionSetId");
        }
        return diskEncryptionSet;
    }

    /**
     * A backup of this item ended: {@code Protected} after a success; the last status either way. A stopped
     * item stays stopped (a backup that was running when protection stopped may still complete).
     */
    public void backupEnded(Instant time, boolean succeeded, String status) {
        lastBackupTime = time;
        lastBackupStatus = status;
        if (protectionState == ProtectionState.ProtectionStopped || protectionState == ProtectionState.SoftDeleted) {
            updated = time;
            return;
        }
        if (succeeded) {
            protectionState = ProtectionState.Protected;
        } else if (protectionState == ProtectionState.IRPending) {
            protectionState = ProtectionState.ProtectionError;
        }
        updated = time;
    }

    public UUID id() {
        return id;
    }

    /** The item as others refer to it: its vault and its name. */
    public ItemRef ref() {
        return ItemRef.of(vault(), name);
    }

    public VaultName vault() {
        return new VaultName(vault);
    }

    public String name() {
        return name;
    }

    public WorkloadType workloadType() {
        return workloadType;
    }

    public String sourcePath() {
        return sourcePath;
    }

    public String sourceUser() {
        return sourceUser;
    }

    public byte[] sealedSourcePassword() {
        return sealedSourcePassword;
    }

    public boolean sourcePasswordSet() {
        return sealedSourcePassword != null;
    }

    public Optional<String> sourceDiskEncryptionSet() {
        return Optional.ofNullable(sourceDiskEncryptionSet);
    }

    public BackupPolicy policy() {
        return policy;
    }

    public ProtectionState protectionState() {
        return protectionState;
    }

    public Instant lastBackupTime() {
        return lastBackupTime;
    }

    public String lastBackupStatus() {
        return lastBackupStatus;
    }

    public Instant created() {
        return created;
    }

    public Instant deletedTime() {
        return deletedTime;
    }

    public Instant purgeTime() {
        return purgeTime;
    }
}
