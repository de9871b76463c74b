package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.WrappedDataKeyFile;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/**
 * What wraps the vault data key, and which data key it is: the first customer-managed key gives the vault
 * a fresh data key that only that key opens (the platform-wrapped one made with the vault is replaced in
 * the database and the store); later updates and rotations rewrap that same data key.
 */
@ExtendWith(ArquillianExtension.class)
class DataKeyRewrapIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SourceTrees.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    KeyVaultClient keyVault;

    @Inject
    PlatformKey platformKey;

    @Inject
    ChunkStore store;

    @Test
    void firstKeyAssignment_givesAFreshDataKeyUnderTheCustomersKey_andUpdatesRewrapThatSameKey() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "kek");
        Caller identity = Caller.identity(setup.principal());
        Vault before = vaults.get(VaultName.of(setup.vault()));
        assertTrue(before.dataKeyWrappedBy().isEmpty(), "platform-managed: the platform key wraps the data key");
        byte[] platformDataKey;
        try (KeyMaterial original = dataKeys.unwrap(before)) {
            platformDataKey = original.bytes().clone();
        }

        assertEquals("Completed", cmk.assignAndWait(setup.vault(), Cmk.versionless(setup.kid())).getString("status"));
        Vault after = vaults.get(VaultName.of(setup.vault()));
        assertEquals(setup.kid(), after.dataKeyWrappedBy().orElseThrow());
        byte[] dataKey;
        try (KeyMaterial viaKeyVault = keyVault.unwrap(setup.kid(), after.wrappedDataKey(), identity)) {
            dataKey = viaKeyVault.bytes().clone();
        }
        assertEquals(32, dataKey.length);
        assertFalse(Arrays.equals(platformDataKey, dataKey), "a fresh data key, not the one the platform key wrapped");

        String next = Cmk.kid(cmk.admin().post("/api/keyvaults/" + setup.keyVault() + "/keys/kek/rotate", "").json());
        Await.until(() -> next.equals(vaults.get(VaultName.of(setup.vault())).activeKeyId()), "the vault to follow " + next);
        Vault rotated = vaults.get(VaultName.of(setup.vault()));
        assertEquals(next, rotated.dataKeyWrappedBy().orElseThrow());
        try (KeyMaterial viaNewVersion = keyVault.unwrap(next, rotated.wrappedDataKey(), identity)) {
            assertArrayEquals(dataKey, viaNewVersion.bytes(), "a rotation rewraps the same data key");
        }
        try (KeyMaterial asTheVault = dataKeys.unwrap(rotated)) {
            assertArrayEquals(dataKey, asTheVault.bytes());
        }
    }

    @Test
    void cmkVaultsBackups_openWithNothingThePlatformHolds_databaseStoreAndKeystoreTogether() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "kek");
        Vault before = vaults.get(VaultName.of(setup.vault()));
        byte[] platformWrappedAtCreation = before.wrappedDataKey();
        assertEquals("Completed", cmk.awaitJob(cmk.assign(setup.vault(), setup.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, "Enabled"))
                .getString("status"));
        String item = cmk.filesItem(setup.vault(), "files1", SourceTrees.tree("platform-cannot", 81));
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);
        Vault vault = vaults.get(VaultName.of(setup.vault()));

        // What the platform holds: the database row, the store's files, the platform keystore.
        assertThrows(IntegrityException.class, () -> platformKey.open(vault.wrappedDataKey(),
                VaultDataKey.platformSealContext(vault.name().value())), "the stored data key is not sealed by the platform key");
        WrappedDataKeyFile inStore = store.readDataKey(vault.name()).orElseThrow();
        assertFalse(inStore.wrappedByPlatform(), "the store's copy is wrapped by the customer's key only");
        assertEquals(setup.kid(), inStore.wrappedBy());
        try (KeyMaterial creationKey = platformKey.open(platformWrappedAtCreation, VaultDataKey.platformSealContext(vault.name().value()));
             VaultDataKey withCreationKey = VaultDataKey.of(vault.name().value(), creationKey,
                     platformKey.derive(VaultDataKey.infrastructureContext(vault.name().value())));
             RecoveryPointReader reader = new RecoveryPointReader(store, withCreationKey, ItemRef.of(vault.name(), "files1"), point)) {
            assertThrows(IntegrityException.class, reader::manifest,
                    "a copy of the database from before the assignment, with the keystore, opens none of the backups");
        }

        try (VaultDataKey asTheVault = dataKeys.open(vault);
             RecoveryPointReader reader = new RecoveryPointReader(store, asTheVault, ItemRef.of(vault.name(), "files1"), point)) {
            assertEquals(point, reader.manifest().recoveryPointId(), "the customer's key opens them");
        }
    }
}
