package org.strongroom.storage.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a vault's encrypted data lives: packs of chunk blobs, one manifest per recovery point, and the
 * wrapped data key. Writes are atomic (temporary name, fsync, rename): a reader sees a file whole or not
 * at all. Names are checked by the callers (vault and item names allow no path separators).
 */
public interface ChunkStore {

    PackWriter newPack(String vault);

    BlobReader blobs(String vault);

    /** The sealed packs present for {@code vault}. */
    Set<UUID> packs(String vault);

    void deletePack(String vault, UUID pack);

    void writeManifest(String vault, String item, String recoveryPointId, byte[] sealed);

    /** The sealed manifest; {@link StoreDamagedException} when it is missing. */
    byte[] readManifest(String vault, String item, String recoveryPointId);

    /** Every manifest present for {@code vault}, as (item, recovery point id). */
    List<ManifestName> manifests(String vault);

    void deleteManifest(String vault, String item, String recoveryPointId);

    void writeDataKey(WrappedDataKeyFile file);

    /** The vaults whose data the store holds (each has its data-key file), by name. */
    List<String> vaults();

    Optional<WrappedDataKeyFile> readDataKey(String vault);

    record ManifestName(String item, String recoveryPointId) {
    }
}
