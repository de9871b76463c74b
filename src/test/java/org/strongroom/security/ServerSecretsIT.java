package org.strongroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.support.Deployments;

/**
 * The server's own secrets, as the running server keeps them: the platform keystore and its generated
 * password lie in the configuration directory, owner-only, apart from the data (database and store) they
 * protect; nothing of them is in the data directory or the log.
 */
@ExtendWith(ArquillianExtension.class)
class ServerSecretsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void platformKeystoreAndItsPassword_lieOwnerOnlyOutsideTheDataDirectory() throws Exception {
        Path configDir = Path.of(System.getProperty("jboss.server.config.dir"));
        Path dataDir = Path.of(System.getProperty("jboss.server.data.dir"));
        Path keystore = PlatformKey.defaultLocation(configDir);
        Path passwordFile = PlatformKey.passwordFile(keystore);

        assertTrue(Files.isRegularFile(keystore), "the keystore is in the configuration directory: " + keystore);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        try (Stream<Path> data = Files.walk(dataDir)) {
            assertFalse(data.anyMatch(p -> p.getFileName().toString().startsWith("platform-master-key")),
                    "no keystore nor its password in the data directory " + dataDir);
        }
        String password = Files.readString(passwordFile).strip();
        assertTrue(password.length() >= 40 && !password.equals("strongroom"), "a generated password");
        String log = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        assertFalse(log.contains(password), "the log holds the keystore's password");
    }
}
