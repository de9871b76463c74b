package org.strongroom.security.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated admin password is kept in an owner-only file in the configuration directory. */
class AdminBootstrapTest {

    @TempDir
    Path configDir;

    @Test
    void generatedAdminPassword_isKeptInAnOwnerOnlyFile_inTheConfigurationDirectory() throws Exception {
        Path file = AdminBootstrap.keep(configDir, "generated-Secret-123".toCharArray());
        assertEquals(configDir.resolve("strongroom").resolve("admin-password"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("generated-Secret-123", Files.readString(file).strip());
    }
}
