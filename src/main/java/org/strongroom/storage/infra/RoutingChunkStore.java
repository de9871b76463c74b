package org.strongroom.storage.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.ObjectStores;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.storage.domain.VaultStoreRepository;
import org.strongroom.storage.domain.WrappedDataKeyFile;

/**
 * The server's {@link ChunkStore}: each vault's data goes where the vault's store says — its object store
 * ({@link VaultStore}, chosen at the vault's creation), or the server's store directory
 * ({@link Settings#storeDirectory()}) for a vault without one. Each call looks the vault's store up (one
 * primary-key read), so that every server of a cluster follows a vault deleted and made anew elsewhere; the
 * connection to each object store is made once and kept, its key opened from its sealed form only to connect.
 */
@ApplicationScoped
public class RoutingChunkStore implements ChunkStore, ObjectStores {

    @Inject
    Settings settings;

    @Inject
    VaultStoreRepository stores;

    @Inject
    PlatformKey platformKey;

    private FileSystemChunkStore directory;
    /** The connected object stores, by everything that names one (a vault made anew with other settings gets its own). */
    private final Map<String, ChunkStore> connected = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        directory = new FileSystemChunkStore(settings.storeDirectory());
    }

    @Override
    public ChunkStore connect(VaultStore store, String secret) {
        String service = store.type() == VaultStore.Type.S3 ? "S3 bucket '" : "Azure Blob Storage container '";
        try {
            return store.type() == VaultStore.Type.S3
                    ? S3ObjectStore.connect(store.endpoint(), store.region(), store.account(), secret, store.container(), true)
                    : AzureBlobObjectStore.connect(store.endpoint(), store.account(), secret, store.container(), true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw StrongroomException.badRequest("The " + service + store.container() + "' at " + store.endpoint()
                    + " cannot be used with the credentials given: " + firstLine(e.getMessage()), "storage");
        } catch (RuntimeException e) {
            throw StrongroomException.badRequest("The " + service + store.container() + "' at " + store.endpoint()
                    + " cannot be reached: " + firstLine(e.getMessage()), "storage.endpoint");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private ChunkStore of(VaultName vault) {
        return stores.find(vault).map(store -> connected.computeIfAbsent(String.join("|", store.type().name(), store.endpoint(),
                String.valueOf(store.region()), store.account(), store.container(), Base64.getEncoder().encodeToString(store.sealedSecret())),
                key -> open(store))).orElse(directory);
    }

    private ChunkStore open(VaultStore store) {
        try (KeyMaterial key = platformKey.open(store.sealedSecret(), VaultStore.sealingContext(store.vault()))) {
            return connect(store, new String(key.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public PackWriter newPack(VaultName vault) {
        return of(vault).newPack(vault);
    }

    @Override
    public BlobReader blobs(VaultName vault) {
        return of(vault).blobs(vault);
    }

    @Override
    public Set<UUID> packs(VaultName vault) {
        return of(vault).packs(vault);
    }

    @Override
    public void deletePack(VaultName vault, UUID pack) {
        of(vault).deletePack(vault, pack);
    }

    @Override
    public void writeManifest(ItemRef item, String recoveryPointId, byte[] sealed) {
        of(item.vault()).writeManifest(item, recoveryPointId, sealed);
    }

    @Override
    public byte[] readManifest(ItemRef item, String recoveryPointId) {
        return of(item.vault()).readManifest(item, recoveryPointId);
    }

    @Override
    public List<ManifestName> manifests(VaultName vault) {
        return of(vault).manifests(vault);
    }

    @Override
    public void deleteManifest(VaultName vault, ManifestName manifest) {
        of(vault).deleteManifest(vault, manifest);
    }

    @Override
    public void writeDataKey(WrappedDataKeyFile file) {
        of(VaultName.of(file.vault())).writeDataKey(file);
    }

    /** The vaults of the store directory and those of object stores that hold a data-key file. */
    @Override
    public List<VaultName> vaults() {
        Set<VaultName> found = new TreeSet<>(directory.vaults());
        for (VaultStore store : stores.all()) {
            if (of(store.vault()).readDataKey(store.vault()).isPresent()) {
                found.add(store.vault());
            }
        }
        return new ArrayList<>(found);
    }

    @Override
    public void deleteVault(VaultName vault) {
        of(vault).deleteVault(vault);
    }

    @Override
    public Optional<WrappedDataKeyFile> readDataKey(VaultName vault) {
        return of(vault).readDataKey(vault);
    }
}
