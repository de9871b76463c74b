package org.strongroom.backup.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import org.strongroom.crypto.ChunkSealer;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.vault.app.KeyRecheck;

/**
 * The parallel part of a backup. The caller (one reader thread) cuts the source into chunks and submits
 * them; worker threads — one per core — compute each chunk's id, skip chunks the vault already holds or
 * that another worker is storing right now, seal the new ones and append them to the current pack.
 * Reading, hashing, encrypting and writing overlap; a byte budget keeps memory bounded.
 *
 * <p>Packs are sealed (forced to disk, renamed into place) when they reach {@link #PACK_TARGET} and at
 * {@link #finish()}; nothing refers to them until the recovery point commits. Sealing runs on a thread of
 * its own, so that the workers go on filling the next pack while the disk catches up with the last one
 * (an fsync under the pack lock stalled every worker, and with them the reader).
 */
final class ChunkPipeline implements AutoCloseable {

    /** Packs close at about this size: few enough files for small-file trees, small enough to collect. */
    static final long PACK_TARGET = 32L * 1024 * 1024;
    /** Plaintext bytes allowed in flight (read but not yet stored). */
    private static final int IN_FLIGHT_BYTES = 48 * 1024 * 1024;

    private final VaultName vault;
    private final VaultDataKey keys;
    private final ChunkStore store;
    private final LongConsumer progress;
    private final KeyRecheck recheck;
    private final ExecutorService workers;
    private final ThreadLocal<ChunkSealer> sealers;
    /** Each worker's buffer for sealed chunks: a blob is written to the pack before the next one is sealed. */
    private final ThreadLocal<byte[]> blobBuffers;
    private final ExecutorService packSealer;
    private final List<CompletableFuture<Void>> seals = new ArrayList<>();
    private final Semaphore budget = new Semaphore(IN_FLIGHT_BYTES);
    private final Map<ChunkId, CompletableFuture<ChunkRef>> known = new ConcurrentHashMap<>();

    private final Object packLock = new Object();
    private PackWriter pack;
    private boolean closed; // guarded by packLock
    private final Map<UUID, Long> newPacks = new HashMap<>();
    private final List<ChunkRef> newChunks = new ArrayList<>();

    private final LongAdder doneBytes = new LongAdder();
    private final LongAdder newBytes = new LongAdder();
    private final LongAdder storedBytes = new LongAdder();
    private final AtomicInteger chunkCount = new AtomicInteger();

    /**
     * A pipeline into {@code vault}'s store; {@code recheck} asks the key vault again as data is submitted,
     * so that a key revoked while the backup runs stops it (the submitting thread gets the refusal).
     */
    ChunkPipeline(VaultName vault, VaultDataKey keys, ChunkStore store, Map<ChunkId, ChunkRef> alreadyStored,
                  ThreadFactory threads, KeyRecheck recheck, LongConsumer progress) {
        this.vault = vault;
        this.keys = keys;
        this.store = store;
        this.recheck = recheck;
        this.progress = progress;
        this.workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        this.sealers = ThreadLocal.withInitial(keys::newSealer);
        this.blobBuffers = ThreadLocal.withInitial(() -> new byte[sealers.get().blobLength(FastCdc.MAX)]);
        this.packSealer = Executors.newSingleThreadExecutor(threads);
        alreadyStored.forEach((id, ref) -> known.put(id, CompletableFuture.completedFuture(ref)));
    }

