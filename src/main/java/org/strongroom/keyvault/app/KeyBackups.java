package org.strongroom.keyvault.app;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.keyvault.app.KeyOperations.KeyView;
import org.strongroom.keyvault.domain.KeyBackup;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyRepository;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVaultKey;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * Backup and restore of a key (Azure Key Vault's Backup Key and Restore Key): the backup is the key with all
 * its versions ({@link KeyBackup}) sealed by the platform key — an opaque blob that only a Strongroom with the
 * same platform key can open, as Azure restores only within its geography. A restore brings the key back, with
 * its version ids, into any key vault of this server that has no key of that name, deleted or not.
 */
@ApplicationScoped
public class KeyBackups {

    /** What the platform key seals a backup for. */
    static final String SEALING_CONTEXT = "keyvault/key-backup";

    @Inject
    KeyOperations operations;

    @Inject
    KeyRepository keys;

    @Inject
    KeyVaultAccess access;

    @Inject
    PlatformKey platformKey;

    @Inject
    ActivityLog activity;

    /** The backup of a key that is not deleted. */
    @Transactional
    public byte[] backup(Caller caller, String keyVaultName, String name) {
        return activity.recordUse(caller, "BackupKey", ResourcePath.key(keyVaultName, name), () -> {
            access.require(caller, operations.keyVault(keyVaultName), KeyPermission.BACKUP);
            KeyVaultKey key = operations.activeKey(keyVaultName, name);
            KeyBackup backup = new KeyBackup(key.name(), key.versions().stream().map(this::opened).toList());
            byte[] encoded = backup.encode();
            try {
                return platformKey.seal(encoded, SEALING_CONTEXT);
            } finally {
                Arrays.fill(encoded, (byte) 0);
                backup.wipe();
            }
        }, sealed -> sealed.length + " bytes, sealed by the platform key");
    }

    /**
     * Restores a backup into key vault {@code keyVaultName}.
     *
     * @throws StrongroomException 400 for a blob that is not a backup of this Strongroom, 409 when the key vault
     *                             has a key of that name (deleted or not)
     */
    @Transactional
    public KeyView restore(Caller caller, String keyVaultName, byte[] sealed) {
        return activity.record(caller, "RestoreKey", ResourcePath.keyVault(keyVaultName).child("keys"), () -> {
            KeyVault keyVault = operations.keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.RESTORE);
            KeyBackup backup = open(sealed);
            try {
                String into = keyVault.name();
                if (keys.find(into, backup.name()).isPresent()) {
                    throw StrongroomException.conflict("Key vault '" + into + "' has a key named '" + backup.name()
                            + "' (deleted or not): a backup restores only under a free name", ResourcePath.key(into, backup.name()).toString());
                }
                KeyVaultKey key = new KeyVaultKey(into, backup.name(), Timestamps.now());
                keys.add(key);
                for (KeyBackup.Version v : backup.versions()) {
                    byte[] resealed = platformKey.seal(v.privateKeyPkcs8(), KeyVersion.sealingContext(into, backup.name(), v.versionId()));
                    key.addVersion(v.versionId(), v.modulus(), v.publicExponent(), resealed, v.keyOps(), v.attributes(), Timestamps.now());
                }
                return new KeyView(keyVault, key, key.current());
            } finally {
                backup.wipe();
            }
        }, view -> "key '" + view.key().name() + "', " + view.key().versions().size() + " version(s)");
    }

    private KeyBackup.Version opened(KeyVersion version) {
        try (KeyMaterial key = platformKey.open(version.sealedPrivateKey(), version.sealingContext())) {
            return new KeyBackup.Version(version.versionId(), version.modulus(), version.publicExponent(), key.bytes().clone(),
                    version.operations(), version.enabled(), version.notBefore(), version.expires(), version.tags());
        }
    }

    private KeyBackup open(byte[] sealed) {
        try (KeyMaterial encoded = platformKey.open(sealed, SEALING_CONTEXT)) {
            return KeyBackup.decode(encoded.bytes());
        } catch (IntegrityException | IllegalArgumentException e) {
            throw StrongroomException.badRequest("The value is not a key backup of this Strongroom: made with another platform key, "
                    + "altered, or not a backup at all", "value");
        }
    }
}
