package org.strongroom.storage.domain;

import java.util.List;

/**
 * What a recovery point holds, chunk by chunk: a file tree ({@code Files}) or a block map ({@code Disk}).
 * Encrypted and written last, atomically: a recovery point exists whole or not at all.
 */
public record Manifest(Kind kind, String vault, String item, String recoveryPointId, long createdMillis,
                       List<Entry> entries, Disk disk) {

    public enum Kind { FILES, DISK }

    /**
     * A directory, regular file or symbolic link of a file tree; {@code path} is relative, "/"-separated
     * ("" is the root). For files, {@code changedMillis} (ctime) and {@code inode} only serve to recognise an
     * unchanged file in the next backup without reading it.
     */
    public record Entry(EntryType type, String path, int mode, long modifiedMillis, long changedMillis, long inode,
                        long size, String linkTarget, List<ChunkRef> chunks) {

        public static Entry directory(String path, int mode, long modifiedMillis) {
            return new Entry(EntryType.DIRECTORY, path, mode, modifiedMillis, 0, 0, 0, null, List.of());
        }

        public static Entry symlink(String path, int mode, long modifiedMillis, String target) {
            return new Entry(EntryType.SYMLINK, path, mode, modifiedMillis, 0, 0, 0, target, List.of());
        }

        public static Entry file(String path, int mode, long modifiedMillis, long changedMillis, long inode, long size,
                                 List<ChunkRef> chunks) {
            return new Entry(EntryType.FILE, path, mode, modifiedMillis, changedMillis, inode, size, null, chunks);
        }
    }

    public enum EntryType { DIRECTORY, FILE, SYMLINK }

    /**
     * A disk image: its size, block size, and each block's chunk ({@code null} for an all-zero block);
     * mtime, ctime and inode of an image file recognise an unchanged image in the next backup.
     */
    public record Disk(long size, long modifiedMillis, long changedMillis, long inode, int blockSize, List<ChunkRef> blocks) {
    }

    public static Manifest files(String vault, String item, String recoveryPointId, long createdMillis, List<Entry> entries) {
        return new Manifest(Kind.FILES, vault, item, recoveryPointId, createdMillis, List.copyOf(entries), null);
    }

    public static Manifest disk(String vault, String item, String recoveryPointId, long createdMillis, Disk disk) {
        return new Manifest(Kind.DISK, vault, item, recoveryPointId, createdMillis, List.of(), disk);
    }
}
