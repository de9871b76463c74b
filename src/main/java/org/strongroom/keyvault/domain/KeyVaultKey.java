package org.strongroom.keyvault.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.StrongroomException;

/**
 * A named key in a key vault, with its versions; the newest version is the key's current one.
 *
 * <p>A deleted key of a vault with soft delete keeps all its versions until its scheduled purge date:
 * it can be recovered, its name cannot be reused meanwhile, and it is not usable.
 */
@Entity
@Table(name = "vault_key")
public class KeyVaultKey {

    /** Key names: 1 to 127 letters, digits or hyphens. */
    public static final String NAME_PATTERN = "[0-9a-zA-Z-]{1,127}";

    @Id
    private UUID id;

    @Column(name = "key_vault", nullable = false, length = 24)
    private String keyVault;

    @Column(nullable = false, length = 127)
    private String name;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "scheduled_purge_at")
    private Instant scheduledPurgeAt;

    /** The key's own rotation policy, as {@link KeyRotationPolicy#toJson()}; none: {@link KeyRotationPolicy#DEFAULT}. */
    @Column(name = "rotation_policy", length = 2000)
    private String rotationPolicy;

    @Column(name = "rotation_policy_created")
    private Instant rotationPolicyCreated;

    @Column(name = "rotation_policy_updated")
    private Instant rotationPolicyUpdated;

    /** The version whose near-expiry notice was given, so that it is given once. */
    @Column(name = "near_expiry_notified", length = 32)
    private String nearExpiryNotified;

    @OneToMany(mappedBy = "key", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("sequence ASC")
    private List<KeyVersion> versions = new ArrayList<>();

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected KeyVaultKey() {
        // for JPA
    }

    public KeyVaultKey(String keyVault, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.keyVault = Objects.requireNonNull(keyVault);
        this.name = Objects.requireNonNull(name);
        this.created = now;
    }

    /** Adds a version holding the given key; it becomes the key's current version. */
    public KeyVersion addVersion(String versionId, BigInteger modulus, BigInteger publicExponent, byte[] sealedPrivateKey,
                                 Set<String> keyOps, KeyAttributes attributes, Instant now) {
        requireNotDeleted();
        KeyVersion version = new KeyVersion(this, versionId, versions.size() + 1, modulus, publicExponent,
                sealedPrivateKey, keyOps, attributes, now);
        versions.add(version);
        return version;
    }

    /** The newest version. */
    public KeyVersion current() {
        return versions.get(versions.size() - 1);
    }

    public Optional<KeyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** Soft-deletes the key for {@code retention}; it is purged at the end of it. */
    public void softDelete(Instant now, Duration retention) {
        requireNotDeleted();
        deletedAt = now;
        scheduledPurgeAt = now.plus(retention);
    }

    /** Brings a soft-deleted key back, with all its versions. */
    public void recover() {
        if (!isDeleted()) {
            throw StrongroomException.conflict("Key '" + name + "' is not deleted", "deletedkeys/" + name);
        }
        deletedAt = null;
        scheduledPurgeAt = null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The key's rotation policy: its own, or {@link KeyRotationPolicy#DEFAULT}. */
    public KeyRotationPolicy rotationPolicy() {
        return rotationPolicy == null ? KeyRotationPolicy.DEFAULT : KeyRotationPolicy.fromJson(rotationPolicy);
    }

    /** When the key's own policy was first set and last changed; empty for the default. */
    public Optional<Instant> rotationPolicyCreated() {
        return Optional.ofNullable(rotationPolicyCreated);
    }

    public Optional<Instant> rotationPolicyUpdated() {
        return Optional.ofNullable(rotationPolicyUpdated);
    }

    public void setRotationPolicy(KeyRotationPolicy policy, Instant now) {
        requireNotDeleted();
        rotationPolicy = policy.toJson();
        if (rotationPolicyCreated == null) {
            rotationPolicyCreated = now;
        }
        rotationPolicyUpdated = now;
    }

    /** Whether the policy's Rotate action is due for the current version at {@code now}. */
    public boolean rotationDue(Instant now) {
        return !isDeleted() && rotationPolicy().due(KeyRotationPolicy.Action.ROTATE, current(), now);
    }

    /**
     * Whether the policy's Notify action is due for the current version at {@code now} and was not yet given
     * for it; marks it given.
     */
    public boolean takeNearExpiryNotice(Instant now) {
        KeyVersion current = current();
        if (isDeleted() || current.versionId().equals(nearExpiryNotified)
                || !rotationPolicy().due(KeyRotationPolicy.Action.NOTIFY, current, now)) {
            return false;
        }
        nearExpiryNotified = current.versionId();
        return true;
    }

    private void requireNotDeleted() {
        if (isDeleted()) {
            throw StrongroomException.conflict("Key '" + name + "' is deleted and kept until " + scheduledPurgeAt
                    + "; recover or purge it before using its name", "keys/" + name);
        }
    }

    public UUID id() {
        return id;
    }

    public String keyVault() {
        return keyVault;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public Optional<Instant> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public Optional<Instant> scheduledPurgeAt() {
        return Optional.ofNullable(scheduledPurgeAt);
    }

    public List<KeyVersion> versions() {
        return List.copyOf(versions);
    }
}
