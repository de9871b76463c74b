package org.strongroom.keyvault;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keyvault.KeyVaultClient.KeyVaultProperties;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * The key vault as a managed identity — a vault's, a disk encryption set's — uses it: each call answers
 * a refusal in the seed's words (SPEC 5, 8, 9; {@link #translate}), so that no caller translates
 * the key vault's answers itself. Direct users of keys (REST clients of the key vault) keep the key
 * vault's own codes through {@link KeyVaultClient}.
 */
@ApplicationScoped
public class ManagedIdentityKeys {

    @Inject
    KeyVaultClient keyVault;

    /** The key vault that holds {@code keyUri}, as the platform reads it. */
    public KeyVaultProperties keyVaultOf(String keyUri) {
        return translated(keyUri, () -> keyVault.keyVaultOf(keyUri));
    }

    /** The key permissions the key vault grants {@code identity} on {@code keyUri}. */
    public Set<String> keyPermissions(String keyUri, Caller identity) {
        return translated(keyUri, () -> keyVault.keyPermissions(keyUri, identity));
    }

    /** The key version {@code keyUri} names (its newest for a versionless URI), read as {@code identity}. */
    public ResolvedKey resolve(String keyUri, Caller identity) {
        return translated(keyUri, () -> keyVault.resolve(keyUri, identity));
    }

    /** {@code secret} wrapped (RSA-OAEP-256) by the key version {@code kid}, as {@code identity}. */
    public byte[] wrap(String kid, byte[] secret, Caller identity) {
        return translated(kid, () -> keyVault.wrap(kid, secret, identity));
    }

    /** A value unwrapped by the key version {@code kid}, as {@code identity}. Close it. */
    public KeyMaterial unwrap(String kid, byte[] wrapped, Caller identity) {
        return translated(kid, () -> keyVault.unwrap(kid, wrapped, identity));
    }

    private static <T> T translated(String keyUri, Supplier<T> call) {
        try {
            return call.get();
        } catch (StrongroomException answer) {
            throw translate(answer, keyUri);
        }
    }

    /** The key vault speaks of keys, its managed identities' users of their key assignment. */
    static StrongroomException translate(StrongroomException answer, String keyUri) {
        ErrorCode code = switch (answer.code()) {
            case NotFound -> ErrorCode.UserErrorKeyNotFound;
            case Forbidden -> ErrorCode.UserErrorKeyVaultPermissionsNotConfigured;
            case KeyDisabled -> ErrorCode.UserErrorKeyDisabled;
            case KeyExpired -> ErrorCode.UserErrorKeyExpired;
            case KeyNotYetValid -> ErrorCode.UserErrorKeyNotYetValid;
            case BadRequest -> ErrorCode.DataIntegrityError;
            default -> answer.code();
        };
        if (code == answer.code()) {
            return answer;
        }
        return new StrongroomException(code, answer.getMessage() + " (key " + keyUri + ")", "keyUri", answer);
    }
}
