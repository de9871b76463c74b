package org.strongroom.protection.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.platform.StrongroomException;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.domain.BackupPolicy;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.WorkloadType;

/** Bodies of {@code /api/vaults/{vault}/items}. */
public final class ItemDtos {

    private ItemDtos() {
    }

    /** {@code {"workloadType","source":{"path"},"policy"?:{"schedule","retentionDays","instantRestoreDays"}}}. */
    public record ItemRequest(String workloadType, Source source, Policy policy) {
    }

    /**
     * {@code {"path","diskEncryptionSetId"?}} for files and disks (the disk encryption set only for a {@code Disk}
     * item's source disk); for a database {@code {"jdbcUrl"} or {"host","port"?,"database"}}, with {@code "user"} and
     * {@code "password"?} — the password is sealed when registered and never shown again: an item shows
     * {@code "passwordSet"}.
     */
    @JsonbPropertyOrder({"path", "diskEncryptionSetId", "jdbcUrl", "host", "port", "database", "user", "password",
            "passwordSet"})
    public record Source(String path, String diskEncryptionSetId, String jdbcUrl, String host, Integer port,
                         String database, String user, String password, Boolean passwordSet) {

        static Source of(ProtectedItem item) {
            if (item.workloadType() == WorkloadType.PostgreSQL) {
                PostgresSource database = PostgresSource.ofJdbcUrl(item.sourcePath());
                return new Source(null, null, database.jdbcUrl(), database.host(), database.port(), database.database(),
                        item.sourceUser(), null, item.sourcePasswordSet());
            }
            return item.sourcePath() == null ? null
                    : new Source(item.sourcePath(), item.sourceDiskEncryptionSet().orElse(null), null, null, null, null,
                    null, null, null);
        }

        /** The database the source names, by its JDBC URL or its parts; null for other sources. */
        PostgresSource databaseNamed() {
            if (jdbcUrl != null) {
                if (host != null || port != null || database != null) {
                    throw StrongroomException.badRequest("Name the database either by source.jdbcUrl or by source.host, "
                            + "source.port and source.database, not both", "source");
                }
                return PostgresSource.ofJdbcUrl(jdbcUrl);
            }
            if (host == null && database == null) {
                return null;
            }
            return new PostgresSource(host, port == null ? PostgresSource.DEFAULT_PORT : port, database);
        }
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
                    Source.of(item),
                    Policy.of(item.policy()),
                    item.protectionState().name(), item.lastBackupTime(), item.lastBackupStatus(), item.created(),
                    item.deletedTime(), item.purgeTime());
        }
    }
}
