package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Key URIs: versioned and versionless, scheme, host case and default port ignored, anything else refused. */
class KeyIdTest {

    private static final String BASE = "http://localhost:8080";
    private static final String VERSION = "5c1f0e2a9b2d4f7c8e1a3b6d0f9e8c7a";

    @Test
    void versionedAndVersionlessUris_parseToKeyVaultNameAndVersion() {
        KeyId versioned = KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key/" + VERSION, BASE);
        org.junit.jupiter.api.Assertions.assertFalse(versioned.isVersionless());
        assertEquals(KeyId.versionless("kv1", "backup-key"), versioned.versionless());
        assertEquals(KeyId.versioned("kv1", "backup-key", VERSION), versioned);
        KeyId versionless = KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key", BASE);
        assertTrue(versionless.isVersionless());
        assertEquals(versionless, KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key/", BASE));
        assertEquals(BASE + "/api/keyvaults/kv1/keys/backup-key/" + VERSION, versioned.uri(BASE));
    }

    @Test
    void schemeAndHostCase_andDefaultPort_doNotMatter() {
        assertEquals(Optional.of(VERSION),
                KeyId.parse("HTTP://LocalHost:80/api/keyvaults/kv1/keys/k/" + VERSION, "http://localhost").version());
    }

    @Test
    void uriOfAnotherHostOrPort_orWithUserInfoQueryOrFragment_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://evil.example/api/keyvaults/kv1/keys/k", BASE));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://localhost:8081/api/keyvaults/kv1/keys/k", BASE));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("https://localhost:8080/api/keyvaults/kv1/keys/k", BASE));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://user@localhost:8080/api/keyvaults/kv1/keys/k", BASE));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://localhost:8080/api/keyvaults/kv1/keys/k?api-version=7.4", BASE));
    }

    @Test
    void malformedPaths_areRefused() {
        for (String path : new String[] {"/api/keyvaults/kv1", "/api/keyvaults/kv1/keys", "/api/keyvaults/kv1/keys/k/notahexversion",
                "/api/keyvaults/kv1/keys/../../vaults", "/api/keyvaults/k/keys/x", "/api/keyvaults/kv1/secrets/s",
                "/api/keyvaults/kv1/keys/k/" + VERSION + "/extra"}) {
            assertThrows(IllegalArgumentException.class, () -> KeyId.parse(BASE + path, BASE), path);
        }
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse("not a uri at all", BASE));
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse(null, BASE));
    }

    @Test
    void baseWithAPathPrefix_isHonoured() {
        String base = "https://vault.example.com/strongroom";
        assertEquals(KeyId.versionless("kv1", "k"), KeyId.parse(base + "/api/keyvaults/kv1/keys/k", base));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("https://vault.example.com/api/keyvaults/kv1/keys/k", base));
    }
}
