package org.strongroom.storage.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

import com.azure.storage.blob.models.BlobStorageException;

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
 * ({@link Settings#storeDirectory()}) for a vault without one. The store of each vault is found once and
 * kept; its account key is opened from its sealed form only to connect.
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
    private final Map<VaultName, ChunkStore> byVault = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        directory = new FileSystemChunkStore(settings.storeDirectory());
    }

    @Override
    public ChunkStore connect(VaultStore store, String accountKey) {
        try {
            return AzureBlobChunkStore.connect(store.endpoint(), store.accountName(), accountKey, store.container());
        } catch (BlobStorageException | IllegalArgumentException | IllegalStateException e) {
            throw StrongroomException.badRequest("The Azure Blob Storage container '" + store.container() + "' at " + store.endpoint()
                    + " cannot be used with the account and key given: " + firstLine(e.getMessage()), "storage");
        } catch (RuntimeException e) {
            throw StrongroomException.badRequest("The Azure Blob Storage endpoint " + store.endpoint() + " does not answer: "
                    + firstLine(String.valueOf(e.getMessage())), "storage.endpoint");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    @Override
    public void forget(VaultName vault) {
        byVault.remove(vault);
    }

    private ChunkStore of(VaultName vault) {
        return byVault.computeIfAbsent(vault, name -> stores.find(name).map(this::open).orElse(directory));
    }

    private ChunkStore open(VaultStore store) {
        try (KeyMaterial key = platformKey.open(store.sealedAccountKey(), VaultStore.sealingContext(store.vault()))) {
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
        forget(vault);
    }

    @Override
    public Optional<WrappedDataKeyFile> readDataKey(VaultName vault) {
        return of(vault).readDataKey(vault);
    }
}
