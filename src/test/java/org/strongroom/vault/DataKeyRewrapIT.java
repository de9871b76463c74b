package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/**
 * The key update really changes which key wraps the vault data key, and the data key itself never
 * changes: before, it opens with the platform key; after, with the new key version through the key vault.
 */
@ExtendWith(ArquillianExtension.class)
class DataKeyRewrapIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    KeyVaultClient keyVault;

    private static final Caller ADMIN = new Caller("admin", true);

    @Test
    void keyUpdate_rewrapsTheSameDataKeyUnderTheNewKey_andRotationAgain() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "kek");
        Vault before = vaults.get(setup.vault());
        assertTrue(before.dataKeyWrappedBy().isEmpty(), "platform-managed: the platform key wraps the data key");
        byte[] dataKey;
        try (KeyMaterial original = dataKeys.unwrap(before)) {
            dataKey = original.bytes().clone();
        }
        assertEquals(32, dataKey.length);

        assertEquals("Completed", cmk.assignAndWait(setup.vault(), Cmk.versionless(setup.kid())).getString("status"));
        Vault after = vaults.get(setup.vault());
        assertEquals(setup.kid(), after.dataKeyWrappedBy().orElseThrow());
        assertFalse(Arrays.equals(before.wrappedDataKey(), after.wrappedDataKey()));
        try (KeyMaterial viaKeyVault = keyVault.unwrap(setup.kid(), after.wrappedDataKey(), ADMIN)) {
            assertArrayEquals(dataKey, viaKeyVault.bytes());
        }

        String next = Cmk.kid(cmk.admin().post("/api/keyvaults/" + setup.keyVault() + "/keys/kek/rotate", "").json());
        Await.until(() -> next.equals(vaults.get(setup.vault()).activeKeyId()), "the vault to follow " + next);
        Vault rotated = vaults.get(setup.vault());
        assertEquals(next, rotated.dataKeyWrappedBy().orElseThrow());
        try (KeyMaterial viaNewVersion = keyVault.unwrap(next, rotated.wrappedDataKey(), ADMIN)) {
            assertArrayEquals(dataKey, viaNewVersion.bytes());
        }
        try (KeyMaterial asTheVault = dataKeys.unwrap(rotated)) {
            assertArrayEquals(dataKey, asTheVault.bytes());
        }
    }
}
