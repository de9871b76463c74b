package org.strongroom.keyvault;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;

/**
 * The port through which Strongroom's own services use customer keys, acting as a principal (a vault's
 * managed identity). Behind it the key URI chooses the key manager: the built-in key vault of this server,
 * or a registered remote one (another server speaking Azure Key Vault's protocol) — invisible to vaults,
 * backups, restores and disk encryption sets.
 *
 * <p>Refusals are {@link org.strongroom.platform.StrongroomException}s: {@code NotFound} (no such key
 * vault, key or version, or a URI that no key manager answers for), {@code Forbidden} (the caller
 * lacks the permission), {@code KeyDisabled}, {@code KeyExpired}, {@code KeyNotYetValid},
 * {@code BadRequest} (a value that does not unwrap with the key), {@code UserErrorKeyVaultUnreachable} (a
 * remote key manager that does not answer, or answers only with errors of its own).
 */
public interface KeyVaultClient {

    /**
     * Refuses, without calling anything, a URI that cannot name a key of any key manager this server knows
     * (a host that is neither this server's nor a registered key manager's, another scheme, no key path):
     * {@code UserErrorKeyNotFound}, target {@code keyUri}.
     */
    void requireKnownKeyUri(String keyUri);

    /**
     * Whether the key manager of {@code keyUri} tells this server of new key versions itself (the built-in
     * key vault fires {@link KeyVersionAvailable}); the keys of others are polled for new versions.
     */
    boolean announcesNewVersions(String keyUri);

    /** Resolves a key URI (versioned, or versionless for the newest version) as {@code caller}, who needs {@code get}. */
    ResolvedKey resolve(String keyUri, Caller caller);

    /** The management properties of the key vault that holds the key, read as the platform. */
    KeyVaultProperties keyVaultOf(String keyUri);

    /**
     * The key permissions ({@code get}, {@code list}, {@code wrapKey}, {@code unwrapKey}, ...) the key vault
     * grants {@code caller} on the key: the built-in key vault reads its access policies; a remote key manager,
     * whose policies this server cannot read, is asked — a get, a list of the key's versions, and a wrap and
     * unwrap of a random probe value — and a permission is granted when its call succeeds.
     */
    Set<String> keyPermissions(String keyUri, Caller caller);

    /** Wraps {@code secret} with RSA-OAEP-256 under the version {@code kid}; {@code caller} needs {@code wrapKey}. */
    byte[] wrap(String kid, byte[] secret, Caller caller);

    /** Unwraps with the version {@code kid}; {@code caller} needs {@code unwrapKey}. Close the result. */
    KeyMaterial unwrap(String kid, byte[] wrapped, Caller caller);

    /**
     * The versionless URI of a versioned {@code kid}: {@code .../keys/{name}} of {@code .../keys/{name}/{version}};
     * a key on a PKCS#11 token has one version, which its URI names.
     */
    static String versionlessOf(String kid) {
        return kid.regionMatches(true, 0, "pkcs11:", 0, 7) || kid.lastIndexOf('/') < 0 ? kid : kid.substring(0, kid.lastIndexOf('/'));
    }

    /** The versions of the key {@code keyUri} names (versioned or not), as {@code caller}, who needs {@code list}. */
    List<KeyVersionState> versions(String keyUri, Caller caller);

    /**
     * The built-in key vaults of this server, each with the versions of its keys when {@code caller} may list
     * them (its access policy grants {@code list}; each listing, and each refusal, is in the activity log):
     * what a key picker offers. Keys of registered key managers are not browsed; their URIs are typed.
     */
    List<BrowsedKeyVault> browse(Caller caller);

    /**
     * A key vault as a key picker sees it: its properties and its keys' versions (by key name, oldest first),
     * or — when the caller may not list them — no versions and the refusal's code and message.
     */
    record BrowsedKeyVault(KeyVaultProperties properties, List<ResolvedKey> versions, ErrorCode listRefusalCode,
                           String listRefusal) {
    }

    /** A key version in a list of versions. */
    record KeyVersionState(String kid, String version, boolean enabled, Instant created) {
    }

    /** A key version as resolved: its versioned {@code kid} and attributes. */
    record ResolvedKey(String kid, String versionlessId, String version, String kty, int keySize, boolean enabled,
                       Instant notBefore, Instant expires) {
    }

    /**
     * What the management plane says of a key vault. {@code source} says where each property comes from
     * (the built-in key vault's own records; for a remote one the key's recovery level and the key manager's
     * registration), as the key assignment job reports it.
     */
    record KeyVaultProperties(String name, String uri, String region, String subscriptionId,
                              boolean softDeleteEnabled, boolean purgeProtectionEnabled, String source) {
    }
}
