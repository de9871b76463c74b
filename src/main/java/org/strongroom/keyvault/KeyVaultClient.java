package org.strongroom.keyvault;

import java.time.Instant;
import java.util.Set;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.platform.Caller;

/**
 * The port through which Strongroom's own services use customer keys, acting as a principal (a vault's
 * managed identity). The built-in key vault is the first implementation; remote key managers (a cloud
 * key vault's REST API, an HSM) plug in behind the same interface.
 *
 * <p>Refusals are {@link org.strongroom.platform.StrongroomException}s: {@code NotFound} (no such key
 * vault, key or version, or a URI that is no key of this key manager), {@code Forbidden} (the caller
 * lacks the permission), {@code KeyDisabled}, {@code KeyExpired}, {@code KeyNotYetValid},
 * {@code BadRequest} (a value that does not unwrap with the key).
 */
public interface KeyVaultClient {

    /**
     * Refuses, without calling anything, a URI that cannot name a key of this key manager (another host,
     * another scheme, no key path): {@code UserErrorKeyNotFound}, target {@code keyUri}.
     */
    void requireOwnKeyUri(String keyUri);

    /** Resolves a key URI (versioned, or versionless for the newest version) as {@code caller}, who needs {@code get}. */
    ResolvedKey resolve(String keyUri, Caller caller);

    /** The management properties of the key vault that holds the key, read as the platform. */
    KeyVaultProperties keyVaultOf(String keyUri);

    /** Wraps {@code secret} with RSA-OAEP-256 under the version {@code kid}; {@code caller} needs {@code wrapKey}. */
    byte[] wrap(String kid, byte[] secret, Caller caller);

    /** Unwraps with the version {@code kid}; {@code caller} needs {@code unwrapKey}. Close the result. */
    KeyMaterial unwrap(String kid, byte[] wrapped, Caller caller);

    /** A key version as resolved: its versioned {@code kid} and attributes. */
    record ResolvedKey(String kid, String versionlessId, String version, String kty, int keySize, boolean enabled,
                       Instant notBefore, Instant expires) {
    }

    /** What the management plane says of a key vault, and what it grants a principal. */
    record KeyVaultProperties(String name, String uri, String region, String subscriptionId,
                              boolean softDeleteEnabled, boolean purgeProtectionEnabled,
                              java.util.Map<String, Set<String>> keyPermissionsByPrincipal) {

        public Set<String> keyPermissionsOf(String principalId) {
            return keyPermissionsByPrincipal.getOrDefault(principalId, Set.of());
        }
    }
}
