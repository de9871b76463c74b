package org.strongroom.backup.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.app.JobQueries;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.protection.app.ProtectedItems;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.RecoveryPointRepository;
import org.strongroom.storage.domain.ChunkIndex;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.ChunkStore.ManifestName;
import org.strongroom.vault.app.VaultService;

/**
 * Retention and garbage collection for one vault: recovery points older than their item's retention go
 * (each item keeps its newest point whatever its age); a soft-deleted item keeps all of its points until
 * its purge time, then it is purged with them — in an immutable vault only the points its retention let go,
 * the item once none is left; then every pack no remaining point uses goes, with its
 * chunks, then files a crashed backup left behind.
 *
 * <p>Safe beside backups: the decisions are taken under the vault lock and only when no backup of the
 * vault is queued or running (a backup reads the chunk index under the same lock), and files are listed
 * before that decision, so a pack written afterwards is never taken for an orphan.
 */
@ApplicationScoped
public class StoreMaintenance {

    private static final Logger LOG = Logger.getLogger(StoreMaintenance.class.getName());

    @Inject
    VaultService vaults;

    @Inject
    ProtectedItemRepository items;

    @Inject
    RecoveryPointRepository points;

    @Inject
    ChunkIndex index;

    @Inject
    ChunkStore store;

    @Inject
    JobQueries jobs;

    @Inject
    ProtectedItems protectedItems;

    @Inject
    StoreMaintenance self;

    /** What a maintenance pass did; {@code skipped} while a backup of the vault was queued or running. */
    public record Outcome(boolean skipped, int expiredPoints, int deletedPacks, int orphanFiles) {
    }

    /** What the database decided, for the files to follow. */
    public record Plan(boolean skipped, List<ManifestName> expired, Set<UUID> unusedPacks, Set<UUID> knownPacks,
                Set<String> livePoints) {
    }

    public Outcome maintain(VaultName vault) {
        Set<UUID> packsOnDisk = store.packs(vault);
        List<ManifestName> manifestsOnDisk = store.manifests(vault);
        Plan plan = self.plan(vault);
        if (plan.skipped()) {
            return new Outcome(true, 0, 0, 0);
        }
        plan.expired().forEach(m -> store.deleteManifest(vault, m));
        plan.unusedPacks().forEach(pack -> store.deletePack(vault, pack));
        int orphans = 0;
        for (UUID pack : packsOnDisk) {
            if (!plan.knownPacks().contains(pack) && !plan.unusedPacks().contains(pack)) {
                store.deletePack(vault, pack);
                orphans++;
            }
        }
        for (ManifestName manifest : manifestsOnDisk) {
            if (!plan.livePoints().contains(manifest.recoveryPointId()) && !plan.expired().contains(manifest)) {
                store.deleteManifest(vault, manifest);
                orphans++;
            }
        }
        Outcome outcome = new Outcome(false, plan.expired().size(), plan.unusedPacks().size(), orphans);
        if (outcome.expiredPoints() + outcome.deletedPacks() + outcome.orphanFiles() > 0) {
            LOG.info(() -> "Vault " + vault + ": " + outcome.expiredPoints() + " expired recovery point(s), "
                    + outcome.deletedPacks() + " unused pack(s) and " + outcome.orphanFiles() + " orphan file(s) removed");
        }
        return outcome;
    }

    /** Removes the point from the database and the chunk index; answers its manifest, to delete from the store. */
    private ManifestName forget(RecoveryPoint point) {
        points.remove(point);
        index.forgetPoint(point.id());
        return new ManifestName(point.item(), point.id().toString());
    }

    @Transactional
    public Plan plan(VaultName vault) {
        boolean immutable = vaults.lock(vault).immutability().inForce();
        if (jobs.anyInProgress(ResourcePath.vault(vault), BackupOperations.BACKUP)) {
            return new Plan(true, List.of(), Set.of(), Set.of(), Set.of());
        }
        Map<String, ProtectedItem> byName = items.list(vault).stream()
                .collect(Collectors.toMap(ProtectedItem::name, item -> item));
        List<ManifestName> expired = new ArrayList<>();
        Set<String> live = new HashSet<>();
        Set<String> keptBack = new HashSet<>();
        Map<String, List<RecoveryPoint>> byItem = points.inVault(vault).stream()
                .collect(Collectors.groupingBy(RecoveryPoint::item));
        Instant now = Timestamps.now();
        for (Map.Entry<String, List<RecoveryPoint>> entry : byItem.entrySet()) {
            ProtectedItem item = byName.get(entry.getKey());
            Integer retention = item == null ? null : item.policy().retentionDays();
            if (item != null && item.softDeleted()) {
                // kept whole until purged; while the vault is immutable, a purge takes only what its retention let go
                for (RecoveryPoint point : entry.getValue()) {
                    boolean purged = item.purgeDue(now) && (!immutable || retention != null && point.expiredAt(now, retention));
                    if (purged) {
                        expired.add(forget(point));
                    } else {
                        live.add(point.id().toString());
                        keptBack.add(item.name());
                    }
                }
                continue;
            }
            RecoveryPoint newest = entry.getValue().stream().max(Comparator.comparing(RecoveryPoint::time)).orElseThrow();
            for (RecoveryPoint point : entry.getValue()) {
                if (retention != null && point != newest && point.expiredAt(now, retention)) {
                    expired.add(forget(point));
                } else {
                    live.add(point.id().toString());
                }
            }
        }
        for (ProtectedItem item : byName.values()) {
            if (item.purgeDue(now) && !keptBack.contains(item.name())) {
                protectedItems.purged(item, byItem.getOrDefault(item.name(), List.of()).size());
            }
        }
        Set<UUID> unused = index.unusedPacks(vault);
        index.removePacks(vault, unused);
        return new Plan(false, expired, unused, index.packs(vault), live);
    }
}
