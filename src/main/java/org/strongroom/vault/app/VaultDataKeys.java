package org.strongroom.vault.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.DataKeys;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.keyvault.ManagedIdentityKeys;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.WrappedDataKeyFile;
import org.strongroom.vault.domain.InfrastructureEncryption;
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
    ManagedIdentityKeys keys;

    @Inject
    ChunkStore store;

    @Inject
    VaultService vaults;

    @Inject
    Settings settings;

    /** A fresh VDK sealed by the platform key, for the vault {@code name}. */
    public byte[] newPlatformWrappedKey(VaultName name) {
        try (KeyMaterial vdk = DataKeys.generate()) {
            return platformKey.seal(vdk.bytes(), VaultDataKey.platformSealContext(name.value()));
        }
    }

    /** The vault's data key in the clear, for one job; close it when done. */
    public KeyMaterial unwrap(Vault vault) {
        if (vault.dataKeyWrappedBy().isEmpty()) {
            try {
                return platformKey.open(vault.wrappedDataKey(), VaultDataKey.platformSealContext(vault.name().value()));
            } catch (IntegrityException e) {
                throw new StrongroomException(ErrorCode.DataIntegrityError, "The data key of vault '" + vault.name()
                        + "' does not open with the platform key: " + e.getMessage(),
                        ResourcePath.vault(vault.name()).toString());
            }
        }
        return unwrapAs(vault, Caller.identity(vault.requireIdentityOfTheKey()));
    }

    /**
     * The data key of a vault on a customer-managed key, unwrapped by {@code identity}: for the key
     * assignment job, which acts as the vault's identity before the key is assigned for it.
     */
    public KeyMaterial unwrapAs(Vault vault, Caller identity) {
        return keys.unwrap(vault.dataKeyWrappedBy().orElseThrow(), vault.wrappedDataKey(), identity);
    }

    /**
     * Everything a backup, restore or verify job needs to read and write the vault's data: its data key,
     * unwrapped afresh (refusals carry the seed's codes), the keys derived from it, and the infrastructure
     * layer's key when that is enabled. Close it when the job ends.
     */
    public VaultDataKey open(Vault vault) {
        try (KeyMaterial dataKey = unwrap(vault)) {
            KeyMaterial infrastructure = vault.infrastructureEncryption() == InfrastructureEncryption.Enabled
                    ? platformKey.derive(VaultDataKey.infrastructureContext(vault.name().value())) : null;
            return VaultDataKey.of(vault.name().value(), dataKey, infrastructure);
        }
    }

    /**
     * For a running job of {@code vault}: asks the key vault again, every so much data or time, whether the
     * vault's data key still opens with the key in force (read afresh, so that a rotation during the job is
     * followed), and stops the job with the key's code when it does not.
     */
    public KeyRecheck recheck(VaultName vault) {
        return new KeyRecheck(() -> unwrap(vaults.get(vault)).close(), settings.keyRecheckBytes(),
                settings.keyRecheckInterval(), System::nanoTime);
    }

    /** Writes the vault's wrapped data key, and what wraps it, into the chunk store (for offline recovery). */
    public void syncStore(Vault vault) {
        WrappedDataKeyFile current = new WrappedDataKeyFile(vault.name().value(),
                vault.dataKeyWrappedBy().orElse(WrappedDataKeyFile.PLATFORM),
                vault.dataKeyWrappedBy().isPresent() ? WrappedDataKeyFile.RSA_OAEP_256 : WrappedDataKeyFile.PLATFORM_SEAL,
                vault.wrappedDataKey(), vault.infrastructureEncryption() == InfrastructureEncryption.Enabled);
        boolean upToDate = store.readDataKey(vault.name())
                .map(stored -> stored.wrappedBy().equals(current.wrappedBy())
                        && java.util.Arrays.equals(stored.wrappedDataKey(), current.wrappedDataKey())
                        && stored.infrastructureEncryption() == current.infrastructureEncryption())
                .orElse(false);
        if (!upToDate) {
            store.writeDataKey(current);
        }
    }
}
