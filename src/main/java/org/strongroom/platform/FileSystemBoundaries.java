package org.strongroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where backups may read and restores may write. Sources lie under the source roots
 * ({@code STRONGROOM_SOURCE_ROOTS}), restore targets under the restore roots
 * ({@code STRONGROOM_RESTORE_ROOTS}, by default a directory of Strongroom's own); and whatever the roots
 * say, no source or target may be, lie in or hold one of the server's own directories — WildFly's
 * installation and its configuration, data, log, temporary and deployment directories, the chunk store,
 * the platform and TLS keystores — so that no backup carries the server's keys and no restore replaces
 * them (or a deployment).
 */
@ApplicationScoped
public class FileSystemBoundaries {

    private static final Logger LOG = Logger.getLogger(FileSystemBoundaries.class.getName());

    @Inject
    Settings settings;

    private List<Path> serverDirectories;

    @PostConstruct
    void collect() {
        List<Path> own = new ArrayList<>();
        Stream.of("jboss.home.dir", "jboss.server.base.dir", "jboss.server.config.dir", "jboss.server.data.dir",
                        "jboss.server.log.dir", "jboss.server.temp.dir", "jboss.server.deploy.dir")
                .map(System::getProperty)
                .filter(value -> value != null && !value.isBlank())
                .map(Path::of)
                .forEach(own::add);
        own.add(settings.storeDirectory());
        own.add(settings.tlsKeystore());
        String masterKeystore = System.getenv("STRONGROOM_MASTER_KEYSTORE");
        if (masterKeystore != null && !masterKeystore.isBlank()) {
            own.add(Path.of(masterKeystore).toAbsolutePath().getParent());
        }
        serverDirectories = own.stream().map(FileSystemBoundaries::real).distinct().toList();
        ownRestoreRoot();
    }

    /** The default restore root is Strongroom's own directory: made at start, owner-only. */
    private void ownRestoreRoot() {
        if (settings.restoreRootsGiven()) {
            return;
        }
        Path root = settings.restoreRoots().get(0);
        try {
            if (Files.notExists(root)) {
                Files.createDirectories(root);
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning(() -> "Cannot make the restore root " + root + ": " + e);
        }
    }

    public List<Path> sourceRoots() {
        return settings.sourceRoots();
    }

    public List<Path> restoreRoots() {
        return settings.restoreRoots();
    }

    /** The server's own directories (and keystores), links resolved. */
    public List<Path> serverDirectories() {
        return serverDirectories;
    }

    /** The server directory that {@code path} (links resolved) is, lies in or holds, if any. */
    public Optional<Path> serverDirectoryTouchedBy(Path path) {
        return serverDirectories.stream().filter(own -> path.startsWith(own) || own.startsWith(path)).findFirst();
    }

    /** Whether {@code path} (links resolved) lies under one of {@code roots}. */
    public static boolean under(List<Path> roots, Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    /** The path with the links of its existing part resolved, the missing rest appended as given. */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
