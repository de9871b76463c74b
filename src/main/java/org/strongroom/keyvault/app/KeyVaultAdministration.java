package org.strongroom.keyvault.app;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.keyvault.AccessPolicyGuards;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyRepository;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVaultRepository;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/** The management plane: key vaults, their protection settings and access policies. */
@ApplicationScoped
public class KeyVaultAdministration {

    @Inject
    Instance<AccessPolicyGuards> policyGuards;

    @Inject
    KeyVaultRepository keyVaults;

    @Inject
    ActivityLog activity;

    @Inject
    KeyVaultAccess access;

    @Inject
    KeyRepository keys;

    /** A {@code PUT}'s outcome: the key vault, and whether it was created by it. */
    public record PutResult(KeyVault keyVault, boolean created) {
    }

    /** What a {@code PUT} or {@code PATCH} sets; {@code null} means "not given". */
    public record Settings(String region, String subscriptionId, String resourceGroup, Boolean softDeleteEnabled,
                           Integer softDeleteRetentionDays, Boolean purgeProtectionEnabled) {
    }

    @Transactional
    public PutResult put(Caller caller, String name, Settings settings) {
        Optional<KeyVault> existing = keyVaults.find(name);
        String operation = existing.isPresent() ? "UpdateKeyVault" : "CreateKeyVault";
        return activity.record(caller, operation, resource(name), () -> {
            if (existing.isPresent()) {
                existing.get().update(settings.region(), settings.subscriptionId(), settings.resourceGroup(),
                        settings.softDeleteEnabled(), settings.softDeleteRetentionDays(),
                        settings.purgeProtectionEnabled(), Timestamps.now());
                return new PutResult(existing.get(), false);
            }
            KeyVault created = KeyVault.create(name, settings.region(), settings.subscriptionId(),
                    settings.resourceGroup(), settings.softDeleteEnabled(), settings.softDeleteRetentionDays(),
                    settings.purgeProtectionEnabled(), Timestamps.now());
            access.principalOf(caller).ifPresent(creator ->
                    created.setAccessPolicy(creator, KeyPermission.KEY_MANAGEMENT, Timestamps.now()));
            keyVaults.add(created);
            return new PutResult(created, true);
        }, result -> protection(result.keyVault()) + (result.created() ? creatorPolicy(result.keyVault(), caller) : ""));
    }

    @Transactional
    public KeyVault changeProtection(Caller caller, String name, Boolean softDelete, Boolean purgeProtection) {
        return activity.record(caller, "UpdateKeyVault", resource(name), () -> {
            KeyVault keyVault = get(name);
            keyVault.changeProtection(softDelete, purgeProtection, Timestamps.now());
            return keyVault;
        }, KeyVaultAdministration::protection);
    }

    @Transactional
    public KeyVault setAccessPolicy(Caller caller, String name, String principalId, Set<KeyPermission> permissions) {
        return activity.record(caller, "SetAccessPolicy", resource(name).child("accessPolicies", principalId), () -> {
            KeyVault keyVault = get(name);
            policyGuards.forEach(g -> g.beforeChange(caller, name, principalId, permissions));
            keyVault.setAccessPolicy(principalId, permissions, Timestamps.now());
            return keyVault;
        }, keyVault -> "keys: " + keyVault.permissionsOf(principalId).stream().map(KeyPermission::wireName).sorted().toList());
    }

    @Transactional
    public void removeAccessPolicy(Caller caller, String name, String principalId) {
        activity.record(caller, "RemoveAccessPolicy", resource(name).child("accessPolicies", principalId), () -> {
            KeyVault keyVault = get(name);
            policyGuards.forEach(g -> g.beforeChange(caller, name, principalId, Set.of()));
            keyVault.removeAccessPolicy(principalId, Timestamps.now());
            return null;
        }, none -> null);
    }

    /**
     * Deletes a key vault that holds no keys, deleted ones included ({@code UserErrorKeyVaultNotEmpty}
     * otherwise): a key is deleted, and purged, by the key rules first — soft delete and purge protection
     * apply — so that deleting a key vault never destroys a key that a vault or a sealed disk may need.
     */
    @Transactional
    public void delete(Caller caller, String name) {
        activity.record(caller, "DeleteKeyVault", resource(name), () -> {
            KeyVault keyVault = get(name);
            int held = keys.list(keyVault.name(), false).size();
            int deleted = keys.list(keyVault.name(), true).size();
            if (held + deleted > 0) {
                throw new StrongroomException(ErrorCode.UserErrorKeyVaultNotEmpty, "Key vault '" + keyVault.name() + "' holds "
                        + held + " key(s) and " + deleted + " deleted key(s) not yet purged: a key vault is deleted only once "
                        + "it holds none", resource(name).toString());
            }
            keyVaults.remove(keyVault);
            return keyVault;
        }, keyVault -> keyVault.region() + ", " + keyVault.accessPolicies().size() + " access polic(ies) removed with it");
    }

    @Transactional
    public KeyVault get(String name) {
        return keyVaults.find(name).orElseThrow(() -> noSuchKeyVault(name));
    }

    /**
     * A key vault's name as it was created, for {@code name} in any case (key vault names are host names too,
     * which know no case); {@code name} itself when there is no such key vault.
     */
    @Transactional
    public String canonicalName(String name) {
        return keyVaults.find(name).map(KeyVault::name).orElse(name);
    }

    @Transactional
    public List<KeyVault> list() {
        return keyVaults.all().stream().sorted(Comparator.comparing(KeyVault::name)).toList();
    }

    static StrongroomException noSuchKeyVault(String name) {
        return StrongroomException.notFound("No key vault named '" + name + "'", ResourcePath.keyVault(name).toString());
    }

    static ResourcePath resource(String keyVault) {
        return ResourcePath.keyVault(keyVault);
    }

    /** The creator's own policy, as the activity log tells it: key management, not wrap and unwrap. */
    private String creatorPolicy(KeyVault keyVault, Caller caller) {
        return access.principalOf(caller).map(creator -> "; creator " + caller.name() + " (principal " + creator
                + ") gets keys: " + keyVault.permissionsOf(creator).stream().map(KeyPermission::wireName).sorted().toList())
                .orElse("");
    }

    private static String protection(KeyVault keyVault) {
        return "softDelete=" + keyVault.softDeleteEnabled() + " (" + keyVault.softDeleteRetentionDays()
                + " days), purgeProtection=" + keyVault.purgeProtectionEnabled();
    }
}
