package org.strongroom.storage.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;

/**
 * Where a vault's encrypted data lives: packs of chunk blobs, one manifest per recovery point, and the
 * wrapped data key. Writes are atomic (temporary name, fsync, rename): a reader sees a file whole or not
 * at all. Names are checked by the callers (vault and item names allow no path separators).
 */
public interface ChunkStore {

    PackWriter newPack(VaultName vault);

    BlobReader blobs(VaultName vault);

    /** The sealed packs present for {@code vault}. */
    Set<UUID> packs(VaultName vault);

    void deletePack(VaultName vault, UUID pack);

    void writeManifest(ItemRef item, String recoveryPointId, byte[] sealed);

    /** The sealed manifest; {@link StoreDamagedException} when it is missing. */
    byte[] readManifest(ItemRef item, String recoveryPointId);

    /** Every manifest present for {@code vault}, as (item, recovery point id). */
    List<ManifestName> manifests(VaultName vault);

    /** Deletes a manifest the store listed ({@link #manifests}). */
    void deleteManifest(VaultName vault, ManifestName manifest);

    void writeDataKey(WrappedDataKeyFile file);

    /** The vaults whose data the store holds (each has its data-key file), by name. */
    List<VaultName> vaults();

    /** Removes everything the store keeps for {@code vault} (a deleted vault): packs, manifests, its data-key file. */
    void deleteVault(VaultName vault);

    Optional<WrappedDataKeyFile> readDataKey(VaultName vault);

    record ManifestName(String item, String recoveryPointId) {
    }
}
