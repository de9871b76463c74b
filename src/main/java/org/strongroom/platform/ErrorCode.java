package org.strongroom.platform;

/**
 * The codes every refusal and every failed job carries, with the HTTP status a refusal answers.
 *
 * <p>The names are public: clients and the job records use them as written (see API.md and SPEC.md).
 */
public enum ErrorCode {
    BadRequest(400),
    Unauthorized(401),
    Forbidden(403),
    /** Credentials sent over plain HTTP from another machine: they are taken over HTTPS only. */
    HttpsRequired(403),
    NotFound(404),
    MethodNotAllowed(405),
    NotAcceptable(406),
    Conflict(409),
    /** The key version is disabled: it may not wrap or unwrap. */
    KeyDisabled(409),
    /** The key version's expiry time ({@code exp}) has passed. */
    KeyExpired(409),
    /** The key version's activation time ({@code nbf}) has not come yet. */
    KeyNotYetValid(409),
    PayloadTooLarge(413),
    /** Too many failed logins for a user or from an address: wait for the {@code Retry-After} seconds. */
    TooManyRequests(429),
    UnsupportedMediaType(415),
    InternalError(500),
    /** Stored data failed authentication or does not match what it should be (a tampered or corrupt store). */
    DataIntegrityError(500),
    /** A job whose message exhausted its deliveries: it was moved to the dead-letter queue. */
    InternalErrorJobAbandoned(500),
    ServiceUnavailable(503),

    // The seed's refusals (SPEC.md). Key checks mostly surface in a key-update job's error.
    /** SPEC 1: customer-managed keys only on a vault that never had an item (nor a registration attempt). */
    UserErrorVaultHasProtectedItems(409),
    /** SPEC 2: a vault with customer-managed keys never goes back to platform-managed keys. */
    UserErrorCmkCannotBeReverted(409),
    /** SPEC 4: the vault's system-assigned identity must be enabled before a key is assigned. */
    UserErrorManagedIdentityNotEnabled(409),
    /** SPEC 4: the identity cannot be disabled while customer-managed keys are in use. */
    UserErrorIdentityInUse(409),
    /** SPEC 5: the key vault does not grant the vault's identity get, list, wrapKey and unwrapKey. */
    UserErrorKeyVaultPermissionsNotConfigured(400),
    /** SPEC 6. */
    UserErrorKeyVaultSoftDeleteNotEnabled(400),
    /** SPEC 6. */
    UserErrorKeyVaultPurgeProtectionNotEnabled(400),
    /** SPEC 7: the key vault is in another region than the vault. */
    UserErrorKeyVaultRegionMismatch(400),
    /** SPEC 8: the key is not RSA 2048 (or 3072/4096 when the server allows them). */
    UserErrorUnsupportedKeyType(400),
    /** SPEC 8. */
    UserErrorKeyDisabled(400),
    /** SPEC 8. */
    UserErrorKeyExpired(400),
    /** The key version's activation time ({@code nbf}) has not come yet (beyond the seed). */
    UserErrorKeyNotYetValid(400),
    /** SPEC 9: the given subscription is not the key vault's. */
    UserErrorKeyVaultSubscriptionMismatch(400),
    /** SPEC 9: the key URI names no known key, key vault or version. */
    UserErrorKeyNotFound(400),
    /**
     * A remote key manager did not answer in time, or only with errors of its own (5xx, throttling) after
     * its retries, or its circuit is open after repeated failures: nothing was changed; try again later.
     */
    UserErrorKeyVaultUnreachable(503),
    /** SPEC 18: a vault with customer-managed keys cannot move to another resource group or subscription. */
    UserErrorCmkVaultMoveNotSupported(409),
    /** SPEC 18: after a move to another tenant the identity is invalid until re-created and the key re-assigned. */
    UserErrorIdentityInvalidAfterTenantMove(409),
    /** SPEC 19: passphrase-based agent and classic workloads are not supported in vaults with customer-managed keys. */
    UserErrorWorkloadNotSupportedWithCmk(400),
    /** A protected item's source does not exist, is unreadable, or lies outside the allowed roots. */
    UserErrorInvalidSource(400),
    /** A restore target is not absolute, lies outside the allowed roots, or is of the wrong kind. */
    UserErrorInvalidRestoreTarget(400),
    /** A restore would replace existing files and the request did not say {@code overwrite: true}. */
    UserErrorRestoreTargetExists(409),
    /** A restore asked for a recovery point's {@code Snapshot} tier after its instant-restore days. */
    UserErrorRecoveryPointTierNotAvailable(400),
    /** A backup of an item whose protection is stopped: resume protection first. */
    UserErrorProtectionStopped(409),
    /** An item is deleted only once it holds no recovery points. */
    UserErrorItemHasRecoveryPoints(409),
    /** A vault is deleted only once it holds no protected items (and so no recovery points). */
    UserErrorVaultNotEmpty(409),
    /** A disk encryption set is deleted only while nothing uses it (no Disk item names it as its source's set). */
    UserErrorDiskEncryptionSetInUse(409),
    /** A vault's soft delete is AlwaysOn: it can never be disabled again. */
    UserErrorSoftDeleteAlwaysOn(409),
    /** A soft-deleted item is restored, backed up or resumed only once undeleted. */
    UserErrorItemSoftDeleted(409),
    /** An immutable vault deletes no backup data before its retention ends: no shorter retention, no deleting an item's data. */
    UserErrorVaultImmutable(409),
    /** A vault's immutability is locked: it can never be unlocked or disabled again. */
    UserErrorImmutabilityLocked(409),
    /** A key vault is deleted only once it holds no keys, deleted keys included: its keys may be all that opens backups. */
    UserErrorKeyVaultNotEmpty(409),
    /** A vault bound to a resource guard: the critical operation needs an approval of the guard's owner. */
    UserErrorResourceGuardApprovalRequired(403),
    /** An account that owns a resource guard is changed by anyone but its user, or an account that cannot own one. */
    UserErrorResourceGuardOwner(409);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