    /**
     * Submits {@code length} bytes of {@code plaintext} (which the pipeline now owns) as one chunk; the
     * future gives where the chunk is stored. Blocks while too many bytes are in flight.
     */
    CompletableFuture<ChunkRef> submit(byte[] plaintext, int length) {
        recheck.passed(length);
        int permits = Math.min(length, IN_FLIGHT_BYTES);
        budget.acquireUninterruptibly(permits);
        chunkCount.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> store(plaintext, length), workers)
                .thenCompose(stored -> stored)
                .whenComplete((ref, failure) -> {
                    budget.release(permits);
                    doneBytes.add(length);
                    progress.accept(doneBytes.sum());
                });
    }

    /**
     * Submits a small file (at most one chunk long) to be read by a worker, so that opening and reading
     * many small files runs in parallel instead of on the job's thread. The future fails with
     * {@link UnreadableSource} when the file cannot be read; its chunk is then not stored.
     */
    CompletableFuture<ChunkRef> submitSmallFile(WalkedFile file, int expectedSize) {
        recheck.passed(expectedSize);
        int permits = Math.min(Math.max(expectedSize, 1), IN_FLIGHT_BYTES);
        budget.acquireUninterruptibly(permits);
        chunkCount.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
                    byte[] content;
                    try {
                        content = file.readAll(expectedSize);
                    } catch (IOException e) {
                        throw new UnreadableSource(e);
                    }
                    doneBytes.add(content.length);
                    return store(content, content.length);
                }, workers)
                .thenCompose(stored -> stored)
                .whenComplete((ref, failure) -> {
                    budget.release(permits);
                    progress.accept(doneBytes.sum());
                });
    }

    /** Counts bytes taken over unread from the previous recovery point (an unchanged file). */
    void reused(long bytes, int chunks) {
        doneBytes.add(bytes);
        chunkCount.addAndGet(chunks);
        progress.accept(doneBytes.sum());
    }

    private CompletableFuture<ChunkRef> store(byte[] plaintext, int length) {
        ChunkSealer sealer = sealers.get();
        ChunkId id = new ChunkId(sealer.chunkId(plaintext, 0, length));
        CompletableFuture<ChunkRef> mine = new CompletableFuture<>();
        CompletableFuture<ChunkRef> earlier = known.putIfAbsent(id, mine);
        if (earlier != null) {
            return earlier;
        }
        try {
            byte[] blob = blobBuffers.get();
            int blobLength = sealer.seal(id.bytes(), plaintext, 0, length, blob, 0);
            ChunkRef ref = append(id, blob, blobLength, length);
            newBytes.add(length);
            storedBytes.add(blobLength);
            mine.complete(ref);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    private ChunkRef append(ChunkId id, byte[] blob, int blobLength, int plainLength) {
        synchronized (packLock) {
            if (closed) {
                throw new IllegalStateException("The backup has stopped: no more chunks are stored");
            }
            if (pack == null) {
                pack = store.newPack(vault);
            }
            long offset = pack.append(blob, 0, blobLength);
            ChunkRef ref = new ChunkRef(id, pack.id(), offset, blobLength, plainLength);
            newChunks.add(ref);
            if (pack.length() >= PACK_TARGET) {
                sealPack();
            }
            return ref;
        }
    }

    /** Hands the current pack to the sealing thread; call holding the pack lock. */
    private void sealPack() {
        PackWriter full = pack;
        pack = null;
        seals.add(CompletableFuture.runAsync(() -> {
            full.seal();
            synchronized (packLock) {
                newPacks.put(full.id(), full.length());
            }
        }, packSealer));
    }

    /** Seals the last pack and waits until every pack is durable; call once every submitted chunk has completed. */
    void finish() {
        List<CompletableFuture<Void>> pending;
        synchronized (packLock) {
            if (pack != null) {
                sealPack();
            }
            pending = List.copyOf(seals);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    Map<UUID, Long> newPacks() {
        synchronized (packLock) {
            return Map.copyOf(newPacks);
        }
    }

    List<ChunkRef> newChunks() {
        synchronized (packLock) {
            return List.copyOf(newChunks);
        }
    }

    long newBytes() {
        return newBytes.sum();
    }

    long storedBytes() {
        return storedBytes.sum();
    }

    int chunkCount() {
        return chunkCount.get();
    }

    int newChunkCount() {
        synchronized (packLock) {
            return newChunks.size();
        }
    }

    /**
     * Stops the workers; an unsealed pack (a failed backup) is removed. A worker still storing a chunk when
     * the backup stops gets no new pack: it would be left in the store as a temporary file.
     */
    @Override
    public void close() {
        synchronized (packLock) {
            closed = true;
        }
        workers.shutdownNow();
        packSealer.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
            packSealer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (packLock) {
            if (pack != null) {
                pack.close();
                pack = null;
            }
        }
    }
}
