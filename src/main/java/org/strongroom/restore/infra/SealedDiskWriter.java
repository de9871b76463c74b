package org.strongroom.restore.infra;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;

/**
 * Writes a {@code Disk} recovery point as a sealed disk image (SPEC 15, docs/format.md "Sealed disks"):
 * block by block into a temporary file next to the target, forced to disk, then renamed into place. A
 * failure before the rename leaves the target as it was.
 */
public final class SealedDiskWriter {

    private static final int BUFFER = 1 << 20;

    private SealedDiskWriter() {
    }

    public static void write(Manifest.Disk disk, Path target, boolean overwrite, Function<ChunkRef, byte[]> chunks,
                             SealedDisk.Header header, KeyMaterial diskKey, RestoreProgress progress) {
        Path temporary = target.resolveSibling(".strongroom-restore-" + UUID.randomUUID() + "-" + target.getFileName());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER)) {
                SealedDisk.Writer writer = new SealedDisk.Writer(out, header, diskKey);
                List<ChunkRef> blocks = disk.blocks();
                long done = 0;
                for (int i = 0; i < blocks.size(); i++) {
                    int length = (int) Math.min(disk.blockSize(), disk.size() - (long) i * disk.blockSize());
                    ChunkRef block = blocks.get(i);
                    writer.write(block == null ? new byte[length] : chunks.apply(block), length);
                    done += length;
                    progress.update(done, disk.size());
                }
                writer.finish();
                out.flush();
                channel.force(true);
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
