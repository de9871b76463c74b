package org.strongroom.keymanager.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keymanager.app.KeyManagerRegistry.Remote;
import org.strongroom.keymanager.app.RemoteKeyManager.KeyRef;
import org.strongroom.keymanager.app.RemoteKeyManager.RemoteKey;
import org.strongroom.keymanager.app.RemoteKeyManager.RemoteKeyVersion;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.Pkcs11Uri;
import org.strongroom.keymanager.domain.RecoveryLevel;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.app.BuiltInKeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * The {@link KeyVaultClient} every component uses: a key URI of this server goes to the built-in key
 * vault; one whose scheme, host and port are a registered key manager's goes there, through
 * {@link KeyManagerGuard}; any other is refused as naming no known key. Uses of remote keys are in the
 * activity log like the built-in key vault's, with the identity they were made for.
 *
 * <p>What a remote key manager cannot say through its data plane is answered from elsewhere, and said so:
 * soft delete and purge protection from the key's recovery level, region and subscription from the
 * registration, the identity's permissions by trying them ({@link #keyPermissions}).
 */
@ApplicationScoped
public class KeyManagers implements KeyVaultClient {

    private static final Pattern KEY_PATH = Pattern.compile("/keys/([0-9a-zA-Z-]{1,127})(?:/([0-9a-zA-Z]{1,64}))?/?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PROBE_LENGTH = 32;

    @Inject
    BuiltInKeyVaultClient builtIn;

    @Inject
    KeyManagerRegistry registry;

    @Inject
    KeyManagerGuard guard;

    @Inject
    ActivityLog activity;

    /** A remote key as a URI names it. */
    private record Target(Remote remote, KeyRef key) {

        KeyManager registration() {
            return remote.registration();
        }

        String versionlessUri() {
            return registration().pkcs11().map(token -> new Pkcs11Uri(token.token(), key.name()).uri())
                    .orElseGet(() -> registration().keyVaultUrl() + "/keys/" + key.name());
        }

        /** A version's kid; a token's key has one version, and its URI names it. */
        String uri(String version) {
            return registration().pkcs11().isPresent() ? versionlessUri() : versionlessUri() + "/" + version;
        }

        ResourcePath resource() {
            return ResourcePath.keyManager(registration().name()).child("keys", key.name());
        }
    }

    @Override
    public void requireKnownKeyUri(String keyUri) {
        if (!builtIn.owns(keyUri) && named(keyUri).filter(named -> registry.isRegistered(named.origin())).isEmpty()) {
            throw new StrongroomException(ErrorCode.UserErrorKeyNotFound, unknown(keyUri), "keyUri");
        }
    }

    @Override
    public boolean announcesNewVersions(String keyUri) {
        return builtIn.owns(keyUri);
    }

    @Override
    @Transactional
    public ResolvedKey resolve(String keyUri, Caller caller) {
        if (builtIn.owns(keyUri)) {
            return builtIn.resolve(keyUri, caller);
        }
        Target target = remote(keyUri);
        return activity.recordUse(caller, "GetKey", target.resource(), () -> get(target).key(),
                key -> "version " + key.version() + " at key manager '" + target.registration().name() + "'");
    }

    /** The registration's region and subscription; soft delete and purge protection from the key's {@link RecoveryLevel}. */
    @Override
    @Transactional
    public KeyVaultProperties keyVaultOf(String keyUri) {
        if (builtIn.owns(keyUri)) {
            return builtIn.keyVaultOf(keyUri);
        }
        Target target = remote(keyUri);
        KeyManager registration = target.registration();
        RemoteKey key = get(target);
        RecoveryLevel level = RecoveryLevel.of(key.recoveryLevel(), key.recoverableDays());
        String source = "key manager '" + registration.name() + "': region " + registration.region() + " and "
                + (registration.subscriptionId() == null ? "no subscription" : "subscription " + registration.subscriptionId())
                + " from its registration; soft delete and purge protection " + (registration.pkcs11().isPresent()
                ? "as its registration states them for the token's keys (recovery level " + level + ")"
                : "from the key's recovery level " + level);
        return new KeyVaultProperties(registration.name(), registration.keyVaultUrl(), registration.region(),
                registration.subscriptionId(), level.softDelete(), level.purgeProtection(), source);
    }

    /**
     * For a remote key: the permissions whose calls succeed — get; list (the key's versions); wrapKey and
     * unwrapKey, on a random probe value that must come back as it was. A key that is disabled, expired or not
     * yet valid cannot be tried: refused as such.
     */
    @Override
    @Transactional
    public Set<String> keyPermissions(String keyUri, Caller caller) {
        if (builtIn.owns(keyUri)) {
            return builtIn.keyPermissions(keyUri, caller);
        }
        Target target = remote(keyUri);
        return activity.recordUse(caller, "ProbeKeyPermissions", target.resource(), () -> probe(target),
                granted -> "granted " + granted + " at key manager '" + target.registration().name() + "'");
    }

    /** The built-in key vaults only: a registered key manager's keys are named by URI. Not one transaction: each listing is its own. */
    @Override
    public List<BrowsedKeyVault> browse(Caller caller) {
        return builtIn.browse(caller);
    }

    @Override
    @Transactional
    public List<KeyVersionState> versions(String keyUri, Caller caller) {
        if (builtIn.owns(keyUri)) {
            return builtIn.versions(keyUri, caller);
        }
        Target target = remote(keyUri);
        return activity.recordUse(caller, "ListKeyVersions", target.resource(), () -> guarded(target,
                        () -> target.remote().connection().versions(target.key())).stream()
                        .map(v -> new KeyVersionState(target.uri(v.version()), v.version(), v.enabled(), v.created())).toList(),
                versions -> versions.size() + " version(s) at key manager '" + target.registration().name() + "'");
    }

    @Override
    @Transactional
    public byte[] wrap(String kid, byte[] secret, Caller caller) {
        if (builtIn.owns(kid)) {
            return builtIn.wrap(kid, secret, caller);
        }
        Target target = remote(kid);
        return activity.recordUse(caller, "WrapKey", target.resource(), () -> wrapAt(target, secret),
                wrapped -> "version " + target.key().version() + " at key manager '" + target.registration().name() + "'");
    }

    @Override
    @Transactional
    public KeyMaterial unwrap(String kid, byte[] wrapped, Caller caller) {
        if (builtIn.owns(kid)) {
            return builtIn.unwrap(kid, wrapped, caller);
        }
        Target target = remote(kid);
        return activity.recordUse(caller, "UnwrapKey", target.resource(), () -> unwrapAt(target, wrapped),
                secret -> "version " + target.key().version() + " at key manager '" + target.registration().name() + "'");
    }

    private Set<String> probe(Target target) {
        Set<String> granted = new LinkedHashSet<>();
        if (!refused(() -> get(target))) {
            granted.add("get");
        }
        if (!refused(() -> guarded(target, () -> target.remote().connection().versions(target.key())))) {
            granted.add("list");
        }
        Target probed = target.key().isVersionless()
                ? new Target(target.remote(), new KeyRef(target.key().name(), get(target).key().version())) : target;
        byte[] value = new byte[PROBE_LENGTH];
        RANDOM.nextBytes(value);
        byte[] wrapped;
        try {
            wrapped = wrapAt(probed, value);
        } catch (StrongroomException e) {
            if (e.code() == ErrorCode.Forbidden) {
                return granted;
            }
            throw e;
        }
        granted.add("wrapKey");
        if (!refused(() -> {
            try (KeyMaterial back = unwrapAt(probed, wrapped)) {
                if (!Arrays.equals(back.bytes(), value)) {
                    throw new StrongroomException(ErrorCode.DataIntegrityError, "Key manager '" + probed.registration().name()
                            + "' did not unwrap the probe value it wrapped", "keyUri");
                }
            }
            return null;
        })) {
            granted.add("unwrapKey");
        }
        return granted;
    }

    private byte[] wrapAt(Target target, byte[] secret) {
        return explained(target, () -> guarded(target, () -> target.remote().connection().wrap(target.key(), secret)));
    }

    private KeyMaterial unwrapAt(Target target, byte[] wrapped) {
        return explained(target, () -> guarded(target, () -> target.remote().connection().unwrap(target.key(), wrapped)));
    }

    /** Whether {@code call} was refused for want of permission; any other refusal goes on. */
    private static boolean refused(Supplier<?> call) {
        try {
            call.get();
            return false;
        } catch (StrongroomException e) {
            if (e.code() == ErrorCode.Forbidden) {
                return true;
            }
            throw e;
        }
    }

    private RemoteKey get(Target target) {
        return explained(target, () -> guarded(target, () -> target.remote().connection().get(target.key())));
    }

    private <T> T guarded(Target target, Supplier<T> call) {
        return guard.call(target.registration().name(), call);
    }

    /**
     * A key manager that forbids a use may do so because the key is disabled, expired or not yet valid (Azure
     * Key Vault answers those 403 too): the key's versions, which list even then, tell; the refusal then says so.
     */
    private <T> T explained(Target target, Supplier<T> call) {
        try {
            return call.get();
        } catch (StrongroomException forbidden) {
            if (forbidden.code() != ErrorCode.Forbidden) {
                throw forbidden;
            }
            Optional<RemoteKeyVersion> state;
            try {
                state = guarded(target, () -> target.remote().connection().versions(target.key())).stream()
                        .filter(v -> target.key().isVersionless() || v.version().equals(target.key().version()))
                        .max(Comparator.comparing(RemoteKeyVersion::created, Comparator.nullsFirst(Comparator.naturalOrder())));
            } catch (StrongroomException unknown) {
                throw forbidden;
            }
            Instant now = Timestamps.now();
            String kid = target.uri(state.map(RemoteKeyVersion::version).orElse(""));
            state.ifPresent(version -> {
                if (!version.enabled()) {
                    throw new StrongroomException(ErrorCode.KeyDisabled, "Key " + kid + " is disabled", kid, forbidden);
                }
                if (version.expires() != null && !now.isBefore(version.expires())) {
                    throw new StrongroomException(ErrorCode.KeyExpired, "Key " + kid + " expired at " + version.expires(), kid, forbidden);
                }
                if (version.notBefore() != null && now.isBefore(version.notBefore())) {
                    throw new StrongroomException(ErrorCode.KeyNotYetValid, "Key " + kid + " is not valid before "
                            + version.notBefore(), kid, forbidden);
                }
            });
            throw forbidden;
        }
    }

    private Target remote(String keyUri) {
        return target(keyUri).orElseThrow(() -> StrongroomException.notFound(unknown(keyUri), "keyUri"));
    }

    private Optional<Target> target(String keyUri) {
        return named(keyUri).flatMap(named -> registry.forOrigin(named.origin()).map(remote -> new Target(remote, named.key())));
    }

    /** A key URI read as a key manager's origin and the key it names, without connecting to anything. */
    private record Named(String origin, KeyRef key) {
    }

    private static Optional<Named> named(String keyUri) {
        Optional<Pkcs11Uri> onToken = Pkcs11Uri.parse(keyUri);
        if (onToken.isPresent()) {
            return Optional.of(new Named(Pkcs11Uri.ORIGIN + onToken.get().token(), new KeyRef(onToken.get().object(), null)));
        }
        URI uri;
        try {
            uri = new URI(keyUri);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        if (uri.getRawPath() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        Matcher path = KEY_PATH.matcher(uri.getRawPath());
        if (!path.matches() || KeyManager.origin(uri).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Named(KeyManager.origin(uri), new KeyRef(path.group(1), path.group(2))));
    }

    private static String unknown(String keyUri) {
        return "'" + keyUri + "' is no key of this server's key vaults nor of a registered key manager "
                + "({keyVaultUri}/keys/{name}[/{version}], or pkcs11:token={label};object={label}; an admin registers remote "
                + "key vaults and tokens at /api/keyManagers)";
    }
}
