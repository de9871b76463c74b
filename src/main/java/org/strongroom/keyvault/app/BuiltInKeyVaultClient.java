package org.strongroom.keyvault.app;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.domain.KeyId;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;

/**
 * {@link KeyVaultClient} on the built-in key vault of this server, in process. Injected by its class: the
 * {@code KeyVaultClient} others use chooses the key manager by the key URI ({@code keymanager}).
 */
@ApplicationScoped
@Typed(BuiltInKeyVaultClient.class)
public class BuiltInKeyVaultClient implements KeyVaultClient {

    @Inject
    KeyOperations keys;

    @Inject
    KeyVaultAdministration administration;

    @Inject
    Settings settings;

    @Override
    public ResolvedKey resolve(String keyUri, Caller caller) {
        KeyId id = parse(keyUri);
        return resolved(id.keyVault(), id.name(), keys.get(caller, id.keyVault(), id.name(), id.version().orElse(null)).version());
    }

    private ResolvedKey resolved(String keyVaultName, String name, KeyVersion version) {
        KeyVaultUris uris = KeyVaultUris.of(settings);
        return new ResolvedKey(KeyId.versioned(keyVaultName, name, version.versionId()).uri(uris),
                KeyId.versioned(keyVaultName, name, version.versionId()).versionless().uri(uris), version.versionId(),
                version.kty(), version.keySize(), version.enabled(), version.notBefore(), version.expires());
    }

    @Override
    public KeyVaultProperties keyVaultOf(String keyUri) {
        return properties(administration.get(parse(keyUri).keyVault()));
    }

    private KeyVaultProperties properties(KeyVault keyVault) {
        return new KeyVaultProperties(keyVault.name(), KeyVaultUris.of(settings).keyVault(keyVault.name()),
                keyVault.region(), keyVault.subscriptionId(), keyVault.softDeleteEnabled(),
                keyVault.purgeProtectionEnabled(), "the built-in key vault's properties");
    }

    /** Each key vault's listing is a use of its own: a refusal in one leaves the others listed. */
    @Override
    public List<BrowsedKeyVault> browse(Caller caller) {
        return administration.list().stream().map(keyVault -> {
            try {
                return new BrowsedKeyVault(properties(keyVault), keys.listVersions(caller, keyVault.name()).stream()
                        .map(view -> resolved(keyVault.name(), view.key().name(), view.version())).toList(), null, null);
            } catch (StrongroomException refused) {
                return new BrowsedKeyVault(properties(keyVault), List.of(), refused.code(), refused.getMessage());
            }
        }).toList();
    }

    /** What the key vault's access policy for the caller's principal grants (nothing without one). */
    @Override
    public Set<String> keyPermissions(String keyUri, Caller caller) {
        KeyVault keyVault = administration.get(parse(keyUri).keyVault());
        return keyVault.accessPolicies().stream().filter(policy -> policy.principalId().equals(caller.name()))
                .flatMap(policy -> policy.permissions().stream()).map(KeyPermission::wireName)
                .collect(Collectors.toSet());
    }

    @Override
    public List<KeyVersionState> versions(String keyUri, Caller caller) {
        KeyId id = parse(keyUri);
        KeyVaultUris uris = KeyVaultUris.of(settings);
        return keys.versions(caller, id.keyVault(), id.name()).stream().map(view -> new KeyVersionState(
                KeyId.versioned(id.keyVault(), id.name(), view.version().versionId()).uri(uris), view.version().versionId(),
                view.version().enabled(), view.version().created())).toList();
    }

    @Override
    public boolean announcesNewVersions(String keyUri) {
        return true;
    }

    @Override
    public byte[] wrap(String kid, byte[] secret, Caller caller) {
        KeyId id = parse(kid);
        return keys.wrap(caller, id.keyVault(), id.name(), id.version().orElse(null), WrapAlgorithm.RSA_OAEP_256, secret)
                .wrapped();
    }

    @Override
    public KeyMaterial unwrap(String kid, byte[] wrapped, Caller caller) {
        KeyId id = parse(kid);
        return keys.unwrap(caller, id.keyVault(), id.name(), id.version().orElse(null), WrapAlgorithm.RSA_OAEP_256,
                wrapped).secret();
    }

    /** Whether {@code keyUri} names a key of this server's key vaults (in either form of {@link KeyVaultUris}). */
    public boolean owns(String keyUri) {
        try {
            KeyId.parse(keyUri, KeyVaultUris.of(settings));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void requireKnownKeyUri(String keyUri) {
        try {
            KeyId.parse(keyUri, KeyVaultUris.of(settings));
        } catch (IllegalArgumentException e) {
            throw new StrongroomException(ErrorCode.UserErrorKeyNotFound, e.getMessage(), "keyUri");
        }
    }

    /** The key a URI names, its key vault's name as created (a vault host names it in lower case). */
    private KeyId parse(String keyUri) {
        try {
            KeyId id = KeyId.parse(keyUri, KeyVaultUris.of(settings));
            return new KeyId(administration.canonicalName(id.keyVault()), id.name(), id.version());
        } catch (IllegalArgumentException e) {
            throw StrongroomException.notFound(e.getMessage(), "keyUri");
        }
    }
}
