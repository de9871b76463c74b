package org.strongroom.protection.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.WorkloadType;

/**
 * Checks an item's source before it is registered: an absolute path that exists, is readable, is of the
 * workload's kind (a directory for {@code Files}, a file or block device for {@code Disk}), and lies —
 * after resolving links — under one of the allowed source roots.
 */
@ApplicationScoped
public class SourceLocations {

    @Inject
    Settings settings;

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
        if (settings.sourceRoots().stream().noneMatch(real::startsWith)) {
            throw invalid("source.path " + real + " is outside the allowed source roots " + settings.sourceRoots());
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

    private static StrongroomException invalid(String message) {
        return new StrongroomException(ErrorCode.UserErrorInvalidSource, message, "source.path");
    }
}
