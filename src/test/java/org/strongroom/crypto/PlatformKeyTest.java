package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform seal: opens only in its context and with its keystore; keystores and their generated passwords
 * are owner-only; nonces are fresh.
 */
class PlatformKeyTest {

    private static final byte[] SECRET = "a private key's encoding".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private PlatformKey key() {
        return PlatformKey.createOrLoad(dir.resolve("pk.p12"), "pw".toCharArray());
    }

    @Test
    void sealedValue_opensInItsContext() {
        PlatformKey key = key();
        try (KeyMaterial opened = key.open(key.seal(SECRET, "kv1/k1/v1"), "kv1/k1/v1")) {
            assertArrayEquals(SECRET, opened.bytes());
        }
    }

    @Test
    void sealedValue_doesNotContainThePlaintext() {
        byte[] sealed = key().seal(SECRET, "ctx");
        assertEquals(-1, indexOf(sealed, SECRET));
    }

    @Test
    void sealedValue_inAnotherContext_fails() {
        PlatformKey key = key();
        byte[] sealed = key.seal(SECRET, "kv1/k1/v1");
        assertThrows(IntegrityException.class, () -> key.open(sealed, "kv1/k1/v2"));
    }

    @Test
    void flippedBit_fails() {
        PlatformKey key = key();
        byte[] sealed = key.seal(SECRET, "ctx");
        sealed[sealed.length - 5] ^= 1;
        assertThrows(IntegrityException.class, () -> key.open(sealed, "ctx"));
    }

    @Test
    void truncatedValue_fails() {
        PlatformKey key = key();
        byte[] sealed = key.seal(SECRET, "ctx");
        assertThrows(IntegrityException.class, () -> key.open(Arrays.copyOf(sealed, 20), "ctx"));
        assertThrows(IntegrityException.class, () -> key.open(Arrays.copyOf(sealed, sealed.length - 1), "ctx"));
        assertThrows(IntegrityException.class, () -> key.open(new byte[0], "ctx"));
    }

    @Test
    void otherMasterKey_fails() {
        byte[] sealed = key().seal(SECRET, "ctx");
        PlatformKey other = PlatformKey.createOrLoad(dir.resolve("other.p12"), "pw".toCharArray());
        assertThrows(IntegrityException.class, () -> other.open(sealed, "ctx"));
    }

    @Test
    void keystore_isCreatedOwnerOnly_andReloadsTheSameKey() throws Exception {
        byte[] sealed = key().seal(SECRET, "ctx");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pk.p12"))));
        PlatformKey reloaded = PlatformKey.fromKeyStore(dir.resolve("pk.p12"), "pw".toCharArray());
        try (KeyMaterial opened = reloaded.open(sealed, "ctx")) {
            assertArrayEquals(SECRET, opened.bytes());
        }
        assertEquals("platform-key-1", reloaded.currentKeyId());
    }

    @Test
    void wrongKeystorePassword_isRefused() {
        key();
        assertThrows(IllegalStateException.class,
                () -> PlatformKey.fromKeyStore(dir.resolve("pk.p12"), "wrong".toCharArray()));
    }

    @Test
    void keyMaterial_isZeroedWhenClosed() {
        byte[] bytes = {1, 2, 3};
        KeyMaterial material = KeyMaterial.wrap(bytes);
        material.close();
        assertArrayEquals(new byte[3], bytes);
        assertThrows(IllegalStateException.class, material::bytes);
        assertEquals("KeyMaterial[3 bytes]", material.toString());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void serverKeystore_withoutAConfiguredPassword_getsAGeneratedOneKeptOwnerOnlyBesideIt_andNoDefaultOpensIt() throws Exception {
        Path keystore = dir.resolve("configuration").resolve("strongroom").resolve("platform-master-key.p12");
        PlatformKey created = PlatformKey.forServer(keystore, null);
        Path passwordFile = PlatformKey.passwordFile(keystore);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.getParent())));
        String password = Files.readString(passwordFile).strip();
        assertEquals(43, password.length(), "256 random bits");

        byte[] sealed = created.seal(SECRET, "ctx");
        try (KeyMaterial again = PlatformKey.forServer(keystore, null).open(sealed, "ctx");
             KeyMaterial withThePassword = PlatformKey.fromKeyStore(keystore, password.toCharArray()).open(sealed, "ctx")) {
            assertArrayEquals(SECRET, again.bytes());
            assertArrayEquals(SECRET, withThePassword.bytes());
        }
        assertThrows(IllegalStateException.class, () -> PlatformKey.fromKeyStore(keystore, "strongroom".toCharArray()),
                "the old default password opens nothing");
    }

    @Test
    void serverKeystore_withAConfiguredPassword_keepsNoPasswordFile() {
        Path keystore = dir.resolve("elsewhere").resolve("pk.p12");
        PlatformKey.forServer(keystore, "an operator's own password");
        assertTrue(Files.notExists(PlatformKey.passwordFile(keystore)));
        PlatformKey.fromKeyStore(keystore, "an operator's own password".toCharArray());
    }

    @Test
    void defaultLocation_isTheServersConfigurationDirectory_notItsData() {
        assertEquals(Path.of("/srv/wildfly/standalone/configuration/strongroom/platform-master-key.p12"),
                PlatformKey.defaultLocation(Path.of("/srv/wildfly/standalone/configuration")));
    }

    @Test
    void sealing_usesAFreshNonce_andEmptyValuesSealAndOpen() {
        PlatformKey key = key();
        byte[] first = key.seal(SECRET, "ctx");
        assertFalse(Arrays.equals(first, key.seal(SECRET, "ctx")), "a fresh nonce each time");
        try (KeyMaterial empty = key.open(key.seal(new byte[0], "ctx"), "ctx")) {
            assertEquals(0, empty.length());
        }
        assertThrows(IntegrityException.class, () -> key.open(new byte[] {1}, "ctx"));
        assertThrows(IntegrityException.class, () -> key.open(new byte[0], "ctx"));
    }

    @Test
    void createdKeystore_holdsAnAes256Key_andGeneratedPasswordsDiffer() throws Exception {
        key();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("pk.p12"))) {
            store.load(in, "pw".toCharArray());
        }
        assertEquals(32, store.getKey("platform-key-1", "pw".toCharArray()).getEncoded().length);
        PlatformKey.forServer(dir.resolve("a").resolve("k.p12"), null);
        PlatformKey.forServer(dir.resolve("b").resolve("k.p12"), null);
        String a = Files.readString(PlatformKey.passwordFile(dir.resolve("a").resolve("k.p12")));
        String b = Files.readString(PlatformKey.passwordFile(dir.resolve("b").resolve("k.p12")));
        assertFalse(a.equals(b), "each installation gets its own password");
        assertFalse(a.strip().chars().allMatch(c -> c == a.charAt(0)), "not a constant");
    }
}
