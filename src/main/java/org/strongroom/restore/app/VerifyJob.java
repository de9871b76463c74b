package org.strongroom.restore.app;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.restore.infra.Workers;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.StoreDamagedException;

/**
 * The {@code Verify} job: decrypts and authenticates every chunk of a recovery point and checks its
 * manifest (sizes add up), writing nothing. Ends {@code Completed}, or {@code Failed} with
 * {@code DataIntegrityError} naming the first thing that broke (in the order it reads: pack order).
 *
 * <p>The outcome is the point's state: {@code Corrupt} with what broke, or {@code Available} after a
 * complete pass (so a point repaired since an earlier failure becomes {@code Available} again).
 *
 * <p>Each stored blob is checked once, however many files or blocks refer to it (a duplicated file is one
 * blob), in pack order, on {@link BlobReader#parallelReaders()} workers.
 */
@ApplicationScoped
public class VerifyJob implements JobHandler {

    @Inject
    RecoveryPointAccess access;

    @Inject
    RecoveryPoints points;

    @Resource
    ManagedThreadFactory threads;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(RestoreOperations.VERIFY);
    }

    @Override
    public void run(JobExecution job) {
        String id = Json.createReader(new StringReader(job.parameters())).readObject().getString("recoveryPoint");
        try {
            verify(job, id);
        } catch (StrongroomException e) {
            if (e.code() == ErrorCode.DataIntegrityError) {
                points.recordCorrupt(job.requester(), job.subject().itemRef(), id, e.getMessage());
            }
            throw e;
        }
        points.recordVerified(job.requester(), job.subject().itemRef(), id);
    }

    private void verify(JobExecution job, String id) {
        try (RecoveryPointAccess.Opened opened = access.open(job.subject().itemRef(), id)) {
            RecoveryPoint point = opened.point();
            Manifest manifest = opened.reader().manifest();
            List<Located> chunks = distinctInPackOrder(chunksOf(manifest));
            long total = chunks.stream().mapToLong(c -> c.ref().plainLength()).sum();
            checkAll(chunks, opened, done -> job.progress(done, total));
            if (sizeOf(manifest) != point.statistics().sizeBytes()) {
                throw damaged("The manifest describes " + sizeOf(manifest) + " bytes; the recovery point recorded "
                        + point.statistics().sizeBytes());
            }
        } catch (IntegrityException | StoreDamagedException e) {
            throw damaged(e.getMessage());
        }
    }

    private record Located(ChunkRef ref, String where) {
    }

    /** Opens every chunk on the readers; the first that does not check out stops the rest. */
    private void checkAll(List<Located> chunks, RecoveryPointAccess.Opened opened, java.util.function.LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(BlobReader.parallelReaders(), threads);
        try {
            List<Future<?>> checks = new ArrayList<>(chunks.size());
            for (Located located : chunks) {
                checks.add(workers.submit(() -> {
                    try {
                        opened.chunk(located.ref());
                    } catch (IntegrityException | StoreDamagedException e) {
                        throw damaged("In " + located.where() + ": " + e.getMessage());
                    }
                    progress.accept(done.addAndGet(located.ref().plainLength()));
                }));
            }
            for (Future<?> check : checks) {
                check.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verify interrupted", e);
        } finally {
            Workers.stopAndWait(workers);
        }
    }

    /** Each stored blob once (the first place that refers to it names it), ordered by pack and offset. */
    private static List<Located> distinctInPackOrder(List<Located> chunks) {
        Map<ChunkRef, Located> distinct = new LinkedHashMap<>();
        chunks.forEach(located -> distinct.putIfAbsent(located.ref(), located));
        return distinct.values().stream()
                .sorted(Comparator.comparing((Located l) -> l.ref().pack()).thenComparingLong(l -> l.ref().offset()))
                .toList();
    }

    /** Every chunk the manifest refers to, with what it belongs to; file sizes are checked against chunk lengths. */
    private static List<Located> chunksOf(Manifest manifest) {
        List<Located> chunks = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            long length = entry.chunks().stream().mapToLong(ChunkRef::plainLength).sum();
            if (entry.type() == Manifest.EntryType.FILE && length != entry.size()) {
                throw damaged("File " + entry.path() + " is " + entry.size() + " bytes but its chunks hold " + length);
            }
            entry.chunks().forEach(ref -> chunks.add(new Located(ref, "file " + entry.path() + ", chunk " + ref.id())));
        }
        if (manifest.disk() != null) {
            Manifest.Disk disk = manifest.disk();
            List<ChunkRef> blocks = disk.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                long expected = Math.min(disk.blockSize(), disk.size() - (long) i * disk.blockSize());
                ChunkRef block = blocks.get(i);
                if (expected <= 0 || (block != null && block.plainLength() != expected)) {
                    throw damaged("Disk block " + i + " does not fit a " + disk.size() + "-byte disk of "
                            + disk.blockSize() + "-byte blocks");
                }
                if (block != null) {
                    chunks.add(new Located(block, "disk block " + i + ", chunk " + block.id()));
                }
            }
            if ((long) blocks.size() * disk.blockSize() < disk.size()) {
                throw damaged("The disk's block map covers less than its " + disk.size() + " bytes");
            }
        }
        return chunks;
    }

    private static long sizeOf(Manifest manifest) {
        return manifest.disk() != null ? manifest.disk().size()
                : manifest.entries().stream().mapToLong(Manifest.Entry::size).sum();
    }

    private static StrongroomException damaged(String message) {
        return new StrongroomException(ErrorCode.DataIntegrityError, message, "recoveryPoint");
    }
}
