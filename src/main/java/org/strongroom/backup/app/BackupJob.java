package org.strongroom.backup.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Meters;
import org.strongroom.platform.StrongroomException;
import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.postgresql.PostgresException;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.app.DatabaseSources;
import org.strongroom.protection.app.ProtectedItems;
import org.strongroom.protection.app.SourceLocations;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code Backup} job: unwraps the vault's data key afresh (a disabled, expired or deleted key, or a
 * revoked permission, fails the job with the seed's code and stores nothing), reads the item's source
 * through the chunk pipeline, writes the encrypted manifest last and atomically, and commits the recovery
 * point. A job delivered again after it committed does nothing more.
 */
@ApplicationScoped
public class BackupJob implements JobHandler {

    /** Prometheus: {@code strongroom_backup_source_bytes_total} (bytes backed up) and {@code strongroom_backup_new_bytes_total} (new to the vault). */
    @Inject
    MeterRegistry registry;

    @Inject
    VaultService vaults;

    @Inject
    ProtectedItems items;

    @Inject
    SourceLocations sources;

    @Inject
    DatabaseSources databases;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ChunkStore store;

    @Inject
    BackupSteps steps;

    @Resource
    ManagedThreadFactory threads;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(BackupOperations.BACKUP);
    }

    @Override
    public void run(JobExecution job) {
        ItemRef subject = job.subject().itemRef();
        if (steps.pointOfJob(subject, job.jobId()).isPresent()) {
            return;
        }
        try {
            backup(job);
        } catch (StrongroomException refused) {
            steps.failed(subject, refused.code().name());
            throw refused;
        }
    }

    private void backup(JobExecution job) {
        ProtectedItem item = items.get(job.subject().itemRef());
        Vault vault = vaults.get(item.vault());
        item.requireServerBackup();
        item.requireProtectionActive();
        if (item.workloadType() == WorkloadType.PostgreSQL) {
            try (PostgresConnection database = databases.connect(item)) {
                backup(job, item, vault, database);
            } catch (PostgresException e) {
                throw DatabaseSources.unreadable(PostgresSource.ofJdbcUrl(item.sourcePath()), e);
            }
        } else {
            sources.recheck(item.workloadType(), item.sourcePath());
            backup(job, item, vault, null);
        }
    }

    /** Backs up the item's files, disk, or — when {@code database} is given — database. */
    private void backup(JobExecution job, ProtectedItem item, Vault vault, PostgresConnection database) {
        Path source = database == null ? Path.of(item.sourcePath()) : null;
        UUID pointId = UUID.randomUUID();
        List<String> warnings = new ArrayList<>();
        dataKeys.syncStore(vault);
        try (VaultDataKey keys = dataKeys.open(vault)) {
            // A database is dumped whole each time; only files and disks take over what did not change.
            Optional<Manifest> previous = database == null ? previousManifest(item.ref(), keys) : Optional.empty();
            long[] total = {0};
            try (ChunkPipeline pipeline = new ChunkPipeline(vault.name(), keys, store, steps.storedChunks(vault.name()),
                    threads, dataKeys.recheck(vault.name()), done -> job.progress(done, total[0]))) {
                Cut cut = switch (item.workloadType()) {
                    case Files -> cutFiles(vault, item, pointId, keys, source, pipeline, previous, total, warnings);
                    case PostgreSQL -> cutDatabase(vault, item, pointId, keys, database, pipeline, total);
                    default -> cutDisk(vault, item, pointId, source, pipeline, previous, total);
                };
                pipeline.finish();
                RecoveryPointReader.writeManifest(store, keys, cut.manifest());
                RecoveryPoint.Statistics statistics = new RecoveryPoint.Statistics(total[0], pipeline.newBytes(),
                        pipeline.storedBytes(), pipeline.chunkCount(), pipeline.newChunkCount(), cut.files());
                steps.commit(item.ref(), pointId, job.jobId(), item.workloadType(), statistics,
                        pipeline.newPacks(), pipeline.newChunks(), packsOf(cut.manifest()));
                job.progress(total[0], total[0]);
                count(item.workloadType(), statistics);
            }
        } catch (IOException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidSource, "Reading the source failed: " + e.getMessage(),
                    "source.path", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        warnings.forEach(job::warn);
    }

    /** A recovery point's manifest as the backup cut it, and how many files (or blocks) it holds. */
    private record Cut(Manifest manifest, int files) {
    }

    private static Cut cutFiles(Vault vault, ProtectedItem item, UUID pointId, VaultDataKey keys, Path source,
                                ChunkPipeline pipeline, Optional<Manifest> previous, long[] total, List<String> warnings)
            throws IOException {
        Map<String, Manifest.Entry> earlier = new HashMap<>();
        previous.filter(m -> m.kind() == Manifest.Kind.FILES).ifPresent(m -> m.entries().forEach(e -> earlier.put(e.path(), e)));
        List<Manifest.Entry> entries = new FileTreeBackup(new FastCdc(keys.chunkBoundaryTable()))
                .run(source, pipeline, earlier, t -> total[0] = t, warnings);
        return new Cut(Manifest.files(vault.name().value(), item.name(), pointId.toString(), System.currentTimeMillis(), entries),
                (int) entries.stream().filter(e -> e.type() == Manifest.EntryType.FILE).count());
    }

    private static Cut cutDatabase(Vault vault, ProtectedItem item, UUID pointId, VaultDataKey keys,
                                   PostgresConnection database, ChunkPipeline pipeline, long[] total)
            throws IOException {
        List<Manifest.Entry> entries = new DatabaseBackup(new FastCdc(keys.chunkBoundaryTable()))
                .run(database, pipeline, read -> total[0] = read);
        total[0] = entries.stream().mapToLong(Manifest.Entry::size).sum();
        return new Cut(Manifest.files(vault.name().value(), item.name(), pointId.toString(), System.currentTimeMillis(), entries),
                (int) entries.stream().filter(e -> e.type() == Manifest.EntryType.FILE).count());
    }

    private static Cut cutDisk(Vault vault, ProtectedItem item, UUID pointId, Path source, ChunkPipeline pipeline,
                               Optional<Manifest> previous, long[] total) throws IOException {
        Manifest.Disk earlier = previous.filter(m -> m.kind() == Manifest.Kind.DISK).map(Manifest::disk).orElse(null);
        Manifest.Disk disk = new DiskBackup().run(source, pipeline, earlier, t -> total[0] = t);
        return new Cut(Manifest.disk(vault.name().value(), item.name(), pointId.toString(), System.currentTimeMillis(), disk),
                disk.blocks().size());
    }

    /** Counts a completed backup into the metrics operators watch (docs/operations.md). */
    private void count(WorkloadType workload, RecoveryPoint.Statistics statistics) {
        Meters.counter(registry, "strongroom.backup.source.bytes", "Bytes of source data that completed backups "
                + "covered (files or disk images as read)", "bytes", "workload", workload.name())
                .increment(statistics.sizeBytes());
        Meters.counter(registry, "strongroom.backup.new.bytes", "Bytes of source data that completed backups found "
                + "new to the vault and stored (after deduplication, before encryption)", "bytes",
                "workload", workload.name()).increment(statistics.newBytes());
    }

    /** The item's newest recovery point's manifest, to take over what did not change; none if it cannot be read. */
    private Optional<Manifest> previousManifest(ItemRef item, VaultDataKey keys) {
        return steps.latest(item).flatMap(point -> {
            try (RecoveryPointReader reader = new RecoveryPointReader(store, keys, item, point.id().toString())) {
                return Optional.of(reader.manifest());
            } catch (IntegrityException | StoreDamagedException | UncheckedIOException e) {
                return Optional.empty();
            }
        });
    }

    private static Set<UUID> packsOf(Manifest manifest) {
        Set<UUID> packs = new HashSet<>();
        manifest.entries().forEach(e -> e.chunks().forEach(ref -> packs.add(ref.pack())));
        if (manifest.disk() != null) {
            for (ChunkRef block : manifest.disk().blocks()) {
                if (block != null) {
                    packs.add(block.pack());
                }
            }
        }
        return packs;
    }
}
