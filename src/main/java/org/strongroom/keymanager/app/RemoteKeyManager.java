package org.strongroom.keymanager.app;

import java.time.Instant;
import java.util.List;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;

/**
 * A connection to one remote key manager, signed in with its registration's credential. Calls time out,
 * and are retried on throttling and server errors as the registration's protocol client does. Refusals are
 * {@link org.strongroom.platform.StrongroomException}s with the codes of {@link org.strongroom.keyvault.KeyVaultClient};
 * a key manager that cannot be reached, or answers only with errors of its own, {@code UserErrorKeyVaultUnreachable}.
 */
public interface RemoteKeyManager {

    /** The key (its newest version for a versionless URI) and how it may be recovered once deleted. */
    RemoteKey get(KeyRef key);

    /** Lists the key's versions (every page): refused with {@code Forbidden} without {@code list}. */
    List<RemoteKeyVersion> versions(KeyRef key);

    /** {@code secret} wrapped with RSA-OAEP-256 by the key manager (never locally). */
    byte[] wrap(KeyRef version, byte[] secret);

    /** {@code wrapped} unwrapped by the key manager. Close the result. */
    KeyMaterial unwrap(KeyRef version, byte[] wrapped);

    /** A key of the key manager: its name and, for one version, the version. */
    record KeyRef(String name, String version) {

        public boolean isVersionless() {
            return version == null;
        }
    }

    /**
     * A key as the key manager answers: {@code recoveryLevel} and {@code recoverableDays} as Azure Key Vault
     * names them ({@code Recoverable}, {@code Recoverable+Purgeable}, {@code CustomizedRecoverable}, ...).
     */
    record RemoteKey(ResolvedKey key, String recoveryLevel, Integer recoverableDays) {
    }

    /** A version in a list of versions. */
    record RemoteKeyVersion(String version, boolean enabled, Instant notBefore, Instant expires, Instant created) {
    }

    /** Makes connections; one per registration (and its version) is enough. */
    interface Connector {

        /** Whether this connector speaks {@code kind}'s protocol. */
        boolean connects(KeyManager.Kind kind);

        /** A connection for {@code registration}; {@code clientSecret} its client secret or PIN, else {@code null}. */
        RemoteKeyManager connect(KeyManager registration, char[] clientSecret);
    }
}
