package org.strongroom.security.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.strongroom.security.app.UserAccounts;

/**
 * Creates the {@code admin} user at first start, once the schema exists, and gives older users their
 * principal ids. A generated password goes to a file only its owner can read, in the server's
 * configuration directory; the log names the file, never the password.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    UserAccounts accounts;

    @PostConstruct
    void createAdminOnFirstStart() {
        accounts.ensureAdmin(System.getenv("STRONGROOM_ADMIN_PASSWORD")).ifPresent(generated -> {
            Path file = keep(Path.of(System.getProperty("jboss.server.config.dir", ".")), generated);
            LOG.warning("Created user 'admin' with a generated password, written to " + file + " (readable by its owner "
                    + "only). Read it, change it with PUT /api/users/admin, and delete the file; or set "
                    + "STRONGROOM_ADMIN_PASSWORD before the first start to choose it");
        });
        accounts.assignPrincipalIds();
    }

    /** Writes the generated password to {@code strongroom/admin-password} under {@code configDir}, owner-only. */
    static Path keep(Path configDir, char[] password) {
        Path file = configDir.resolve("strongroom").resolve("admin-password");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, new String(password) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file, e);
        }
    }
}
