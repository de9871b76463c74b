package org.strongroom.backup.app;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.ProtectedItemRepository;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.RecoveryPointRepository;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkIndex;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.vault.app.VaultService;

/** The short transactions of a backup: read what it needs at the start, commit the recovery point at the end. */
@ApplicationScoped
public class BackupSteps {

    @Inject
    VaultService vaults;

    @Inject
    ProtectedItemRepository items;

    @Inject
    RecoveryPointRepository points;

    @Inject
    ChunkIndex index;

    /** The recovery point an earlier delivery of this job already committed, if any. */
    @Transactional
    public Optional<RecoveryPoint> pointOfJob(ItemRef item, UUID jobId) {
        return points.list(item, null, null).stream().filter(p -> p.jobId().equals(jobId)).findFirst();
    }

    /** The chunks the vault holds, read under the vault lock (never while garbage collection runs). */
    @Transactional
    public Map<ChunkId, ChunkRef> storedChunks(VaultName vault) {
        vaults.lock(vault);
        return index.chunks(vault);
    }

    /** The item's newest recovery point, whose unchanged files the backup takes over. */
    @Transactional
    public Optional<RecoveryPoint> latest(ItemRef item) {
        return points.list(item, null, null).stream().max(Comparator.comparing(RecoveryPoint::time));
    }

    /** Commits a recovery point whose manifest is written: its row, its packs and chunks, the item's state. */
    @Transactional
    public RecoveryPoint commit(ItemRef item, UUID recoveryPointId, UUID jobId, WorkloadType workload,
                                RecoveryPoint.Statistics statistics, Map<UUID, Long> newPacks,
                                java.util.Collection<ChunkRef> newChunks, Set<UUID> usedPacks) {
        RecoveryPoint point = new RecoveryPoint(recoveryPointId, item, jobId, Timestamps.now(), workload, statistics);
        points.add(point);
        index.recordPoint(item.vault(), recoveryPointId, newPacks, newChunks, usedPacks);
        items.find(item).ifPresent(i -> i.backupEnded(point.time(), true, "Completed"));
        return point;
    }

    /** Notes a failed backup on the item. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(ItemRef item, String status) {
        items.find(item).ifPresent(i -> i.backupEnded(Timestamps.now(), false, status));
    }
}
