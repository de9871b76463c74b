package org.strongroom.keyvault.app;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.domain.AccessPolicy;
import org.strongroom.keyvault.domain.KeyId;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;

/** {@link KeyVaultClient} on the built-in key vault of this server, in process. */
@ApplicationScoped
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
        KeyVersion version = keys.get(caller, id.keyVault(), id.name(), id.version().orElse(null)).version();
        KeyVaultUris uris = KeyVaultUris.of(settings);
        return new ResolvedKey(KeyId.versioned(id.keyVault(), id.name(), version.versionId()).uri(uris),
                id.versionless().uri(uris), version.versionId(), version.kty(), version.keySize(), version.enabled(),
                version.notBefore(), version.expires());
    }

    @Override
    public KeyVaultProperties keyVaultOf(String keyUri) {
        KeyVault keyVault = administration.get(parse(keyUri).keyVault());
        Map<String, Set<String>> permissions = keyVault.accessPolicies().stream().collect(Collectors.toMap(
                AccessPolicy::principalId,
                policy -> policy.permissions().stream().map(KeyPermission::wireName).collect(Collectors.toSet())));
        return new KeyVaultProperties(keyVault.name(), KeyVaultUris.of(settings).keyVault(keyVault.name()),
                keyVault.region(), keyVault.subscriptionId(), keyVault.softDeleteEnabled(),
                keyVault.purgeProtectionEnabled(), permissions);
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

    @Override
    public void requireOwnKeyUri(String keyUri) {
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
