package org.strongroom.keyvault.app;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.EncryptionAlgorithm;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.PrivateKeys;
import org.strongroom.crypto.Rsa;
import org.strongroom.crypto.RsaKeyPair;
import org.strongroom.crypto.RsaSignatures;
import org.strongroom.crypto.SignatureAlgorithm;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.keyvault.KeyVersionAvailable;
import org.strongroom.keyvault.domain.KeyAttributes;
import org.strongroom.keyvault.domain.KeyId;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyRepository;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVaultKey;
import org.strongroom.keyvault.domain.KeyVaultRepository;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.Caller;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * The data plane of the built-in key vault: keys and their versions, soft delete, and wrap/unwrap.
 *
 * <p>Every call checks the caller's access ({@link KeyVaultAccess}); every change is written to the
 * activity log, refusals included. Private keys are only ever handled sealed, or inside this class for
 * the duration of one unwrap.
 *
 * <p>Longer than 300 lines on purpose: it is the key vault's data plane, one method per operation of the
 * Azure Key Vault keys API, each with its access check and activity record in one transaction.
 */
@ApplicationScoped
public class KeyOperations {

    @Inject
    KeyVaultMetrics metrics;

    @Inject
    KeyVaultRepository keyVaults;

    @Inject
    KeyRepository keys;

    @Inject
    KeyVaultAccess access;

    @Inject
    PlatformKey platformKey;

    @Inject
    ActivityLog activity;

    @Inject
    Event<KeyVersionAvailable> versionEvents;

    @Inject
    Settings settings;

    /** A key version together with its key and key vault, as answers need them. */
    public record KeyView(KeyVault keyVault, KeyVaultKey key, KeyVersion version) {
    }

    /** The parts of an RSA key given for import (BYOK). */
    public record ImportedRsaKey(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
                                 BigInteger dp, BigInteger dq, BigInteger qi) {
    }

