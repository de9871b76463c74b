package org.strongroom.keyvault.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyRepository;
import org.strongroom.keyvault.domain.KeyRotationPolicy;
import org.strongroom.keyvault.domain.KeyVaultKey;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Timestamps;

/**
 * Keys' rotation policies (Azure Key Vault's Get/Update Key Rotation Policy), and what carries them out: for
 * each key, {@link #carryOut(UUID, Instant)} rotates it when its Rotate action is due — vaults following the key
 * then rewrap to the new version — and records the near-expiry notice when its Notify action is due, once per
 * version. {@link KeyRotationScheduler} goes through the keys every hour.
 */
@ApplicationScoped
public class KeyRotationPolicies {

    @Inject
    KeyRepository keys;

    @Inject
    KeyVaultAccess access;

    @Inject
    KeyOperations operations;

    @Inject
    ActivityLog activity;

    /** A key and its policy, as answers show them. */
    public record PolicyView(KeyVaultKey key, KeyRotationPolicy policy) {
    }

    @Transactional
    public PolicyView get(Caller caller, String keyVaultName, String name) {
        return activity.recordUse(caller, "GetKeyRotationPolicy", ResourcePath.key(keyVaultName, name), () -> {
            KeyVaultKey key = key(caller, keyVaultName, name, KeyPermission.GET_ROTATION_POLICY);
            return new PolicyView(key, key.rotationPolicy());
        }, view -> view.policy().toJson());
    }

    @Transactional
    public PolicyView set(Caller caller, String keyVaultName, String name, KeyRotationPolicy policy) {
        return activity.record(caller, "SetKeyRotationPolicy", ResourcePath.key(keyVaultName, name), () -> {
            KeyVaultKey key = key(caller, keyVaultName, name, KeyPermission.SET_ROTATION_POLICY);
            key.setRotationPolicy(policy, Timestamps.now());
            return new PolicyView(key, policy);
        }, view -> view.policy().toJson());
    }

    /** The keys whose policies {@link #carryOut(UUID, Instant)} goes through: all that are not deleted. */
    @Transactional
    public List<UUID> keysToCheck() {
        return keys.activeIds();
    }

    /** One key's due actions, in a transaction of its own that holds the key's lock; true when it was rotated. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean carryOut(UUID id, Instant now) {
        KeyVaultKey key = keys.findForUpdate(id).orElse(null);
        if (key == null || key.isDeleted()) {
            return false;
        }
        boolean rotate = key.rotationDue(now);
        if (rotate) {
            operations.rotateByPolicy(key);
        }
        if (key.takeNearExpiryNotice(now)) {
            String expires = String.valueOf(key.current().expires());
            activity.record(Caller.SYSTEM, "KeyNearExpiry", ResourcePath.key(key.keyVault(), key.name()), () -> key,
                    k -> "version " + k.current().versionId() + " expires " + expires);
        }
        return rotate;
    }

    private KeyVaultKey key(Caller caller, String keyVaultName, String name, KeyPermission permission) {
        access.require(caller, operations.keyVault(keyVaultName), permission);
        return operations.activeKey(keyVaultName, name);
    }
}
