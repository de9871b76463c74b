package org.strongroom.restore.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.FileSystemBoundaries;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.restore.domain.RestoreRequest;
import org.strongroom.restore.domain.RestoreTarget;

/**
 * Checks where a restore may write, when it is requested and again when its job runs: an absolute path
 * that lies — after resolving links — under one of the restore roots ({@code STRONGROOM_RESTORE_ROOTS}),
 * or for a restore to the original location under the source roots, and is, holds or lies in none of the
 * server's own directories ({@link FileSystemBoundaries}). For {@code Files} a directory (created when
 * missing); for {@code Disk} the image file to write, in an existing directory, refused when it exists
 * unless {@code overwrite}.
 */
@ApplicationScoped
public class RestoreTargets {

    /** The longest path Linux accepts (PATH_MAX). */
    private static final int MAX_PATH = 4096;

    @Inject
    FileSystemBoundaries boundaries;

    /**
     * The target as the job will use it (links resolved), or a refusal with target {@code target.path}.
     * {@code originalLocation}: the path is the item's own source, so the source roots bound it.
     */
    public Path check(WorkloadType workload, String path, boolean originalLocation, boolean overwrite) {
        Path target = real(absolute(workload, path).normalize());
        Path own = boundaries.serverDirectoryTouchedBy(target).orElse(null);
        if (own != null) {
            throw invalid("target.path " + target + " is, holds or lies in the server's own " + own + " (its keys, "
                    + "configuration or data): Strongroom never restores there");
        }
        List<Path> roots = originalLocation ? boundaries.sourceRoots() : boundaries.restoreRoots();
        if (!FileSystemBoundaries.under(roots, target)) {
            throw invalid("target.path " + target + " is outside the allowed " + (originalLocation
                    ? "source roots " + roots + " (STRONGROOM_SOURCE_ROOTS)" : "restore roots " + roots + " (STRONGROOM_RESTORE_ROOTS)"));
        }
        if (workload == WorkloadType.Files) {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw invalid("A Files restore writes into a directory; " + target + " is a file");
            }
        } else {
            requireImageTarget(target, overwrite);
        }
        return target;
    }

    /** {@code path} as an absolute path, or the refusal that says what is wrong with it. */
    private static Path absolute(WorkloadType workload, String path) {
        if (path == null || path.isBlank()) {
            throw invalid("A restore needs target.path: the " + (workload == WorkloadType.Disk ? "image file" : "directory")
                    + " to write");
        }
        if (path.length() > MAX_PATH) {
            throw invalid("target.path is longer than " + MAX_PATH + " characters");
        }
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw invalid("target.path is not a valid path: " + path);
        }
        if (!given.isAbsolute()) {
            throw invalid("target.path must be absolute: " + path);
        }
        return given;
    }

    /** A Disk restore writes an image file in an existing directory, over an existing one only when told to. */
    private static void requireImageTarget(Path target, boolean overwrite) {
        if (!Files.isDirectory(target.getParent())) {
            throw invalid("The directory of target.path does not exist: " + target.getParent());
        }
        if (Files.isDirectory(target)) {
            throw invalid("A Disk restore writes an image file; " + target + " is a directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw new StrongroomException(ErrorCode.UserErrorRestoreTargetExists, target + " exists; "
                    + RestoreTarget.OVERWRITE_HINT, "target.path");
        }
    }

    /**
     * A sealed disk a restore wrote, to be sealed anew: an existing regular file (not a link) under the restore
     * roots, as a Disk restore's target.
     */
    public Path sealedDisk(String path) {
        Path disk = check(WorkloadType.Disk, path, false, true);
        if (!Files.isRegularFile(disk, LinkOption.NOFOLLOW_LINKS)) {
            throw invalid("target.path is not a sealed disk file that a restore wrote: " + disk);
        }
        return disk;
    }

    /**
     * Checks the target again when the job runs: the roots may have changed, and the path must still lead
     * where it led when the restore was requested (no link planted on the way since).
     */
    public void recheck(WorkloadType workload, RestoreRequest request) {
        Path now = check(workload, request.targetPath(), request.originalLocation(), request.overwrite());
        if (!now.equals(Path.of(request.targetPath()))) {
            throw invalid("target.path " + request.targetPath() + " now leads to " + now + ": a link on the way changed "
                    + "since the restore was requested; nothing was written");
        }
    }

    /** The path with the links of its existing part resolved; the missing rest appended as given. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isReadable(existing)) {
            throw invalid("target.path cannot be reached: " + path);
        }
        return FileSystemBoundaries.real(path);
    }

    private static StrongroomException invalid(String message) {
        return new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, message, "target.path");
    }
}
