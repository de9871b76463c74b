package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;

/**
 * Backs up a disk image file or block device in fixed blocks of {@link #BLOCK} bytes: an all-zero block
 * is recorded, not stored; equal blocks are stored once. An image file whose size, mtime, ctime and inode
 * equal those of the previous recovery point is taken over from it unread.
 */
final class DiskBackup {

    static final int BLOCK = 1024 * 1024;
    private static final byte[] ZEROS = new byte[BLOCK];

    Manifest.Disk run(Path image, ChunkPipeline pipeline, Manifest.Disk previous, LongConsumer total) throws IOException {
        SourceFile meta = Files.isRegularFile(image) ? SourceFile.of(image) : null;
        if (meta != null && previous != null && previous.blockSize() == BLOCK
                && meta.sameAs(previous.size(), previous.modifiedMillis(), previous.changedMillis(), previous.inode())) {
            total.accept(previous.size());
            pipeline.reused(previous.size(), (int) previous.blocks().stream().filter(b -> b != null).count());
            return previous;
        }
        total.accept(meta == null ? 0 : meta.size());
        List<CompletableFuture<ChunkRef>> blocks = new ArrayList<>();
        long size = 0;
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (true) {
                byte[] block = new byte[BLOCK];
                int filled = fill(channel, block);
                if (filled == 0) {
                    break;
                }
                size += filled;
                if (Arrays.mismatch(block, 0, filled, ZEROS, 0, filled) == -1) {
                    blocks.add(null);
                    pipeline.reused(filled, 0);
                } else {
                    blocks.add(pipeline.submit(block, filled));
                }
                if (filled < BLOCK) {
                    break;
                }
            }
        }
        List<ChunkRef> refs = new ArrayList<>(blocks.size());
        for (CompletableFuture<ChunkRef> block : blocks) {
            refs.add(block == null ? null : block.join());
        }
        return new Manifest.Disk(size, meta == null ? 0 : meta.modifiedMillis(), meta == null ? 0 : meta.changedMillis(),
                meta == null ? 0 : meta.inode(), BLOCK, refs);
    }

    /** Reads up to a whole block from {@code channel}; answers how many bytes it holds (less only at the end). */
    private static int fill(FileChannel channel, byte[] block) throws IOException {
        int filled = 0;
        while (filled < block.length) {
            int n = channel.read(ByteBuffer.wrap(block, filled, block.length - filled));
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
