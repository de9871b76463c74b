package org.strongroom.restore.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.restore.domain.RestoreTarget;

/**
 * Checks where a restore may write, when it is requested: an absolute path that lies — after resolving
 * links — under one of the allowed roots ({@code STRONGROOM_SOURCE_ROOTS}, the same as for sources). For
 * {@code Files} a directory (created when missing); for {@code Disk} the image file to write, in an
 * existing directory, refused when it exists unless {@code overwrite}.
 */
@ApplicationScoped
public class RestoreTargets {

    /** The longest path Linux accepts (PATH_MAX). */
    private static final int MAX_PATH = 4096;

    @Inject
    Settings settings;

    /** The target as the job will use it (links resolved), or a refusal with target {@code target.path}. */
    public Path check(WorkloadType workload, String path, boolean overwrite) {
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
        Path target = real(given.normalize());
        if (settings.sourceRoots().stream().noneMatch(target::startsWith)) {
            throw invalid("target.path " + target + " is outside the allowed roots " + settings.sourceRoots());
        }
        if (workload == WorkloadType.Files) {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw invalid("A Files restore writes into a directory; " + target + " is a file");
            }
        } else {
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
        return target;
    }

    /** The path with the links of its existing part resolved; the missing rest appended as given. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            throw invalid("target.path cannot be reached: " + path);
        }
    }

    private static StrongroomException invalid(String message) {
        return new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, message, "target.path");
    }
}
