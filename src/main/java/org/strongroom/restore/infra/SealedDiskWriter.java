package org.strongroom.restore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.platform.StrongroomException;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.infra.DirectWriter;

/**
 * Writes a {@code Disk} recovery point as a sealed disk image (SPEC 15, docs/format.md "Sealed disks"):
 * block by block into a temporary file next to the target (past the page cache, {@link DirectWriter}),
 * forced to disk, then renamed into place. A
 * failure before the rename leaves the target as it was.
 *
 * <p>Blocks are read and authenticated ahead by {@link BlobReader#parallelReaders()} threads (a few each in flight); the
 * caller's thread seals and writes them in order.
 */
public final class SealedDiskWriter {

    /** Blocks read ahead per reader. */
    private static final int AHEAD = 4;

    private SealedDiskWriter() {
    }

    /**
     * Puts {@code next} — the disk key wrapped anew — in force in the sealed disk at {@code file}, in place and
     * without touching a block: writes its key slot (the free one) and forces it to disk, then zeroes the slot of
     * {@code current} and forces that. A crash in between leaves one intact slot in force (the higher generation
     * wins). Refused when the file's header is no longer {@code current} (sealed anew meanwhile).
     */
    public static void rewrap(Path file, SealedDisk.Header current, SealedDisk.Header next) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
             FileLock lock = channel.lock()) {
            SealedDisk.Header now = SealedDisk.Header.read(Channels.newInputStream(channel.position(0)));
            if (now.slot() != current.slot() || now.generation() != current.generation()) {
                throw StrongroomException.conflict("The sealed disk " + file + " was sealed anew meanwhile", "target.path");
            }
            write(channel, next.slotBytes(), next.slotOffset());
            channel.force(true);
            write(channel, new byte[SealedDisk.SLOT], current.slotOffset());
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(FileChannel channel, byte[] bytes, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
    }

    public static void write(Manifest.Disk disk, Path target, boolean overwrite, Function<ChunkRef, byte[]> chunks,
                             SealedDisk.Header header, KeyMaterial diskKey, RestoreProgress progress, ThreadFactory threads) {
        Path temporary = target.resolveSibling(".strongroom-restore-" + UUID.randomUUID() + "-" + target.getFileName());
        int parallel = BlobReader.parallelReaders();
        ExecutorService readers = Executors.newFixedThreadPool(parallel, threads);
        try {
            try (DirectWriter out = DirectWriter.create(temporary)) {
                SealedDisk.Writer writer = new SealedDisk.Writer(out, header, diskKey);
                List<ChunkRef> blocks = disk.blocks();
                Deque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
                CompletableFuture<byte[]> zeros = CompletableFuture.completedFuture(new byte[disk.blockSize()]);
                int next = 0;
                long done = 0;
                for (int i = 0; i < blocks.size(); i++) {
                    for (; next < blocks.size() && next < i + parallel * AHEAD; next++) {
                        ChunkRef block = blocks.get(next);
                        ahead.add(block == null ? zeros : CompletableFuture.supplyAsync(() -> chunks.apply(block), readers));
                    }
                    int length = length(disk, i);
                    writer.write(join(ahead.removeFirst()), length);
                    done += length;
                    progress.update(done, disk.size());
                }
                writer.finish();
                out.finish(true);
            }
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(target)) {
                    throw new IOException(target + " appeared while the restore ran");
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Writing " + target + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        } finally {
            Workers.stopAndWait(readers);
        }
    }

    private static int length(Manifest.Disk disk, int block) {
        return (int) Math.min(disk.blockSize(), disk.size() - (long) block * disk.blockSize());
    }

    private static byte[] join(CompletableFuture<byte[]> block) {
        try {
            return block.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file names itself
        }
    }
}
