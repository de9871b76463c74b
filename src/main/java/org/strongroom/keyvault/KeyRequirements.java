package org.strongroom.keyvault;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.strongroom.keyvault.KeyVaultClient.KeyVaultProperties;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * What a key vault and a key must be before anything is put under them (SPEC 5-9), in the order the seed
 * lists them: one policy for every holder of a key — a vault's data key ({@code vault}'s key assignment) and
 * a disk encryption set ({@code diskencryption}), whatever key manager answers for the key. Each refusal
 * carries the seed's code and the target {@code keyUri}.
 */
public final class KeyRequirements {

    /** What the vault's identity needs on the key vault (SPEC 5). */
    public static final List<String> PERMISSIONS = List.of("get", "list", "wrapKey", "unwrapKey");

    private final boolean largeRsaKeysAllowed;

    /** {@code largeRsaKeysAllowed}: the server setting that admits RSA 3072 and 4096 beside the seed's 2048. */
    public KeyRequirements(boolean largeRsaKeysAllowed) {
        this.largeRsaKeysAllowed = largeRsaKeysAllowed;
    }

    /**
     * SPEC 5, 6, 7 and 9 for a vault: the key vault is in the vault's region, has soft delete and purge
     * protection, is in the subscription given with the key (when one is), and grants the vault's identity
     * the four permissions ({@code granted}, as {@link KeyVaultClient#keyPermissions} found them).
     */
    public void checkKeyVault(KeyVaultProperties keyVault, Set<String> granted, VaultName vaultName, String vaultRegion,
                              String subscriptionId, String principalId) {
        checkPlacement(keyVault, "vault '" + vaultName + "'", vaultRegion);
        if (subscriptionId != null && !subscriptionId.equals(keyVault.subscriptionId())) {
            throw refuse(ErrorCode.UserErrorKeyVaultSubscriptionMismatch, "Key vault '" + keyVault.name()
                    + "' is not in subscription '" + subscriptionId + "'" + (keyVault.subscriptionId() == null
                    ? " (" + keyVault.source() + " names no subscription)" : ""));
        }
        Set<String> missing = new LinkedHashSet<>(PERMISSIONS);
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            throw refuse(ErrorCode.UserErrorKeyVaultPermissionsNotConfigured, "Key vault '" + keyVault.name()
                    + "' does not grant the vault's identity " + principalId + " the key permissions " + missing
                    + " (it needs " + PERMISSIONS + ")");
        }
    }

    /**
     * SPEC 6 and 7 for any holder of a key ({@code holder}, e.g. "disk encryption set 'des1'", in
     * {@code region}): the key vault is in the same region and has soft delete and purge protection.
     */
    public void checkPlacement(KeyVaultProperties keyVault, String holder, String region) {
        if (!keyVault.region().equalsIgnoreCase(region)) {
            throw refuse(ErrorCode.UserErrorKeyVaultRegionMismatch, "Key vault '" + keyVault.name() + "' is in region '"
                    + keyVault.region() + "', " + holder + " in '" + region + "': they must be in the same region ("
                    + keyVault.source() + ")");
        }
        if (!keyVault.softDeleteEnabled()) {
            throw refuse(ErrorCode.UserErrorKeyVaultSoftDeleteNotEnabled, "Key vault '" + keyVault.name() + "' must have soft delete enabled ("
                    + keyVault.source() + ")");
        }
        if (!keyVault.purgeProtectionEnabled()) {
            throw refuse(ErrorCode.UserErrorKeyVaultPurgeProtectionNotEnabled,
                    "Key vault '" + keyVault.name() + "' must have purge protection enabled (" + keyVault.source() + ")");
        }
    }

    /** SPEC 8: the key is RSA 2048 (or 3072/4096 where the setting allows), enabled, and valid {@code now}. */
    public void checkKey(ResolvedKey key, Instant now) {
        boolean sizeAllowed = key.keySize() == 2048 || (largeRsaKeysAllowed && (key.keySize() == 3072 || key.keySize() == 4096));
        if (!key.kty().startsWith("RSA") || !sizeAllowed) {
            throw refuse(ErrorCode.UserErrorUnsupportedKeyType, "Key " + key.kid() + " is " + key.kty() + " " + key.keySize()
                    + "; the key must be RSA 2048" + (largeRsaKeysAllowed ? ", 3072 or 4096" : ""));
        }
        if (!key.enabled()) {
            throw refuse(ErrorCode.UserErrorKeyDisabled, "Key " + key.kid() + " is disabled");
        }
        if (key.expires() != null && !now.isBefore(key.expires())) {
            throw refuse(ErrorCode.UserErrorKeyExpired, "Key " + key.kid() + " expired at " + key.expires());
        }
        if (key.notBefore() != null && now.isBefore(key.notBefore())) {
            throw refuse(ErrorCode.UserErrorKeyNotYetValid, "Key " + key.kid() + " is not valid before " + key.notBefore());
        }
    }

    private static StrongroomException refuse(ErrorCode code, String message) {
        return new StrongroomException(code, message, "keyUri");
    }
}
