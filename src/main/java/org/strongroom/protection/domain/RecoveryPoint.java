package org.strongroom.protection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;

/**
 * One backup of an item at a time, complete: its manifest was written before this row, so a recovery
 * point the API shows can always be read whole.
 */
@Entity
@Table(name = "recovery_point")
public class RecoveryPoint {

    /** A point younger than the item's instant-restore days is a {@code Snapshot}, an older one a {@code Vault} point. */
    public enum Type { Snapshot, Vault }

    @Id
    private UUID id;

    @Column(nullable = false, length = 50)
    private String vault;

    @Column(nullable = false, length = 100)
    private String item;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "point_time", nullable = false)
    private Instant time;

    @Enumerated(EnumType.STRING)
    @Column(name = "workload_type", nullable = false, length = 16)
    private WorkloadType workloadType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "new_bytes", nullable = false)
    private long newBytes;

    @Column(name = "stored_bytes", nullable = false)
    private long storedBytes;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "new_chunk_count", nullable = false)
    private int newChunkCount;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    protected RecoveryPoint() {
        // for JPA
    }

    public RecoveryPoint(UUID id, ItemRef item, UUID jobId, Instant time, WorkloadType workloadType,
                         Statistics statistics) {
        this.id = Objects.requireNonNull(id);
        this.vault = item.vault().value();
        this.item = item.item();
        this.jobId = Objects.requireNonNull(jobId);
        this.time = Objects.requireNonNull(time);
        this.workloadType = Objects.requireNonNull(workloadType);
        this.sizeBytes = statistics.sizeBytes();
        this.newBytes = statistics.newBytes();
        this.storedBytes = statistics.storedBytes();
        this.chunkCount = statistics.chunkCount();
        this.newChunkCount = statistics.newChunkCount();
        this.fileCount = statistics.fileCount();
    }

    /**
     * What a backup measured: bytes read ({@code sizeBytes}), bytes of chunks new to the vault, bytes
     * written to the store for them (encrypted), chunk counts, and files (blocks for a disk).
     */
    public record Statistics(long sizeBytes, long newBytes, long storedBytes, int chunkCount, int newChunkCount,
                             int fileCount) {
    }

    public Type type(Instant now, int instantRestoreDays) {
        return time.plus(Duration.ofDays(instantRestoreDays)).isAfter(now) ? Type.Snapshot : Type.Vault;
    }

    /** Whether the point is older than {@code retentionDays} at {@code now}. */
    public boolean expiredAt(Instant now, int retentionDays) {
        return !time.plus(Duration.ofDays(retentionDays)).isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public VaultName vault() {
        return new VaultName(vault);
    }

    public String item() {
        return item;
    }

    public UUID jobId() {
        return jobId;
    }

    public Instant time() {
        return time;
    }

    public WorkloadType workloadType() {
        return workloadType;
    }

    public Statistics statistics() {
        return new Statistics(sizeBytes, newBytes, storedBytes, chunkCount, newChunkCount, fileCount);
    }
}
