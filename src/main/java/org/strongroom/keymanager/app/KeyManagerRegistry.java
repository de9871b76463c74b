package org.strongroom.keymanager.app;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.keymanager.domain.KeyManagerRepository;
import org.strongroom.platform.Caller;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * Registrations of remote key managers (admins only, through the REST resource), and the connections
 * made for them: one per registration, made again when the registration changes (on any server of a
 * cluster: a connection remembers the version of the registration it was made for). Client secrets are
 * sealed by the platform master key on the way in and opened only to connect.
 */
@ApplicationScoped
public class KeyManagerRegistry {

    @Inject
    KeyManagerRepository managers;

    @Inject
    PlatformKey platformKey;

    @Inject
    ActivityLog activity;

    @Inject
    Instance<RemoteKeyManager.Connector> connectors;

    @Inject
    KeyManagerGuard guard;

    @Inject
    Settings settings;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** A registration with its connection. */
    public record Remote(KeyManager registration, RemoteKeyManager connection) {
    }

    private record Connection(long version, RemoteKeyManager remote) {
    }

    /** Registers key manager {@code name}, or replaces its registration; a {@code null} secret keeps the one there is. */
    @Transactional
    public KeyManager put(Caller caller, String name, KeyManager.Registration registration, char[] clientSecret) {
        Optional<KeyManager> existing = managers.find(name);
        return activity.record(caller, existing.isPresent() ? "UpdateKeyManager" : "RegisterKeyManager",
                ResourcePath.keyManager(name), () -> {
                    byte[] sealed = clientSecret == null ? null : seal(name, clientSecret);
                    KeyManager manager = existing.orElse(null);
                    if (manager == null) {
                        manager = KeyManager.register(name, registration, sealed, Timestamps.now());
                    } else {
                        manager.update(registration, sealed);
                    }
                    requireFree(manager);
                    if (existing.isEmpty()) {
                        managers.add(manager);
                    }
                    guard.forget(name);
                    return manager;
                }, KeyManagerRegistry::described);
    }

    @Transactional
    public void delete(Caller caller, String name) {
        activity.record(caller, "DeleteKeyManager", ResourcePath.keyManager(name), () -> {
            KeyManager manager = get(name);
            managers.remove(manager);
            connections.remove(name);
            guard.forget(name);
            return manager;
        }, KeyManagerRegistry::described);
    }

    @Transactional
    public KeyManager get(String name) {
        return managers.find(name).orElseThrow(() -> StrongroomException.notFound("No key manager named '" + name + "'",
                ResourcePath.keyManager(name).toString()));
    }

    @Transactional
    public List<KeyManager> list() {
        return managers.all();
    }

    /** Whether a key manager is registered for key URIs that begin with {@code origin}; nothing is called. */
    @Transactional
    public boolean isRegistered(String origin) {
        return managers.findByKeyVaultUrl(origin).isPresent();
    }

    /** The registered key manager whose key URIs begin with {@code origin} ({@link KeyManager#origin}), connected. */
    @Transactional
    public Optional<Remote> forOrigin(String origin) {
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        return managers.findByKeyVaultUrl(origin).map(manager -> new Remote(manager, connection(manager)));
    }

    private RemoteKeyManager connection(KeyManager manager) {
        Connection known = connections.get(manager.name());
        if (known != null && known.version() == manager.version()) {
            return known.remote();
        }
        char[] secret = null;
        if (manager.sealedClientSecret() != null) {
            try (KeyMaterial opened = platformKey.open(manager.sealedClientSecret(), manager.sealingContext())) {
                secret = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(opened.bytes())).array();
            }
        }
        try {
            RemoteKeyManager.Connector connector = connectors.stream().filter(c -> c.connects(manager.kind())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No connector for " + manager.kind()));
            RemoteKeyManager remote = connector.connect(manager, secret);
            connections.put(manager.name(), new Connection(manager.version(), remote));
            return remote;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** A key vault URL is registered once, and is never this server's own key vault. */
    private void requireFree(KeyManager manager) {
        managers.findByKeyVaultUrl(manager.keyVaultUrl()).filter(other -> !other.name().equals(manager.name()))
                .ifPresent(other -> {
                    throw StrongroomException.conflict("Key manager '" + other.name() + "' is registered for "
                            + manager.keyVaultUrl(), "keyVaultUrl");
                });
        KeyVaultUris own = KeyVaultUris.of(settings);
        if (manager.kind() == KeyManager.Kind.Pkcs11) {
            return;
        }
        if (own.keyVaultOfHost(URI.create(manager.keyVaultUrl()).getHost()).isPresent()
                || KeyManager.origin(URI.create(own.publicBaseUrl())).equals(manager.keyVaultUrl())) {
            throw StrongroomException.badRequest(manager.keyVaultUrl() + " is this server's built-in key vault: its keys "
                    + "need no registration", "keyVaultUrl");
        }
    }

    private byte[] seal(String name, char[] clientSecret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(clientSecret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return platformKey.seal(bytes, KeyManager.sealingContext(name));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String described(KeyManager manager) {
        return manager.kind() + " at " + manager.keyVaultUrl() + " (region " + manager.region() + "), signed in with "
                + manager.credentialType() + (manager.clientId() == null ? "" : " as client " + manager.clientId());
    }
}
