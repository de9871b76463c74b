package org.strongroom.protection.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.protection.domain.BackupPolicy;
import org.strongroom.protection.domain.ProtectedItem;

/** Bodies of {@code /api/vaults/{vault}/items}. */
public final class ItemDtos {

    private ItemDtos() {
    }

    /** {@code {"workloadType","source":{"path"},"policy"?:{"schedule","retentionDays","instantRestoreDays"}}}. */
    public record ItemRequest(String workloadType, Source source, Policy policy) {
    }

    /** {@code {"path","diskEncryptionSetId"?}}: the disk encryption set only for a {@code Disk} item's source disk. */
    @JsonbPropertyOrder({"path", "diskEncryptionSetId"})
    public record Source(String path, String diskEncryptionSetId) {
    }

    @JsonbPropertyOrder({"schedule", "retentionDays", "instantRestoreDays"})
    public record Policy(String schedule, Integer retentionDays, Integer instantRestoreDays) {

        static Policy of(BackupPolicy policy) {
            return new Policy(policy.schedule(), policy.retentionDays(), policy.instantRestoreDays());
        }
    }

    /** An item; {@code deletedTime} and {@code purgeTime} only while it is soft-deleted. */
    @JsonbPropertyOrder({"name", "vault", "workloadType", "source", "policy", "protectionState", "lastBackupTime",
            "lastBackupStatus", "created", "deletedTime", "purgeTime"})
    public record ItemDto(String name, String vault, String workloadType, Source source, Policy policy,
                          String protectionState, Instant lastBackupTime, String lastBackupStatus, Instant created,
                          Instant deletedTime, Instant purgeTime) {

        static ItemDto of(ProtectedItem item) {
            return new ItemDto(item.name(), item.vault().value(), item.workloadType().name(),
                    item.sourcePath() == null ? null : new Source(item.sourcePath(), item.sourceDiskEncryptionSet().orElse(null)),
                    Policy.of(item.policy()),
                    item.protectionState().name(), item.lastBackupTime(), item.lastBackupStatus(), item.created(),
                    item.deletedTime(), item.purgeTime());
        }
    }
}
