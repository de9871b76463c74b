package org.strongroom.guard.domain;

/**
 * The operations on a vault that a bound resource guard protects: each would weaken or destroy the
 * vault's backups, so each needs an approval of the guard's owner.
 */
public enum CriticalOperation {
    /** Switching the vault's soft delete off, or shortening its days. */
    DisableSoftDelete,
    /** Shortening an item's retention. */
    ReduceRetention,
    /** Stopping an item's protection with {@code deleteData=true}. */
    DeleteBackupData,
    /** Unbinding the vault from its guard, or binding it to another. */
    RemoveResourceGuard,
    /** Changing or removing the key vault access policy of the vault's identity. */
    ModifyKeyVaultAccess,
    /** Deleting the vault. */
    DeleteVault
}
