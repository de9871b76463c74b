package org.strongroom.storage.app;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
 * ({@code FileSystem}, the default), an Azure Blob Storage container or an S3 bucket. The container or bucket is
 * reached (and made when missing) before the vault exists; the store's key is sealed by the platform key.
 */
@ApplicationScoped
public class VaultStores {

    @Inject
    VaultStoreRepository stores;

    @Inject
    ObjectStores objectStores;

    @Inject
    PlatformKey platformKey;

    /**
     * {@code {"type":"FileSystem"}}, {@code {"type":"AzureBlob","endpoint","accountName","container","accountKey"}} or
     * {@code {"type":"S3","endpoint","region","bucket","accessKeyId","secretAccessKey"}}.
     */
    public record StoreRequest(String type, String endpoint, String accountName, String container, String accountKey,
                               String region, String bucket, String accessKeyId, String secretAccessKey) {

        /** The request in the store's common words: a store of {@code vault} with its secret not yet sealed. */
        private VaultStore toStore(VaultName vault, VaultStore.Type type) {
            String endpoint = endpoint() == null ? null : endpoint().replaceAll("/+$", "");
            return type == VaultStore.Type.S3
                    ? new VaultStore(vault, type, endpoint, region() == null ? VaultStore.DEFAULT_S3_REGION : region(), accessKeyId(), bucket(), null)
                    : new VaultStore(vault, type, endpoint, null, accountName(), container(), null);
        }

        private String secret(VaultStore.Type type) {
            return type == VaultStore.Type.S3 ? secretAccessKey() : accountKey();
        }
    }

    /** Records the store of the new vault {@code vault} (in the caller's transaction); answers it, empty for the directory. */
    public Optional<VaultStore> assign(VaultName vault, StoreRequest request) {
        VaultStore.Type type = typeOf(request);
        if (type == VaultStore.Type.FileSystem) {
            return Optional.empty();
        }
        VaultStore asked = request.toStore(vault, type);
        String secret = request.secret(type);
        VaultStore.check(type, asked.endpoint(), asked.region(), asked.account(), asked.container(), secret);
        VaultStore store = new VaultStore(vault, type, asked.endpoint(), asked.region(), asked.account(), asked.container(),
                platformKey.seal(secret.getBytes(StandardCharsets.UTF_8), VaultStore.sealingContext(vault)));
        objectStores.connect(store, secret);
        stores.add(store);
        return Optional.of(store);
    }

    /** Whether {@code request} names the store {@code vault} has (a PUT of an existing vault may repeat it, not change it). */
    public boolean sameAs(VaultName vault, StoreRequest request) {
        Optional<VaultStore> current = stores.find(vault);
        VaultStore.Type type = typeOf(request);
        if (current.isEmpty()) {
            return type == VaultStore.Type.FileSystem;
        }
        if (current.get().type() != type) {
            return false;
        }
        VaultStore asked = request.toStore(vault, type);
        return current.get().endpoint().equals(asked.endpoint()) && Objects.equals(current.get().region(), asked.region())
                && current.get().account().equals(asked.account()) && current.get().container().equals(asked.container());
    }

    public Optional<VaultStore> of(VaultName vault) {
        return stores.find(vault);
    }

    /** The vault is gone: its store is no longer its. */
    public void forget(VaultName vault) {
        stores.remove(vault);
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
        throw StrongroomException.badRequest("'storage.type' must be FileSystem, AzureBlob or S3, not '" + request.type() + "'", "storage.type");
    }
}
