package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.activitylog.app.ActivityQueries;
import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keyvault.app.KeyOperations;
import org.strongroom.keyvault.app.KeyVaultAdministration;
import org.strongroom.keyvault.domain.KeyAttributes;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.support.Names;

/**
 * The {@link KeyVaultClient} port as Strongroom's services use it, acting as a vault's managed
 * identity; and the purge of deleted keys whose retention ended.
 */
@ExtendWith(ArquillianExtension.class)
class BuiltInKeyVaultClientIT {

    private static final Caller ADMIN = Caller.user("admin", true);

    @Deployment
    static WebArchive deployment() {
        return org.strongroom.support.Deployments.strongroom().addClass(Names.class);
    }

    @Inject
    KeyVaultClient client;

    @Inject
    KeyVaultAdministration administration;

    @Inject
    KeyOperations keys;

    @Inject
    ActivityQueries activity;

    @Inject
    Settings settings;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    private String newKeyVault(Boolean purgeProtection) {
        String kv = Names.unique("kv");
        administration.put(ADMIN, kv, new KeyVaultAdministration.Settings("westeurope", "sub-9", "rg-9", true, 7,
                purgeProtection));
        return kv;
    }

    /** A key's URI as key ids now name it: at the key vault's own host (the IT server has a key vault domain). */
    private String keyUri(String kv, String name) {
        return KeyVaultUris.of(settings).keyVault(kv) + "/keys/" + name;
    }

    @Test
    void identityWithPolicy_resolvesWrapsAndUnwraps_andVersionlessFollowsTheNewestVersion() {
        String kv = newKeyVault(true);
        keys.create(ADMIN, kv, "cmk", 2048, null, KeyAttributes.NONE);
        Caller identity = Caller.identity(UUID.randomUUID().toString());
        administration.setAccessPolicy(ADMIN, kv, identity.name(),
                EnumSet.of(KeyPermission.GET, KeyPermission.LIST, KeyPermission.WRAP_KEY, KeyPermission.UNWRAP_KEY));

        KeyVaultClient.ResolvedKey first = client.resolve(keyUri(kv, "cmk"), identity);
        assertEquals(keyUri(kv, "cmk") + "/" + first.version(), first.kid());
        assertEquals(keyUri(kv, "cmk"), first.versionlessId());
        assertEquals(first.kid(), client.resolve(settings.publicBaseUrl() + "/api/keyvaults/" + kv + "/keys/cmk", identity).kid(),
                "a key URI in the path form, as given out before a key vault domain was set, names the same key");
        assertEquals(2048, first.keySize());
        assertTrue(first.enabled());

        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        byte[] wrapped = client.wrap(first.kid(), dataKey, identity);
        try (KeyMaterial unwrapped = client.unwrap(first.kid(), wrapped, identity)) {
            assertArrayEquals(dataKey, unwrapped.bytes());
        }

        keys.rotate(ADMIN, kv, "cmk");
        KeyVaultClient.ResolvedKey newest = client.resolve(keyUri(kv, "cmk"), identity);
        assertFalse(newest.version().equals(first.version()));
        assertEquals(first.version(), client.resolve(first.kid(), identity).version());
        try (KeyMaterial stillOpens = client.unwrap(first.kid(), wrapped, identity)) {
            assertArrayEquals(dataKey, stillOpens.bytes());
        }
    }

    @Test
    void identityWithoutPolicy_isForbidden_andKeyVaultPropertiesNameItsPermissions() {
        String kv = newKeyVault(true);
        keys.create(ADMIN, kv, "cmk", 2048, null, KeyAttributes.NONE);
        Caller identity = Caller.identity(UUID.randomUUID().toString());
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> client.resolve(keyUri(kv, "cmk"), identity));
        assertEquals(ErrorCode.Forbidden, refused.code());

        administration.setAccessPolicy(ADMIN, kv, identity.name(), EnumSet.of(KeyPermission.GET, KeyPermission.WRAP_KEY));
        KeyVaultClient.KeyVaultProperties properties = client.keyVaultOf(keyUri(kv, "cmk"));
        assertEquals("westeurope", properties.region());
        assertEquals("sub-9", properties.subscriptionId());
        assertTrue(properties.softDeleteEnabled() && properties.purgeProtectionEnabled());
        assertEquals(java.util.Set.of("get", "wrapKey"), client.keyPermissions(keyUri(kv, "cmk"), identity));
    }

    @Test
    void keyUriOfAnotherServerOrUnknownKey_isNotFound() {
        String kv = newKeyVault(false);
        for (String uri : List.of("https://evil.example/api/keyvaults/" + kv + "/keys/cmk", keyUri(kv, "missing"),
                keyUri(Names.unique("kv"), "cmk"), "not a uri")) {
            StrongroomException refused = assertThrows(StrongroomException.class, () -> client.resolve(uri, ADMIN), uri);
            assertEquals(ErrorCode.NotFound, refused.code(), uri);
        }
    }

    @Test
    void deletedKeyPastItsRetention_isPurgedEvenUnderPurgeProtection_andTheSystemLogsIt() throws Exception {
        String kv = newKeyVault(true);
        keys.create(ADMIN, kv, "old", 2048, null, KeyAttributes.NONE);
        keys.delete(ADMIN, kv, "old");
        try (Connection c = database.getConnection();
             PreparedStatement past = c.prepareStatement(
                     "UPDATE vault_key SET scheduled_purge_at = ? WHERE key_vault = ? AND name = ?")) {
            past.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
            past.setString(2, kv);
            past.setString(3, "old");
            assertEquals(1, past.executeUpdate());
        }

        assertTrue(keys.purgeExpired() >= 1);

        assertThrows(StrongroomException.class, () -> keys.getDeleted(ADMIN, kv, "old"));
        List<ActivityRecord> log = activity.search(new ActivityQuery("keyvaults/" + kv + "/keys/old", null, null, 10));
        assertEquals("PurgeKey", log.get(0).operation());
        assertEquals("system", log.get(0).caller());
        keys.create(ADMIN, kv, "old", 2048, null, KeyAttributes.NONE);
    }
}
