package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.KeyVaultUris;

/**
 * Key URIs: versioned and versionless, in the path form and the vault host form; scheme, host case and
 * default port ignored, anything else refused.
 */
class KeyIdTest {

    private static final String BASE = "http://localhost:8080";
    private static final String VERSION = "5c1f0e2a9b2d4f7c8e1a3b6d0f9e8c7a";
    private static final KeyVaultUris HOSTS = new KeyVaultUris(BASE, Optional.of("vault.strongroom.test"), 8443);

    private static KeyVaultUris pathOnly(String base) {
        return new KeyVaultUris(base, Optional.empty(), 8443);
    }

    @Test
    void versionedAndVersionlessUris_parseToKeyVaultNameAndVersion() {
        KeyId versioned = KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key/" + VERSION, pathOnly(BASE));
        assertFalse(versioned.isVersionless());
        assertEquals(KeyId.versionless("kv1", "backup-key"), versioned.versionless());
        assertEquals(KeyId.versioned("kv1", "backup-key", VERSION), versioned);
        KeyId versionless = KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key", pathOnly(BASE));
        assertTrue(versionless.isVersionless());
        assertEquals(versionless, KeyId.parse(BASE + "/api/keyvaults/kv1/keys/backup-key/", pathOnly(BASE)));
        assertEquals(BASE + "/api/keyvaults/kv1/keys/backup-key/" + VERSION, versioned.uri(pathOnly(BASE)));
    }

    @Test
    void schemeAndHostCase_andDefaultPort_doNotMatter() {
        assertEquals(Optional.of(VERSION),
                KeyId.parse("HTTP://LocalHost:80/api/keyvaults/kv1/keys/k/" + VERSION, pathOnly("http://localhost")).version());
    }

    @Test
    void uriOfAnotherHostOrPort_orWithUserInfoQueryOrFragment_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://evil.example/api/keyvaults/kv1/keys/k", pathOnly(BASE)));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://localhost:8081/api/keyvaults/kv1/keys/k", pathOnly(BASE)));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("https://localhost:8080/api/keyvaults/kv1/keys/k", pathOnly(BASE)));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://user@localhost:8080/api/keyvaults/kv1/keys/k", pathOnly(BASE)));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("http://localhost:8080/api/keyvaults/kv1/keys/k?api-version=7.4", pathOnly(BASE)));
    }

    @Test
    void malformedPaths_areRefused() {
        for (String path : new String[] {"/api/keyvaults/kv1", "/api/keyvaults/kv1/keys", "/api/keyvaults/kv1/keys/k/notahexversion",
                "/api/keyvaults/kv1/keys/../../vaults", "/api/keyvaults/k/keys/x", "/api/keyvaults/kv1/secrets/s",
                "/api/keyvaults/kv1/keys/k/" + VERSION + "/extra"}) {
            assertThrows(IllegalArgumentException.class, () -> KeyId.parse(BASE + path, pathOnly(BASE)), path);
        }
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse("not a uri at all", pathOnly(BASE)));
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse(null, pathOnly(BASE)));
    }

    @Test
    void baseWithAPathPrefix_isHonoured() {
        String base = "https://vault.example.com/strongroom";
        assertEquals(KeyId.versionless("kv1", "k"), KeyId.parse(base + "/api/keyvaults/kv1/keys/k", pathOnly(base)));
        assertThrows(IllegalArgumentException.class,
                () -> KeyId.parse("https://vault.example.com/api/keyvaults/kv1/keys/k", pathOnly(base)));
    }

    @Test
    void withAKeyVaultDomain_keyIdsTakeTheVaultHostForm_andBothFormsParse() {
        KeyId key = KeyId.versioned("Kv1", "backup-key", VERSION);
        assertEquals("https://kv1.vault.strongroom.test:8443/keys/backup-key/" + VERSION, key.uri(HOSTS));
        assertEquals(List.of("https://kv1.vault.strongroom.test:8443/keys/backup-key/" + VERSION,
                BASE + "/api/keyvaults/Kv1/keys/backup-key/" + VERSION), key.uriForms(HOSTS));
        assertEquals(KeyId.versioned("kv1", "backup-key", VERSION),
                KeyId.parse("https://KV1.Vault.Strongroom.Test:8443/keys/backup-key/" + VERSION, HOSTS));
        assertEquals(KeyId.versionless("kv1", "k"), KeyId.parse("https://kv1.vault.strongroom.test:8443/keys/k", HOSTS));
        assertEquals(KeyId.versionless("kv1", "k"), KeyId.parse(BASE + "/api/keyvaults/kv1/keys/k", HOSTS),
                "key ids given out before the domain was set keep working");
    }

    @Test
    void vaultHostForm_ofAnotherDomainPortOrScheme_orTheAuthorityHost_isRefused() {
        for (String uri : new String[] {"https://kv1.vault.evil.test:8443/keys/k", "https://kv1.vault.strongroom.test:9443/keys/k",
                "http://kv1.vault.strongroom.test:8443/keys/k", "https://a.b.vault.strongroom.test:8443/keys/k",
                "https://vault.strongroom.test:8443/keys/k", "https://login.vault.strongroom.test:8443/keys/k",
                "https://kv1.vault.strongroom.test:8443/api/keyvaults/kv1/keys/k", "https://kv1.vault.strongroom.test:8443/keys/k/x"}) {
            assertThrows(IllegalArgumentException.class, () -> KeyId.parse(uri, HOSTS), uri);
        }
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse("https://kv1.vault.strongroom.test:8443/keys/k", pathOnly(BASE)),
                "without a domain there are no vault hosts");
    }
}
