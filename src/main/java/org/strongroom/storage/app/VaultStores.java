package org.strongroom.storage.app;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.PlatformKey;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ObjectStores;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.storage.domain.VaultStoreRepository;

/**
 * Chooses where a vault's backup data lives, once, when the vault is created: the server's store directory
 * ({@code FileSystem}, the default) or an Azure Blob Storage container. The container is reached (and made
 * when missing) before the vault exists; the account key is sealed by the platform key.
 */
@ApplicationScoped
public class VaultStores {

    @Inject
    VaultStoreRepository stores;

    @Inject
    ObjectStores objectStores;

    @Inject
    PlatformKey platformKey;

    /** {@code {"type":"FileSystem"}} or {@code {"type":"AzureBlob","endpoint","accountName","container","accountKey"}}. */
    public record StoreRequest(String type, String endpoint, String accountName, String container, String accountKey) {
    }

    /** Records the store of the new vault {@code vault} (in the caller's transaction); answers it, empty for the directory. */
    public Optional<VaultStore> assign(VaultName vault, StoreRequest request) {
        VaultStore.Type type = typeOf(request);
        if (type == VaultStore.Type.FileSystem) {
            return Optional.empty();
        }
        VaultStore.check(request.endpoint(), request.accountName(), request.container(), request.accountKey());
        VaultStore store = new VaultStore(vault, type, endpointOf(request), request.accountName(),
                request.container(), platformKey.seal(request.accountKey().getBytes(StandardCharsets.UTF_8), VaultStore.sealingContext(vault)));
        objectStores.connect(store, request.accountKey());
        stores.add(store);
        objectStores.forget(vault);
        return Optional.of(store);
    }

    /** Whether {@code request} names the store {@code vault} has (a PUT of an existing vault may repeat it, not change it). */
    public boolean sameAs(VaultName vault, StoreRequest request) {
        Optional<VaultStore> current = stores.find(vault);
        VaultStore.Type type = typeOf(request);
        if (current.isEmpty()) {
            return type == VaultStore.Type.FileSystem;
        }
        return current.get().type() == type && current.get().endpoint().equals(endpointOf(request))
                && current.get().accountName().equals(request.accountName()) && current.get().container().equals(request.container());
    }

    public Optional<VaultStore> of(VaultName vault) {
        return stores.find(vault);
    }

    /** The vault is gone: its store is no longer its. */
    public void forget(VaultName vault) {
        stores.remove(vault);
        objectStores.forget(vault);
    }

    /** The endpoint as kept: without trailing slashes (null when the request names none). */
    private static String endpointOf(StoreRequest request) {
        return request.endpoint() == null ? null : request.endpoint().replaceAll("/+$", "");
    }

    private static VaultStore.Type typeOf(StoreRequest request) {
        if (request == null || request.type() == null) {
            return VaultStore.Type.FileSystem;
        }
        for (VaultStore.Type type : VaultStore.Type.values()) {
            if (type.name().equals(request.type())) {
                return type;
            }
        }
        throw StrongroomException.badRequest("'storage.type' must be FileSystem or AzureBlob, not '" + request.type() + "'", "storage.type");
    }
}
