package org.strongroom.diskencryption.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.diskencryption.domain.DiskEncryptionSet;
import org.strongroom.diskencryption.domain.DiskEncryptionSetRepository;
import org.strongroom.diskencryption.domain.DiskEncryptionSetUsers;
import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.keyvault.ManagedIdentityKeys;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * Creates and reads disk encryption sets, and wraps a restored disk's fresh key with a set's key,
 * acting as the set's identity (so a disabled key or a missing permission fails with the seed's codes).
 */
@ApplicationScoped
public class DiskEncryptionSets {

    @Inject
    DiskEncryptionSetRepository sets;

    @Inject
    ManagedIdentityKeys keys;

    @Inject
    ActivityLog activity;

    @Inject
    Settings settings;

    @Inject
    DiskEncryptionSetUsers users;

    /** Whether {@link #put} created the set or changed its key. */
    public record PutResult(DiskEncryptionSet set, boolean created) {
    }

    /**
     * Creates the set with a new identity, or points an existing one at another key. The key must be a
     * key of a key vault in the set's region with soft delete and purge protection (as for vaults); the
     * identity's permissions are checked when the set is used, since they can only be granted after it exists.
     */
    @Transactional
    public PutResult put(Caller caller, String name, String region, String keyUri) {
        if (keyUri == null || keyUri.isBlank()) {
            throw StrongroomException.badRequest("keyUri is required", "keyUri");
        }
        requirements().checkPlacement(keys.keyVaultOf(keyUri), "disk encryption set '" + name + "'", region);
        return activity.record(caller, "PutDiskEncryptionSet", ResourcePath.diskEncryptionSet(name), () -> {
            var existing = sets.find(name);
            if (existing.isPresent()) {
                existing.get().changeKey(region, keyUri, Timestamps.now());
                return new PutResult(existing.get(), false);
            }
            DiskEncryptionSet created = new DiskEncryptionSet(name, region, keyUri, settings.tenantId(), Timestamps.now());
            sets.add(created);
            return new PutResult(created, true);
        }, result -> "key " + keyUri + ", principal " + result.set().principalId());
    }

    /**
     * Deletes a set that nothing uses ({@code UserErrorDiskEncryptionSetInUse} otherwise, naming the users).
     * Disks it sealed stay readable: their header names the key version that wrapped their key, which
     * stays in its key vault; the access policies that granted the set's identity stay there too.
     */
    @Transactional
    public void delete(Caller caller, String name) {
        activity.record(caller, "DeleteDiskEncryptionSet", ResourcePath.diskEncryptionSet(name), () -> {
            DiskEncryptionSet set = get(name);
            List<String> users = this.users.of(name);
            if (!users.isEmpty()) {
                throw new StrongroomException(ErrorCode.UserErrorDiskEncryptionSetInUse, "Disk encryption set '" + name
                        + "' is used by " + String.join(", ", users) + ": a set is deleted only while nothing uses it",
                        ResourcePath.diskEncryptionSet(name).toString());
            }
            sets.remove(set);
            return set;
        }, set -> "key " + set.keyUri());
    }

    @Transactional
    public DiskEncryptionSet get(String name) {
        return sets.find(name).orElseThrow(() -> StrongroomException.notFound("No disk encryption set named '" + name + "'",
                ResourcePath.diskEncryptionSet(name).toString()));
    }

    @Transactional
    public List<DiskEncryptionSet> list() {
        return sets.all();
    }

    /** A disk key wrapped by a set's key: the key version used and the wrapped bytes. */
    public record WrappedKey(String kid, byte[] wrapped) {
    }

    /**
     * Wraps {@code diskKey} with the set's key (its newest version for a versionless URI), as the set's identity,
     * once the key passes SPEC 8 ({@link KeyRequirements#checkKey}): the same policy as a vault's key.
     */
    public WrappedKey wrap(String name, KeyMaterial diskKey) {
        DiskEncryptionSet set = get(name);
        Caller identity = Caller.identity(set.principalId());
        ResolvedKey key = keys.resolve(set.keyUri(), identity);
        requirements().checkKey(key, Timestamps.now());
        return new WrappedKey(key.kid(), keys.wrap(key.kid(), diskKey.bytes(), identity));
    }

    /**
     * Unwraps a disk key that a set's key version {@code kid} wrapped, as the identity of a set whose key it is
     * (so the sets' permissions decide, as when one wrapped it): each such set in turn, until one may; 404 when
     * no set has that key any more.
     */
    public KeyMaterial unwrap(String kid, byte[] wrapped) {
        List<DiskEncryptionSet> holding = sets.all().stream().filter(set -> sealsWith(set.keyUri(), kid)).toList();
        if (holding.isEmpty()) {
            throw StrongroomException.notFound("No disk encryption set uses the key " + kid + " that seals this disk",
                    "diskEncryptionSetId");
        }
        StrongroomException refused = null;
        for (DiskEncryptionSet set : holding) {
            try {
                return keys.unwrap(kid, wrapped, Caller.identity(set.principalId()));
            } catch (StrongroomException e) {
                refused = e;
            }
        }
        throw refused;
    }

    /** Whether a set's key URI (pinned to a version, or following the key) names the key version {@code kid}. */
    static boolean sealsWith(String keyUri, String kid) {
        String uri = keyUri.replaceAll("/+$", "");
        return kid.equalsIgnoreCase(uri) || kid.toLowerCase(java.util.Locale.ROOT).startsWith(uri.toLowerCase(java.util.Locale.ROOT) + "/");
    }

    private KeyRequirements requirements() {
        return new KeyRequirements(settings.largeRsaKeysAllowed());
    }
}
