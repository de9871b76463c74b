package org.strongroom.keyvault.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;

/**
 * A key vault: where customer keys live, in a region and subscription, with soft delete, purge
 * protection and access policies.
 *
 * <p>Rules: soft delete and purge protection can be turned on (at creation or later) but never off;
 * purge protection needs soft delete; the retention of deleted keys (7–90 days, default 90) is fixed
 * once set; the region never changes; the resource group and subscription change only by a move.
 */
@Entity
@Table(name = "key_vault")
public class KeyVault {

    /** Key vault names: 3 to 24 letters, digits or hyphens, starting with a letter. */
    public static final String NAME_PATTERN = KeyVaultUris.KEY_VAULT_NAME;
    /** Principal ids are UUIDs: users', vaults' and disk encryption sets' identities alike. */
    public static final Pattern PRINCIPAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    public static final int MIN_RETENTION_DAYS = 7;
    public static final int MAX_RETENTION_DAYS = 90;

    @Id
    @Column(length = 24)
    private String name;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "subscription_id", nullable = false, length = 64)
    private String subscriptionId;

    @Column(name = "resource_group", nullable = false, length = 90)
    private String resourceGroup;

    @Column(name = "soft_delete_enabled", nullable = false)
    private boolean softDeleteEnabled;

    @Column(name = "soft_delete_retention_days", nullable = false)
    private int softDeleteRetentionDays;

    @Column(name = "purge_protection_enabled", nullable = false)
    private boolean purgeProtectionEnabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "key_vault_access_policy", joinColumns = @JoinColumn(name = "key_vault"))
    private List<AccessPolicy> accessPolicies = new ArrayList<>();

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected KeyVault() {
        // for JPA
    }

    /** A new key vault; unset options take their defaults (soft delete on, 90 days, purge protection off). */
    public static KeyVault create(String name, String region, String subscriptionId, String resourceGroup,
                                  Boolean softDelete, Integer retentionDays, Boolean purgeProtection, Instant now) {
        if (name.equalsIgnoreCase(KeyVaultUris.AUTHORITY_LABEL)) {
            throw StrongroomException.badRequest("The key vault name '" + name + "' is reserved: " + KeyVaultUris.AUTHORITY_LABEL
                    + ".{key vault domain} is the host of the token authority", "name");
        }
        KeyVault vault = new KeyVault();
        vault.name = Objects.requireNonNull(name);
        vault.region = Objects.requireNonNull(region);
        vault.subscriptionId = Objects.requireNonNull(subscriptionId);
        vault.resourceGroup = Objects.requireNonNull(resourceGroup);
        vault.softDeleteEnabled = softDelete == null || softDelete;
        vault.softDeleteRetentionDays = retentionDays == null ? MAX_RETENTION_DAYS : requireRetention(retentionDays);
        vault.purgeProtectionEnabled = purgeProtection != null && purgeProtection;
        vault.requireSoftDeleteForPurgeProtection();
        vault.created = now;
        vault.updated = now;
        return vault;
    }

    /** A {@code PUT} on this key vault: same place, protection only turned on; unset values stay as they are. */
    public void update(String region, String subscriptionId, String resourceGroup, Boolean softDelete,
                       Integer retentionDays, Boolean purgeProtection, Instant now) {
        if (!this.region.equals(region)) {
            throw StrongroomException.conflict("Key vault '" + name + "' is in region '" + this.region
                    + "'; a key vault cannot change region", "region");
        }
        if (!this.subscriptionId.equals(subscriptionId) || !this.resourceGroup.equals(resourceGroup)) {
            throw StrongroomException.conflict("Key vault '" + name + "' belongs to subscription '" + this.subscriptionId
                    + "', resource group '" + this.resourceGroup + "'; it cannot be moved by an update",
                    this.subscriptionId.equals(subscriptionId) ? "resourceGroup" : "subscriptionId");
        }
        if (retentionDays != null && retentionDays != softDeleteRetentionDays) {
            requireRetention(retentionDays);
            throw StrongroomException.conflict("The retention of deleted keys is " + softDeleteRetentionDays
                    + " days and cannot be changed", "softDeleteRetentionDays");
        }
        changeProtection(softDelete, purgeProtection, now);
    }

    /** Turns soft delete and purge protection on; turning either off once on is refused (409). */
    public void changeProtection(Boolean softDelete, Boolean purgeProtection, Instant now) {
        if (Boolean.FALSE.equals(softDelete) && softDeleteEnabled) {
            throw StrongroomException.conflict("Soft delete cannot be turned off once it is on", "softDeleteEnabled");
        }
        if (Boolean.FALSE.equals(purgeProtection) && purgeProtectionEnabled) {
            throw StrongroomException.conflict("Purge protection cannot be turned off once it is on",
                    "purgeProtectionEnabled");
        }
        if (Boolean.TRUE.equals(softDelete)) {
            softDeleteEnabled = true;
        }
        if (Boolean.TRUE.equals(purgeProtection)) {
            purgeProtectionEnabled = true;
        }
        requireSoftDeleteForPurgeProtection();
        updated = now;
    }

    /** Grants {@code principalId} exactly {@code permissions} (replacing an earlier policy of the same principal). */
    public void setAccessPolicy(String principalId, Set<KeyPermission> permissions, Instant now) {
        if (principalId == null || !PRINCIPAL.matcher(principalId).matches()) {
            throw StrongroomException.badRequest("A principal id is a UUID: a user's is in GET /api/me (or "
                    + "/api/users/{name}), a vault's or disk encryption set's in its identity", "principalId");
        }
        accessPolicies.removeIf(policy -> policy.principalId().equals(principalId));
        accessPolicies.add(new AccessPolicy(principalId, permissions));
        updated = now;
    }

    public void removeAccessPolicy(String principalId, Instant now) {
        if (!accessPolicies.removeIf(policy -> policy.principalId().equals(principalId))) {
            throw StrongroomException.notFound("Key vault '" + name + "' has no access policy for '" + principalId + "'",
                    ResourcePath.keyVault(name).child("accessPolicies", principalId).toString());
        }
        updated = now;
    }

    public Set<KeyPermission> permissionsOf(String principalId) {
        return accessPolicies.stream()
                .filter(policy -> policy.principalId().equals(principalId))
                .findFirst()
                .map(AccessPolicy::permissions)
                .orElse(EnumSet.noneOf(KeyPermission.class));
    }

    /** How deleted keys can come back, as key vaults say it in key attributes. */
    public String recoveryLevel() {
        if (!softDeleteEnabled) {
            return "Purgeable";
        }
        String level = softDeleteRetentionDays < MAX_RETENTION_DAYS ? "CustomizedRecoverable" : "Recoverable";
        return purgeProtectionEnabled ? level : level + "+Purgeable";
    }

    private static int requireRetention(int days) {
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw StrongroomException.badRequest("softDeleteRetentionDays must be from " + MIN_RETENTION_DAYS
                    + " to " + MAX_RETENTION_DAYS, "softDeleteRetentionDays");
        }
        return days;
    }

    private void requireSoftDeleteForPurgeProtection() {
        if (purgeProtectionEnabled && !softDeleteEnabled) {
            throw StrongroomException.badRequest("Purge protection needs soft delete", "purgeProtectionEnabled");
        }
    }

    public String name() {
        return name;
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

    public boolean softDeleteEnabled() {
        return softDeleteEnabled;
    }

    public int softDeleteRetentionDays() {
        return softDeleteRetentionDays;
    }

    public boolean purgeProtectionEnabled() {
        return purgeProtectionEnabled;
    }

    public List<AccessPolicy> accessPolicies() {
        return List.copyOf(accessPolicies);
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
