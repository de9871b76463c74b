package org.strongroom.protection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * One backup of an item at a time, complete: its manifest was written before this row, so a recovery
 * point the API shows can always be read whole. Its {@link State} says whether its data was last found
 * whole: a {@code Verify} or {@code Restore} that meets data that does not check out marks it
 * {@code Corrupt}, with what failed; a later complete {@code Verify} marks it {@code Available} again.
 */
@Entity
@Table(name = "recovery_point")
public class RecoveryPoint {

    /** A point younger than the item's instant-restore days is a {@code Snapshot}, an older one a {@code Vault} point. */
    public enum Type { Snapshot, Vault }

    /** Whether the point's data was last found whole ({@code Available}) or not ({@code Corrupt}). */
    public enum State { Available, Corrupt }

    /** The longest reason kept with a {@code Corrupt} state. */
    static final int MAX_STATE_REASON = 1000;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state = State.Available;

    @Column(name = "state_reason", length = MAX_STATE_REASON)
    private String stateReason;

    @Column(name = "state_time")
    private Instant stateTime;

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

    /**
     * The tiers the point can be restored from at {@code now}: {@code Snapshot} while it is younger than
     * {@code instantRestoreDays}, and {@code Vault} always.
     */
    public List<Type> tiers(Instant now, int instantRestoreDays) {
        return type(now, instantRestoreDays) == Type.Snapshot ? List.of(Type.Snapshot, Type.Vault) : List.of(Type.Vault);
    }

    /**
     * The tier a restore reads: the one {@code requested} (a name of {@link Type}), or, when none is, the
     * point's {@link #type}. A tier the point does not have is refused
     * ({@code UserErrorRecoveryPointTierNotAvailable}).
     */
    public Type restoreTier(String requested, Instant now, int instantRestoreDays) {
        if (requested == null) {
            return type(now, instantRestoreDays);
        }
        Type tier;
        try {
            tier = Type.valueOf(requested);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest("recoveryPointTier must be Snapshot or Vault, not '" + requested + "'",
                    "recoveryPointTier");
        }
        if (!tiers(now, instantRestoreDays).contains(tier)) {
            throw new StrongroomException(ErrorCode.UserErrorRecoveryPointTierNotAvailable, "Recovery point " + id
                    + " has no " + tier + " tier: it is older than its item's " + instantRestoreDays + " instant-restore "
                    + "day(s); restore it from the Vault tier", "recoveryPointTier");
        }
        return tier;
    }

    /**
     * Marks the point {@code Corrupt}: {@code reason} says what did not check out. Answers whether the
     * state or its reason changed.
     */
    public boolean markCorrupt(String reason, Instant now) {
        String kept = reason.length() > MAX_STATE_REASON ? reason.substring(0, MAX_STATE_REASON - 1) + "…" : reason;
        if (state == State.Corrupt && kept.equals(stateReason)) {
            return false;
        }
        state = State.Corrupt;
        stateReason = kept;
        stateTime = now;
        return true;
    }

    /** Marks the point {@code Available}: every chunk was just read whole. Answers whether it was {@code Corrupt}. */
    public boolean markAvailable(Instant now) {
        boolean changed = state != State.Available;
        state = State.Available;
        stateReason = null;
        stateTime = now;
        return changed;
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

    public State state() {
        return state;
    }

    /** What did not check out, while {@code Corrupt}; else null. */
    public String stateReason() {
        return stateReason;
    }

    /** When the state was last decided by a Verify or Restore; null before any. */
    public Instant stateTime() {
        return stateTime;
    }

    public Statistics statistics() {
        return new Statistics(sizeBytes, newBytes, storedBytes, chunkCount, newChunkCount, fileCount);
    }
}
