package org.strongroom.protection.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.FileSystemBoundaries;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.WorkloadType;

/**
 * Checks an item's source before it is registered: an absolute path that exists, is readable, is of the
 * workload's kind (a directory for {@code Files}, a file or block device for {@code Disk}), lies — after
 * resolving links — under one of the allowed source roots, and is, holds or lies in none of the server's
 * own directories ({@link FileSystemBoundaries}). A backup job checks again when it runs.
 */
@ApplicationScoped
public class SourceLocations {

    @Inject
    FileSystemBoundaries boundaries;

    /** The source's real path, or a refusal {@code UserErrorInvalidSource} saying what is wrong. */
    public Path check(WorkloadType workload, String path) {
        if (path == null || path.isBlank()) {
            throw invalid("A " + workload + " item needs source.path");
        }
        Path real;
        try {
            Path given = Path.of(path);
            if (!given.isAbsolute()) {
                throw invalid("source.path must be absolute: " + path);
            }
            real = given.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw invalid("source.path does not exist or cannot be reached: " + path);
        }
        Path own = boundaries.serverDirectoryTouchedBy(real).orElse(null);
        if (own != null) {
            throw invalid("source.path " + real + " is, holds or lies in the server's own " + own + " (its keys, "
                    + "configuration or data): Strongroom never backs those up");
        }
        if (!FileSystemBoundaries.under(boundaries.sourceRoots(), real)) {
            throw invalid("source.path " + real + " is outside the allowed source roots " + boundaries.sourceRoots()
                    + " (STRONGROOM_SOURCE_ROOTS)");
        }
        boolean rightKind = workload == WorkloadType.Files ? Files.isDirectory(real) : !Files.isDirectory(real);
        if (!rightKind) {
            throw invalid("A " + workload + " item's source must be " + (workload == WorkloadType.Files
                    ? "a directory" : "a disk image file or block device") + ": " + real);
        }
        if (!Files.isReadable(real)) {
            throw invalid("source.path is not readable by the server: " + real);
        }
        return real;
    }

    /**
     * Checks the source again when a backup runs: the roots may have changed, and the path must still lead
     * where it led when the item was registered (no link planted on the way since).
     */
    public void recheck(WorkloadType workload, String registered) {
        Path now = check(workload, registered);
        if (!now.equals(Path.of(registered))) {
            throw invalid("source.path " + registered + " now leads to " + now + ": a link on the way changed since the "
                    + "item was registered; nothing was read");
        }
    }

    private static StrongroomException invalid(String message) {
        return new StrongroomException(ErrorCode.UserErrorInvalidSource, message, "source.path");
    }
}