    @Transactional
    public KeyView create(Caller caller, String keyVaultName, String name, int keySize, Set<String> keyOps, KeyAttributes attributes) {
        return activity.record(caller, "CreateKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.CREATE);
            try (RsaKeyPair pair = generate(keySize)) {
                return addVersion(keyVault, name, pair, keyOps, attributes, KeyVersionAvailable.Reason.CREATED);
            }
        }, KeyOperations::describe);
    }

    @Transactional
    public KeyView importKey(Caller caller, String keyVaultName, String name, ImportedRsaKey imported, Set<String> keyOps,
                             KeyAttributes attributes) {
        return importKey(caller, keyVaultName, name, () -> rsaKey(imported), keyOps, attributes);
    }

    /** Import (BYOK) of an RSA private key in PEM, PKCS#8 or PKCS#1: an extension of the Azure API. */
    @Transactional
    public KeyView importPem(Caller caller, String keyVaultName, String name, String pem, Set<String> keyOps,
                             KeyAttributes attributes) {
        return importKey(caller, keyVaultName, name, () -> {
            try {
                return PrivateKeys.readPem(pem);
            } catch (IllegalArgumentException e) {
                throw StrongroomException.badRequest(e.getMessage(), "body");
            }
        }, keyOps, attributes);
    }

    private KeyView importKey(Caller caller, String keyVaultName, String name, Supplier<RsaKeyPair> key, Set<String> keyOps,
                              KeyAttributes attributes) {
        return activity.record(caller, "ImportKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.IMPORT);
            try (RsaKeyPair pair = key.get()) {
                return addVersion(keyVault, name, pair, keyOps, attributes, KeyVersionAvailable.Reason.IMPORTED);
            }
        }, KeyOperations::describe);
    }

    /**
     * A new version of an existing key, of the same size, operations and tags as its current one, expiring as
     * the key's rotation policy says.
     */
    @Transactional
    public KeyView rotate(Caller caller, String keyVaultName, String name) {
        return activity.record(caller, "RotateKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.ROTATE);
            return newVersion(keyVault, activeKey(keyVaultName, name));
        }, KeyOperations::describe);
    }

    /**
     * The rotation a key's policy asks for, made by Strongroom itself ({@link Caller#SYSTEM}): the principal
     * who set the policy (with {@code setrotationpolicy}) decided it; no permission is checked now.
     */
    @Transactional
    public KeyView rotateByPolicy(KeyVaultKey key) {
        return activity.record(Caller.SYSTEM, "RotateKey", resource(key.keyVault(), key.name()),
                () -> newVersion(keyVault(key.keyVault()), key), view -> describe(view) + ", by the key's rotation policy");
    }

    private KeyView newVersion(KeyVault keyVault, KeyVaultKey key) {
        KeyVersion current = key.current();
        Instant now = Timestamps.now();
        try (RsaKeyPair pair = Rsa.generate(current.keySize())) {
            return addVersion(keyVault, key.name(), pair, current.operations(),
                    new KeyAttributes(null, null, key.rotationPolicy().expiryOf(now), current.tags()), KeyVersionAvailable.Reason.ROTATED, now);
        }
    }

    /** Changes a version's attributes ({@code version} {@code null}: the current one). */
    @Transactional
    public KeyView update(Caller caller, String keyVaultName, String name, String version, KeyAttributes attributes,
                          Set<String> keyOps) {
        return activity.record(caller, "UpdateKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.UPDATE);
            KeyVaultKey key = activeKey(keyVaultName, name);
            KeyVersion target = version(key, version);
            if (target.update(attributes, keyOps, Timestamps.now())) {
                announce(keyVaultName, name, target.versionId(), KeyVersionAvailable.Reason.ENABLED);
            }
            return new KeyView(keyVault, key, target);
        }, KeyOperations::describe);
    }

    /** A version ({@code null}: the current one) of a key that is not deleted. */
    @Transactional
    public KeyView get(Caller caller, String keyVaultName, String name, String version) {
        return activity.recordUse(caller, "GetKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.GET);
            KeyVaultKey key = activeKey(keyVaultName, name);
            return new KeyView(keyVault, key, version(key, version));
        }, view -> "version " + view.version().versionId() + by(caller));
    }

    /** The keys that are not deleted, each with its current version, by name. */
    @Transactional
    public List<KeyView> list(Caller caller, String keyVaultName) {
        return listKeys(caller, keyVaultName, key -> Stream.of(key.current()));
    }

    /**
     * Every version of every key that is not deleted, by key name, oldest version first: what a key picker
     * shows. One listing, which needs {@code list} as {@link #list} does.
     */
    @Transactional
    public List<KeyView> listVersions(Caller caller, String keyVaultName) {
        return listKeys(caller, keyVaultName, key -> key.versions().stream());
    }

    /** A listing of the keys that are not deleted, by name, each with the versions {@code shown} picks. */
    private List<KeyView> listKeys(Caller caller, String keyVaultName, Function<KeyVaultKey, Stream<KeyVersion>> shown) {
        return activity.recordUse(caller, "ListKeys", ResourcePath.keyVault(keyVaultName).child("keys"), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.LIST);
            return keys.list(keyVaultName, false).stream()
                    .sorted(Comparator.comparing(KeyVaultKey::name))
                    .flatMap(key -> shown.apply(key).map(version -> new KeyView(keyVault, key, version)))
                    .toList();
        }, views -> views.stream().map(view -> view.key().name()).distinct().count() + " key(s), " + views.size()
                + " version(s) shown" + by(caller));
    }

    /** All versions of a key, oldest first. */
    @Transactional
    public List<KeyView> versions(Caller caller, String keyVaultName, String name) {
        return activity.recordUse(caller, "ListKeyVersions", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.LIST);
            KeyVaultKey key = activeKey(keyVaultName, name);
            return key.versions().stream().map(v -> new KeyView(keyVault, key, v)).toList();
        }, views -> views.size() + " version(s)" + by(caller));
    }

    /**
     * Deletes a key: with soft delete it is kept, recoverable, for the key vault's retention days;
     * without, it is gone at once. Answers the key as it was deleted.
     */
    @Transactional
    public KeyView delete(Caller caller, String keyVaultName, String name) {
        return activity.record(caller, "DeleteKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.DELETE);
            KeyVaultKey key = activeKey(keyVaultName, name);
            if (keyVault.softDeleteEnabled()) {
                key.softDelete(Timestamps.now(), Duration.ofDays(keyVault.softDeleteRetentionDays()));
            } else {
                keys.remove(key);
            }
            return new KeyView(keyVault, key, key.current());
        }, view -> view.key().scheduledPurgeAt().map(at -> "recoverable until " + at).orElse("purged at once"));
    }

    @Transactional
    public List<KeyView> listDeleted(Caller caller, String keyVaultName) {
        return activity.recordUse(caller, "ListDeletedKeys", ResourcePath.keyVault(keyVaultName).child("deletedkeys"), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.LIST);
            return keys.list(keyVaultName, true).stream()
                    .sorted(Comparator.comparing(KeyVaultKey::name))
                    .map(key -> new KeyView(keyVault, key, key.current()))
                    .toList();
        }, views -> views.size() + " deleted key(s)" + by(caller));
    }

    @Transactional
    public KeyView getDeleted(Caller caller, String keyVaultName, String name) {
        return activity.recordUse(caller, "GetDeletedKey", ResourcePath.keyVault(keyVaultName).child("deletedkeys", name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.GET);
            KeyVaultKey key = deletedKey(keyVaultName, name);
            return new KeyView(keyVault, key, key.current());
        }, view -> "version " + view.version().versionId() + by(caller));
    }

    /** Brings a soft-deleted key back with all its versions. */
    @Transactional
    public KeyView recover(Caller caller, String keyVaultName, String name) {
        return activity.record(caller, "RecoverKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.RECOVER);
            KeyVaultKey key = deletedKey(keyVaultName, name);
            key.recover();
            return new KeyView(keyVault, key, key.current());
        }, view -> view.key().versions().size() + " version(s) recovered");
    }

    /** Removes a soft-deleted key for good; refused (409) while the key vault has purge protection. */
    @Transactional
    public void purge(Caller caller, String keyVaultName, String name) {
        activity.record(caller, "PurgeKey", resource(keyVaultName, name), () -> {
            KeyVault keyVault = keyVault(keyVaultName);
            access.require(caller, keyVault, KeyPermission.PURGE);
            KeyVaultKey key = deletedKey(keyVaultName, name);
            if (keyVault.purgeProtectionEnabled()) {
                throw StrongroomException.conflict("Key vault '" + keyVaultName + "' has purge protection: deleted key '" + name
                        + "' cannot be purged before " + key.scheduledPurgeAt().orElseThrow(), "deletedkeys/" + name);
            }
            keys.remove(key);
            return null;
        }, none -> null);
    }

    /** Removes every deleted key whose retention has ended, purge protection or not. */
    @Transactional
    public int purgeExpired() {
        List<KeyVaultKey> expired = keys.purgeableAt(Timestamps.now());
        for (KeyVaultKey key : expired) {
            activity.record(Caller.SYSTEM, "PurgeKey", resource(key.keyVault(), key.name()), () -> {
                keys.remove(key);
                return null;
            }, none -> "retention ended " + key.scheduledPurgeAt().orElseThrow());
        }
        return expired.size();
    }

    /** Wraps {@code secret} with a version ({@code null}: the current one); the caller needs {@code wrapKey}. */
    @Transactional
    public WrapResult wrap(Caller caller, String keyVaultName, String name, String version, WrapAlgorithm algorithm, byte[] secret) {
        return encryptAs(new Use(caller, keyVaultName, name, version, KeyPermission.WRAP_KEY, "WrapKey"),
                EncryptionAlgorithm.of(algorithm), secret);
    }

    /**
     * Unwraps a value wrapped with a version ({@code null}: the current one); the caller needs
     * {@code unwrapKey}. The result must be closed.
     */
    @Transactional
    public UnwrapResult unwrap(Caller caller, String keyVaultName, String name, String version, WrapAlgorithm algorithm,
                               byte[] wrapped) {
        return decryptAs(new Use(caller, keyVaultName, name, version, KeyPermission.UNWRAP_KEY, "UnwrapKey"),
                EncryptionAlgorithm.of(algorithm), wrapped);
    }

    /** Encrypts one block with a version ({@code null}: the current one); the caller needs {@code encrypt}. */
    @Transactional
    public WrapResult encrypt(Caller caller, String keyVaultName, String name, String version, EncryptionAlgorithm algorithm,
                              byte[] plaintext) {
        return encryptAs(new Use(caller, keyVaultName, name, version, KeyPermission.ENCRYPT, "Encrypt"), algorithm, plaintext);
    }

    /**
     * Decrypts a block encrypted with a version ({@code null}: the current one); the caller needs
     * {@code decrypt}. The result must be closed.
     */
    @Transactional
    public UnwrapResult decrypt(Caller caller, String keyVaultName, String name, String version, EncryptionAlgorithm algorithm,
                                byte[] ciphertext) {
        return decryptAs(new Use(caller, keyVaultName, name, version, KeyPermission.DECRYPT, "Decrypt"), algorithm, ciphertext);
    }

    /** Signs a digest with a version ({@code null}: the current one); the caller needs {@code sign}. */
    @Transactional
    public WrapResult sign(Caller caller, String keyVaultName, String name, String version, SignatureAlgorithm algorithm,
                           byte[] digest) {
        return perform(new Use(caller, keyVaultName, name, version, KeyPermission.SIGN, "Sign"), algorithm.jwaName(),
                IllegalArgumentException.class, "value", usable -> withPrivateKey(usable,
                        key -> new WrapResult(usable, RsaSignatures.sign(key, algorithm, digest))), result -> "");
    }

    /** Whether {@code signature} is a version's signature over {@code digest}; the caller needs {@code verify}. */
    @Transactional
    public VerifyResult verify(Caller caller, String keyVaultName, String name, String version, SignatureAlgorithm algorithm,
                               byte[] digest, byte[] signature) {
        return perform(new Use(caller, keyVaultName, name, version, KeyPermission.VERIFY, "Verify"), algorithm.jwaName(),
                IllegalArgumentException.class, "digest", usable -> new VerifyResult(usable,
                        RsaSignatures.verify(usable.modulus(), usable.publicExponent(), algorithm, digest, signature)),
                result -> result.valid() ? ", valid" : ", not valid");
    }

    /** Whether a signature verified, and the version that checked it. */
    public record VerifyResult(KeyVersion version, boolean valid) implements Used {
    }

    /** One use of a key version: who, which version, the permission (and key operation) it takes, how it is logged. */
    private record Use(Caller caller, String keyVaultName, String name, String version, KeyPermission permission,
                       String activityName) {
    }

    private WrapResult encryptAs(Use use, EncryptionAlgorithm algorithm, byte[] plaintext) {
        return perform(use, algorithm.jwaName(), IllegalArgumentException.class, "value", usable -> new WrapResult(usable,
                Rsa.encrypt(usable.modulus(), usable.publicExponent(), algorithm, plaintext)), result -> "");
    }

    private UnwrapResult decryptAs(Use use, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        return perform(use, algorithm.jwaName(), IntegrityException.class, "value", usable -> withPrivateKey(usable,
                key -> new UnwrapResult(usable, Rsa.decrypt(key, algorithm, ciphertext))), result -> "");
    }

    /**
     * One use of a key version, as every cryptographic operation runs: the caller's permission and the
     * version's {@code key_ops} checked, the use counted and logged with the version and algorithm; a
     * {@code refusal} thrown by the operation itself answers 400 on {@code field}.
     */
    private <T extends Used> T perform(Use use, String algorithm, Class<? extends RuntimeException> refusal, String field,
                                       Function<KeyVersion, T> operation, Function<T, String> outcome) {
        return metrics.count(use.permission().wireName(), () -> activity.recordUse(use.caller(), use.activityName(),
                resource(use.keyVaultName(), use.name()), () -> {
                    KeyVersion usable = usableVersion(use);
                    try {
                        return operation.apply(usable);
                    } catch (RuntimeException e) {
                        if (refusal.isInstance(e)) {
                            throw StrongroomException.badRequest(e.getMessage(), field);
                        }
                        throw e;
                    }
                }, result -> "version " + result.version().versionId() + ", " + algorithm + outcome.apply(result)
                        + by(use.caller())));
    }

    /** {@code operation} with the version's private key opened, zeroed right after. */
    private <T> T withPrivateKey(KeyVersion version, Function<KeyMaterial, T> operation) {
        try (KeyMaterial privateKey = platformKey.open(version.sealedPrivateKey(), version.sealingContext())) {
            return operation.apply(privateKey);
        }
    }

    /** What a use of a key version answers: at least the version it used. */
    private interface Used {
        KeyVersion version();
    }

    /** A wrapped (or encrypted) value and the version that made it. */
    public record WrapResult(KeyVersion version, byte[] wrapped) implements Used {
    }

    /** An unwrapped (or decrypted) secret (close it) and the version that opened it. */
    public record UnwrapResult(KeyVersion version, KeyMaterial secret) implements Used, AutoCloseable {
        @Override
        public void close() {
            secret.close();
        }
    }

    private KeyVersion usableVersion(Use use) {
        KeyVault keyVault = keyVault(use.keyVaultName());
        access.require(use.caller(), keyVault, use.permission());
        KeyVersion usable = version(activeKey(use.keyVaultName(), use.name()), use.version());
        usable.requireUsable(use.permission().wireName(), Timestamps.now());
        return usable;
    }

    private KeyView addVersion(KeyVault keyVault, String name, RsaKeyPair pair, Set<String> keyOps,
                               KeyAttributes attributes, KeyVersionAvailable.Reason reason) {
        return addVersion(keyVault, name, pair, keyOps, attributes, reason, Timestamps.now());
    }

    private KeyView addVersion(KeyVault keyVault, String name, RsaKeyPair pair, Set<String> keyOps,
                               KeyAttributes attributes, KeyVersionAvailable.Reason reason, Instant now) {
        if (name == null || !name.matches(KeyVaultKey.NAME_PATTERN)) {
            throw StrongroomException.badRequest("A key name has 1 to 127 letters, digits or hyphens", "name");
        }
        KeyVaultKey key = keys.findForUpdate(keyVault.name(), name).orElse(null);
        if (key == null) {
            key = new KeyVaultKey(keyVault.name(), name, now);
            keys.add(key);
        }
        String versionId = HexFormat.of().formatHex(uuidBytes(UUID.randomUUID()));
        byte[] sealed = platformKey.seal(pair.privateKeyPkcs8().bytes(),
                KeyVersion.sealingContext(keyVault.name(), name, versionId));
        KeyVersion version = key.addVersion(versionId, pair.modulus(), pair.publicExponent(), sealed, keyOps,
                attributes, now);
        if (version.enabled()) {
            announce(keyVault.name(), name, versionId, reason);
        }
        return new KeyView(keyVault, key, version);
    }

    private void announce(String keyVaultName, String name, String versionId, KeyVersionAvailable.Reason reason) {
        KeyVaultUris uris = KeyVaultUris.of(settings);
        versionEvents.fire(new KeyVersionAvailable(KeyId.versionless(keyVaultName, name).uriForms(uris), KeyId.versioned(keyVaultName, name, versionId).uri(uris), reason));
    }

    private static RsaKeyPair generate(int keySize) {
        try {
            return Rsa.generate(keySize);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest(e.getMessage(), "key_size");
        }
    }

    private static RsaKeyPair rsaKey(ImportedRsaKey k) {
        try {
            return Rsa.fromComponents(k.n(), k.e(), k.d(), k.p(), k.q(), k.dp(), k.dq(), k.qi());
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest(e.getMessage(), "key");
        }
    }

    /** The key vault named {@code name}; 404 when there is none. For this package's use cases too. */
    KeyVault keyVault(String name) {
        return keyVaults.find(name).orElseThrow(() -> KeyVaultAdministration.noSuchKeyVault(name));
    }

    /** The key {@code name} of a key vault, not deleted; 404 otherwise. */
    KeyVaultKey activeKey(String keyVaultName, String name) {
        return keys.find(keyVaultName, name).filter(key -> !key.isDeleted())
                .orElseThrow(() -> StrongroomException.notFound("Key vault '" + keyVaultName + "' has no key named '" + name + "'",
                        resource(keyVaultName, name).toString()));
    }

    private KeyVaultKey deletedKey(String keyVaultName, String name) {
        return keys.find(keyVaultName, name).filter(KeyVaultKey::isDeleted)
                .orElseThrow(() -> StrongroomException.notFound("Key vault '" + keyVaultName + "' has no deleted key named '"
                        + name + "'", ResourcePath.keyVault(keyVaultName).child("deletedkeys", name).toString()));
    }

    private static KeyVersion version(KeyVaultKey key, String version) {
        if (version == null || version.isEmpty()) {
            return key.current();
        }
        return key.version(version).orElseThrow(() -> StrongroomException.notFound("Key '" + key.name()
                + "' has no version '" + version + "'",
                ResourcePath.key(key.keyVault(), key.name()).child(version).toString()));
    }

    private static byte[] uuidBytes(UUID uuid) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    static ResourcePath resource(String keyVaultName, String name) {
        return ResourcePath.key(keyVaultName, name);
    }

    /** Who used the key, as an access policy names it. */
    private String by(Caller caller) {
        return access.principalOf(caller).map(principal -> ", by principal " + principal).orElse("");
    }

    private static String describe(KeyView view) {
        KeyVersion v = view.version();
        return "version " + v.versionId() + ", RSA " + v.keySize() + ", enabled=" + v.enabled();
    }
}
