package org.strongroom.vault.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * A Recovery Services vault: it holds protected items and their recovery points, has a region, a
 * subscription, a resource group and a tenant, a managed identity, and a data key (VDK) that protects
 * its backups — wrapped by the platform key until a customer-managed key (KEK) is assigned.
 *
 * <p>The rules of the seed live here: a key is assigned only with an enabled, valid identity (SPEC 4),
 * for the first time only to a vault that never had an item (SPEC 1), one assignment at a time, and never
 * reverted (SPEC 2); the identity stays while the key is in use (SPEC 4); a vault with a key does not move
 * to another resource group or subscription, and a tenant move invalidates its identity (SPEC 18);
 * passphrase agents and classic workloads stay out of key-protected vaults (SPEC 19).
 *
 * <p>Longer than 300 lines on purpose: it is the one aggregate that holds every rule of the seed on a vault
 * (SPEC 1-4, 10-13, 18, 19) — identity, key assignment, moves, items — so that each rule lives once.
 */
@Entity
@Table(name = "vault")
public class Vault {

    /** Vault names: 2 to 50 letters, digits or hyphens. */
    @Id
    @Column(length = 50)
    private String name;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "subscription_id", nullable = false, length = 64)
    private String subscriptionId;

    @Column(name = "resource_group", nullable = false, length = 90)
    private String resourceGroup;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private ManagedIdentity identity = ManagedIdentity.none();

    @Enumerated(EnumType.STRING)
    @Column(name = "encryption_type", nullable = false, length = 24)
    private EncryptionAtRestType encryptionType = EncryptionAtRestType.PlatformManaged;

    /** The key URI as assigned: versioned (pinned) or versionless (following the key). */
    @Column(name = "key_uri", length = 400)
    private String keyUri;

    /** The versioned id of the key version that wraps the data key now. */
    @Column(name = "active_key_id", length = 400)
    private String activeKeyId;

    @Column(name = "auto_rotation", nullable = false)
    private boolean autoRotation;

    @Column(name = "key_vault_subscription_id", length = 64)
    private String keyVaultSubscriptionId;

    /** The identity the key in force was assigned for: only it may use the key (SPEC 18). */
    @Column(name = "key_principal_id", length = 36)
    private String keyPrincipalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "infrastructure_encryption", nullable = false, length = 16)
    private InfrastructureEncryption infrastructureEncryption = InfrastructureEncryption.Disabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_update_status", nullable = false, length = 16)
    private KeyUpdateStatus lastUpdateStatus = KeyUpdateStatus.NotStarted;

    @Embedded
    private KeyUpdateRequest pendingKeyUpdate;

    /** The data key, wrapped by the platform key ({@code dataKeyWrappedBy} null) or by the KEK named there. */
    @Column(name = "wrapped_data_key")
    private byte[] wrappedDataKey;

    @Column(name = "data_key_wrapped_by", length = 400)
    private String dataKeyWrappedBy;

    @Column(name = "had_item", nullable = false)
    private boolean hadItem;

    @Embedded
    private SoftDelete softDelete = new SoftDelete();

    @Enumerated(EnumType.STRING)
    @Column(name = "immutability", nullable = false, length = 16)
    private Immutability immutability = Immutability.Disabled;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected Vault() {
        // for JPA
    }

    /** A new vault: platform-managed, no identity, its data key sealed by the platform key. */
    public Vault(VaultName name, String region, String subscriptionId, String resourceGroup, String tenantId,
                 byte[] platformWrappedDataKey, Instant now) {
        this.name = name.value();
        this.region = Objects.requireNonNull(region);
        this.subscriptionId = Objects.requireNonNull(subscriptionId);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.wrappedDataKey = Objects.requireNonNull(platformWrappedDataKey);
        this.created = now;
        this.updated = now;
    }

    /** Changes the vault's soft delete of backup data ({@link SoftDelete#change}: AlwaysOn is for good). */
    public void changeSoftDelete(SoftDelete.State state, Integer retentionDays, Instant now) {
        softDelete.change(state, retentionDays);
        updated = now;
    }

    public SoftDelete softDelete() {
        return softDelete;
    }

    /** Sets the vault's immutability; leaving {@code Locked} is refused ({@code UserErrorImmutabilityLocked}). */
    public void changeImmutability(Immutability to, Instant now) {
        if (immutability == Immutability.Locked && to != Immutability.Locked) {
            throw new StrongroomException(ErrorCode.UserErrorImmutabilityLocked, "Vault '" + name + "' is locked immutable: "
                    + "that is for good, it can never be " + (to == Immutability.Disabled ? "disabled" : "unlocked") + " again",
                    "state");
        }
        immutability = Objects.requireNonNull(to);
        updated = now;
    }

    public Immutability immutability() {
        return immutability;
    }

    /**
     * Refuses, while the vault is immutable, to delete backup data before its retention ends
     * ({@code UserErrorVaultImmutable}): {@code what} says what was asked.
     */
    public void requireDeletable(String what, String target) {
        if (immutability.inForce()) {
            throw new StrongroomException(ErrorCode.UserErrorVaultImmutable, "Vault '" + name + "' is immutable ("
                    + immutability + "): " + what + " is refused; backup data goes only when its retention ends", target);
        }
    }

    /**
     * Refuses, while the vault is immutable, a retention shorter than before ({@code null}: kept for ever);
     * answers whether the change shortens it.
     */
    public boolean requireRetentionChange(Integer from, Integer to) {
        boolean shorter = to != null && (from == null || to < from);
        if (shorter) {
            requireDeletable("shortening retention from " + (from == null ? "for ever" : from + " days") + " to " + to
                    + " days", "policy.retentionDays");
        }
        return shorter;
    }

    /**
     * Applies a {@code PUT} to an existing vault. The same values are accepted (PUT is idempotent); a
     * different region is refused (a vault cannot change region), as is a different resource group or
     * subscription (that is a move).
     */
    public void update(String region, String subscriptionId, String resourceGroup, Instant now) {
        if (!this.region.equals(region)) {
            throw StrongroomException.conflict("Vault '" + name + "' is in region '" + this.region
                    + "'; a vault cannot change region", "region");
        }
        if (!this.subscriptionId.equals(subscriptionId) || !this.resourceGroup.equals(resourceGroup)) {
            String field = this.subscriptionId.equals(subscriptionId) ? "resourceGroup" : "subscriptionId";
            throw StrongroomException.conflict("Vault '" + name + "' is in subscription '" + this.subscriptionId
                    + "', resource group '" + this.resourceGroup + "'; use POST /api/vaults/" + name
                    + "/move to move it", field);
        }
        this.updated = now;
    }

    // --- identity (SPEC 4, 18) ---

    /**
     * Gives the vault a system-assigned identity. An enabled, valid identity is kept as it is; an absent
     * one, or one invalidated by a tenant move, is replaced by a new principal in the vault's tenant.
     *
     * @return whether a new identity was created
     */
    public boolean enableIdentity(UUID newPrincipalId, Instant now) {
        if (identity.isEnabled() && identityValid()) {
            return false;
        }
        identity = ManagedIdentity.systemAssigned(newPrincipalId.toString(), tenantId);
        updated = now;
        return true;
    }

    /** Removes the identity; refused while customer-managed keys are in use, as they need it (SPEC 4). */
    public void disableIdentity(Instant now) {
        if (usesCustomerManagedKey()) {
            throw new StrongroomException(ErrorCode.UserErrorIdentityInUse, "Vault '" + name
                    + "' uses a customer-managed key: its identity cannot be disabled", "identity");
        }
        identity = ManagedIdentity.none();
        updated = now;
    }

    /** Whether the identity belongs to the vault's tenant (false after a tenant move until re-created). */
    public boolean identityValid() {
        return identity.isEnabled() && tenantId.equals(identity.tenantId());
    }

    /** The identity's principal id, for acting on the key vault; refuses when there is no usable identity. */
    public String requireUsableIdentity() {
        if (!identity.isEnabled()) {
            throw new StrongroomException(ErrorCode.UserErrorManagedIdentityNotEnabled, "Vault '" + name
                    + "' has no system-assigned identity: enable it (PUT /api/vaults/" + name + "/identity) first",
                    "identity");
        }
        if (!identityValid()) {
            throw new StrongroomException(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, "Vault '" + name
                    + "' moved to tenant '" + tenantId + "': its identity is no longer valid; re-create it and"
                    + " assign the key again", "identity");
        }
        return identity.principalId();
    }

    /**
     * The identity that may use the key in force: the usable identity the key was assigned for. After a
     * tenant move the identity is re-created, and the key must be assigned again — checked for the new
     * identity — before backups and restores use it (SPEC 18).
     */
    public String requireIdentityOfTheKey() {
        String principal = requireUsableIdentity();
        if (keyPrincipalId != null && !keyPrincipalId.equals(principal)) {
            throw new StrongroomException(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, "Vault '" + name
                    + "' has a new identity since its tenant move: assign the key again so that it is checked for the new"
                    + " identity", "identity");
        }
        return principal;
    }

    /** Whether the key in force was assigned for {@code principalId}. */
    public boolean keyAssignedFor(String principalId) {
        return principalId.equals(keyPrincipalId);
    }

    // --- encryption (SPEC 1, 2, 10-13) ---

    /**
     * Checks that a key assignment may start now, and says which job it is: {@code true} for the first
     * configuration ({@code ConfigureEncryption}), {@code false} for a change of key.
     */
    public boolean checkKeyUpdateAllowed(InfrastructureEncryption requested) {
        requireUsableIdentity();
        if (pendingKeyUpdate != null) {
            throw StrongroomException.conflict("Vault '" + name + "' is already updating its key (job "
                    + pendingKeyUpdate.jobId() + "); wait for it to end", "encryption");
        }
        if (!usesCustomerManagedKey()) {
            requireNoItemEver();
            return true;
        }
        if (requested != null && requested != infrastructureEncryption) {
            throw StrongroomException.conflict("Infrastructure encryption was chosen (" + infrastructureEncryption
                    + ") when the customer-managed key was first configured and cannot change", "infrastructureEncryption");
        }
        return false;
    }

    /**
     * Records the key assignment that job {@code jobId} carries out. Without a subscription (automatic
     * rotation) the key vault subscription in force is kept.
     */
    public void keyUpdateRequested(UUID jobId, String keyUri, String keyVaultSubscriptionId,
                                   InfrastructureEncryption requested, Instant now) {
        checkKeyUpdateAllowed(requested);
        String subscription = keyVaultSubscriptionId != null ? keyVaultSubscriptionId : this.keyVaultSubscriptionId;
        pendingKeyUpdate = new KeyUpdateRequest(jobId, keyUri, subscription, requested);
        lastUpdateStatus = KeyUpdateStatus.InProgress;
        updated = now;
    }

    /**
     * Puts the new key in force: the data key, now wrapped by {@code activeKeyId}, and the settings, in
     * one change. The first configuration also fixes infrastructure encryption. The update stays pending
     * until its job has ended ({@link #keyUpdateEnded}): one key update at a time means one job at a time.
     */
    public void completeKeyUpdate(UUID jobId, String assignedKeyUri, String activeKeyId, boolean autoRotation,
                                  byte[] newlyWrappedDataKey, Instant now) {
        KeyUpdateRequest request = requirePending(jobId);
        if (!usesCustomerManagedKey()) {
            requireNoItemEver();
            infrastructureEncryption = request.infrastructureEncryption() == null
                    ? InfrastructureEncryption.Disabled : request.infrastructureEncryption();
        }
        encryptionType = EncryptionAtRestType.CustomerManaged;
        keyUri = assignedKeyUri;
        this.activeKeyId = activeKeyId;
        this.autoRotation = autoRotation;
        keyVaultSubscriptionId = request.keyVaultSubscriptionId();
        keyPrincipalId = requireUsableIdentity();
        wrappedDataKey = newlyWrappedDataKey;
        dataKeyWrappedBy = activeKeyId;
        updated = now;
    }

    /**
     * Ends the key update of job {@code jobId}, as its job ends (in the same transaction): from now on
     * another may start. A failed update leaves the key that was in force (SPEC 11).
     *
     * @return whether that job was this vault's pending key update
     */
    public boolean keyUpdateEnded(UUID jobId, boolean completed, Instant now) {
        if (pendingKeyUpdate == null || !pendingKeyUpdate.jobId().equals(jobId)) {
            return false;
        }
        pendingKeyUpdate = null;
        lastUpdateStatus = completed ? KeyUpdateStatus.Succeeded : KeyUpdateStatus.Failed;
        updated = now;
        return true;
    }

    /** A request to go back to platform-managed keys: accepted (no change) only while none is in use (SPEC 2). */
    public void requirePlatformManagedRevertAllowed() {
        if (usesCustomerManagedKey()) {
            throw new StrongroomException(ErrorCode.UserErrorCmkCannotBeReverted, "Vault '" + name
                    + "' uses a customer-managed key and cannot go back to platform-managed keys; the key itself"
                    + " can be changed at any time", "encryptionAtRestType");
        }
    }

    public boolean usesCustomerManagedKey() {
        return encryptionType == EncryptionAtRestType.CustomerManaged;
    }

    /** Whether the vault follows {@code versionlessKeyUri} for automatic rotation. */
    public boolean follows(String versionlessKeyUri) {
        return usesCustomerManagedKey() && autoRotation && versionlessKeyUri.equals(keyUri);
    }

    private KeyUpdateRequest requirePending(UUID jobId) {
        if (pendingKeyUpdate == null || !pendingKeyUpdate.jobId().equals(jobId)) {
            throw new IllegalStateException("Vault " + name + " has no pending key update for job " + jobId);
        }
        return pendingKeyUpdate;
    }

    private void requireNoItemEver() {
        if (hadItem) {
            throw new StrongroomException(ErrorCode.UserErrorVaultHasProtectedItems, "Vault '" + name
                    + "' has or had protected items (or a registration attempt): customer-managed keys can only be"
                    + " enabled on a vault that never had one", "encryption");
        }
    }

    // --- protected items (SPEC 1, 19) ---

    /** Notes that an item was registered or a registration attempted: from now on, no first key assignment. */
    public void itemRegistrationAttempted(Instant now) {
        hadItem = true;
        updated = now;
    }

    /** Refuses workloads that key-protected vaults cannot hold (SPEC 19). */
    public void requireWorkloadAllowed(String workloadType, boolean needsPassphraseOrClassic) {
        boolean cmkNow = usesCustomerManagedKey() || pendingKeyUpdate != null;
        if (cmkNow && needsPassphraseOrClassic) {
            throw new StrongroomException(ErrorCode.UserErrorWorkloadNotSupportedWithCmk, "Workload '" + workloadType
                    + "' (passphrase-based agent or classic) cannot be protected in vault '" + name
                    + "', which uses a customer-managed key", "workloadType");
        }
    }

    // --- moves (SPEC 18) ---

    /** Moves the vault; refused across resource groups or subscriptions while a key is in use. */
    public void move(String newResourceGroup, String newSubscriptionId, String newTenantId, Instant now) {
        boolean rgChange = newResourceGroup != null && !newResourceGroup.equals(resourceGroup);
        boolean subscriptionChange = newSubscriptionId != null && !newSubscriptionId.equals(subscriptionId);
        if ((rgChange || subscriptionChange) && usesCustomerManagedKey()) {
            throw new StrongroomException(ErrorCode.UserErrorCmkVaultMoveNotSupported, "Vault '" + name
                    + "' uses a customer-managed key and cannot move to another "
                    + (rgChange ? "resource group" : "subscription"), rgChange ? "resourceGroup" : "subscriptionId");
        }
        if (rgChange) {
            resourceGroup = newResourceGroup;
        }
        if (subscriptionChange) {
            subscriptionId = newSubscriptionId;
        }
        if (newTenantId != null) {
            tenantId = newTenantId;
        }
        updated = now;
    }

    // --- data key ---

    /** The data key as stored: wrapped by the platform key, or by the KEK {@link #dataKeyWrappedBy()}. */
    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    /** The versioned id of the KEK wrapping the data key; empty while the platform key does. */
    public Optional<String> dataKeyWrappedBy() {
        return Optional.ofNullable(dataKeyWrappedBy);
    }

    public VaultName name() {
        return new VaultName(name);
    }

    public String region() {
        return region;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public String tenantId() {
        return tenantId;
    }

    public ManagedIdentity identity() {
        return identity;
    }

    public EncryptionAtRestType encryptionType() {
        return encryptionType;
    }

    public String keyUri() {
        return keyUri;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public boolean autoRotation() {
        return autoRotation;
    }

    public String keyVaultSubscriptionId() {
        return keyVaultSubscriptionId;
    }

    public InfrastructureEncryption infrastructureEncryption() {
        return infrastructureEncryption;
    }

    public KeyUpdateStatus lastUpdateStatus() {
        return lastUpdateStatus;
    }

    public Optional<KeyUpdateRequest> pendingKeyUpdate() {
        return Optional.ofNullable(pendingKeyUpdate);
    }

    public boolean hadItem() {
        return hadItem;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
