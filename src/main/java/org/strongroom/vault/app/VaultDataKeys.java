package org.strongroom.vault.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.DataKeys;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.vault.domain.Vault;

/**
 * The vault data key (VDK): created sealed by the platform key with the vault, and unwrapped for a job
 * with whatever wraps it now — the platform key, or the customer's KEK through the key vault, acting as
 * the vault's identity. Every job unwraps afresh, so a disabled, expired or deleted key, or a revoked
 * permission, stops the next job at once with the seed's code. Backup, restore, verify and key updates
 * all unwrap here, never on their own.
 */
@ApplicationScoped
public class VaultDataKeys {

    @Inject
    PlatformKey platformKey;

    @Inject
    KeyVaultClient keyVault;

    /** A fresh VDK sealed by the platform key, for the vault {@code name}. */
    public byte[] newPlatformWrappedKey(String name) {
        try (KeyMaterial vdk = DataKeys.generate()) {
            return platformKey.seal(vdk.bytes(), sealingContext(name));
        }
    }

    /** The vault's data key in the clear, for one job; close it when done. */
    public KeyMaterial unwrap(Vault vault) {
        if (vault.dataKeyWrappedBy().isEmpty()) {
            try {
                return platformKey.open(vault.wrappedDataKey(), sealingContext(vault.name()));
            } catch (IntegrityException e) {
                throw new StrongroomException(ErrorCode.DataIntegrityError, "The data key of vault '" + vault.name()
                        + "' does not open with the platform key: " + e.getMessage(), "vaults/" + vault.name());
            }
        }
        String kek = vault.dataKeyWrappedBy().get();
        Caller identity = Caller.identity(vault.requireUsableIdentity());
        try {
            return keyVault.unwrap(kek, vault.wrappedDataKey(), identity);
        } catch (StrongroomException answer) {
            throw KeyVaultRefusals.translate(answer, kek);
        }
    }

    static String sealingContext(String vault) {
        return "vault/" + vault + "/data-key";
    }
}
