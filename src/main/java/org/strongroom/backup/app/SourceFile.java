package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** What the engine reads of a file's metadata: mode bits, times and inode (for change detection), size. */
record SourceFile(int mode, long modifiedMillis, long changedMillis, long inode, long size) {

    static SourceFile of(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,ino,ctime,lastModifiedTime,size",
                LinkOption.NOFOLLOW_LINKS);
        return new SourceFile(((Integer) unix.get("mode")) & 07777, ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                ((FileTime) unix.get("ctime")).toMillis(), (Long) unix.get("ino"), (Long) unix.get("size"));
    }

    /** Whether a file with this metadata is, by every sign a file system gives, the one recorded earlier. */
    boolean sameAs(long size, long modifiedMillis, long changedMillis, long inode) {
        return this.size == size && this.modifiedMillis == modifiedMillis && this.changedMillis == changedMillis
                && this.inode == inode;
    }
}
